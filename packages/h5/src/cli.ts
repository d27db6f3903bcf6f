/**
 * The `liebian` command for people who write campaign files. Exit codes: 0 done, 1 a file is invalid (or has
 * compliance errors, or cannot start an instance now), 2 the command line is wrong. Results go to stdout,
 * problems to stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AnyCampaign,
  createEngine,
  isLiebianError,
  type Locale,
  lintCampaign,
  type Store,
  validateCampaign,
} from '@liebian/core';
import { renderDocument } from './render-document.js';

export const USAGE = `usage: liebian <command> [options]

  liebian validate <campaign.json>...              check each file (every problem names the field, the value and
                                                   the fix) and lint it for its channel's rules
  liebian render <campaign.json> --out <dir>       static HTML snapshots of a fresh instance, as a visitor and as
                                                   the initiator see it
  liebian build <campaign.json> --out <dir> [--api /api]
                                                   a deployable static page reading the live state from
                                                   createHandler at --api (needs the package vite)
  liebian preview <campaign.json> [--port 5173]    every state side by side in phone frames, runnable with no
                                                   backend, following the file (needs vite and msw)
  liebian report <campaign.json> --store <url|dir> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|channel]
                 [--format table|csv|json]         the campaign's figures from the store: funnels, money, days or
                                                   channels, generations and K, viral cycle, top spreaders (the
                                                   engine must run with recordEvents; needs @liebian/adapters)
  liebian simulate <campaign.json> --seeds N --share-rate P --reach N --open-rate moments=P,group=P
                 --action-rate P --launch-rate P --new-user-share P --time-to-act MIN [--purchase-rate P]
                 [--runs 100] [--seed 1] [--days N] [--budget-fen N] [--out report.html]
                                                   a forecast before launch: the campaign's real engine over a
                                                   synthetic population, many runs, 5–95% bands (bargain, assist)
  liebian export <campaign.json> --store <url|dir> [--after <cursor>]
                                                   the campaign's event log as NDJSON on stdout (docs/analytics.md)

options:
  --out <dir>        where render and build write
  --api <path|url>   where build's page finds createHandler (default /api)
  --locale <zh-CN|en> the page's language for render and build (default zh-CN)
  --port <n>         preview's port (default 5173, 0 = any free port)
  --allow-lint-errors  render and build write the page even when the compliance lint reports errors
  --store <url|dir>  report and export: postgres://…, redis://… or a PGlite data directory (the demo's: .data/demo)
  --scope <name>     the store's schema (SQL) or key prefix (Redis), when the engine was given one
  --from, --to       report: the first and last calendar day (campaign time zone), inclusive
  --by <day|channel> report: the rows (default day)
  --format <table|csv|json>  report: default table; csv has amounts in 分
  --after <cursor>   export: start after this outbox cursor (each line carries its own)
  --help, -h         this text
  --version, -v      the version of @liebian/h5

exit codes: 0 done, 1 a campaign file is invalid or cannot run now, 2 the command line is wrong`;

const COMMANDS = ['validate', 'render', 'build', 'preview', 'report', 'export', 'simulate'] as const;
type Command = (typeof COMMANDS)[number];
const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
/** The forecast's flags (each a number, `--open-rate` a list of channel=rate). */
const SIMULATE_FLAGS = [
  'seeds',
  'share-rate',
  'reach',
  'open-rate',
  'action-rate',
  'launch-rate',
  'new-user-share',
  'time-to-act',
  'purchase-rate',
  'runs',
  'seed',
  'days',
  'budget-fen',
] as const;

/** Where the command writes: results to `out`, problems to `err`. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

class UsageError extends Error {}

/** The command line, checked: unknown flags, missing or extra arguments and bad values are refused. */
function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      api: { type: 'string' },
      locale: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      'allow-lint-errors': { type: 'boolean' },
      store: { type: 'string' },
      scope: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      after: { type: 'string' },
      seeds: { type: 'string' },
      'share-rate': { type: 'string' },
      reach: { type: 'string' },
      'open-rate': { type: 'string' },
      'action-rate': { type: 'string' },
      'launch-rate': { type: 'string' },
      'new-user-share': { type: 'string' },
      'time-to-act': { type: 'string' },
      'purchase-rate': { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      'budget-fen': { type: 'string' },
    },
  });
  const [name, ...files] = positionals;
  if (values.help || values.version)
    return { values, command: null, files, port: 0, locale: 'zh-CN' as Locale };
  if (!COMMANDS.includes(name as Command))
    throw new UsageError(
      name
        ? `unknown command "${name}"`
        : 'which command? validate, render, build, preview, report or export',
    );
  const command = name as Command;
  if (files.length === 0) throw new UsageError(`${command} needs a campaign file`);
  if (command !== 'validate' && files.length > 1)
    throw new UsageError(`${command} takes one campaign file, got ${files.length}`);
  const allowed: Record<Command, readonly string[]> = {
    validate: [],
    render: ['out', 'locale', 'allow-lint-errors'],
    build: ['out', 'api', 'locale', 'allow-lint-errors'],
    preview: ['port'],
    report: ['store', 'scope', 'from', 'to', 'by', 'format', 'locale'],
    export: ['store', 'scope', 'after'],
    simulate: [...SIMULATE_FLAGS, 'out'],
  };
  for (const flag of Object.keys(values))
    if (!allowed[command].includes(flag)) throw new UsageError(`${command} does not take --${flag}`);
  if (command === 'simulate')
    for (const flag of SIMULATE_FLAGS.slice(0, 8))
      if (values[flag] === undefined) throw new UsageError(`simulate needs --${flag}`);
  if ((command === 'render' || command === 'build') && !values.out)
    throw new UsageError(`${command} needs --out <dir>`);
  if ((command === 'report' || command === 'export') && !values.store)
    throw new UsageError(
      `${command} needs --store <url|dir> (postgres://…, redis://… or a PGlite directory)`,
    );
  if (values.by !== undefined && !['day', 'channel'].includes(values.by))
    throw new UsageError(`--by ${values.by}: use day or channel`);
  if (values.format !== undefined && !['table', 'csv', 'json'].includes(values.format))
    throw new UsageError(`--format ${values.format}: use table, csv or json`);
  for (const flag of ['from', 'to'] as const)
    if (values[flag] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[flag] ?? ''))
      throw new UsageError(`--${flag} ${values[flag]}: use a calendar day YYYY-MM-DD, e.g. 2026-12-01`);
  if (values.locale !== undefined && !LOCALES.includes(values.locale as Locale))
    throw new UsageError(`--locale ${values.locale}: use one of ${LOCALES.join(', ')}`);
  const port = values.port === undefined ? 5173 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65_535)
    throw new UsageError(`--port ${values.port}: use a port number from 0 to 65535`);
  return { values, command, files, port, locale: (values.locale ?? 'zh-CN') as Locale };
}

/** Reads and validates one file; on a problem reports it and returns null. */
function load(file: string, io: CliIo): AnyCampaign | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    io.err(`${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const checked = validateCampaign(json);
  if (!checked.ok) {
    io.err(`${file}: ${checked.error.message}`);
    return null;
  }
  return checked.campaign;
}

/**
 * Runs `liebian` with the given arguments and returns the exit code (0 done, 1 invalid file, 2 bad command line).
 *
 * @example
 * process.exitCode = await runCli(['validate', 'campaigns/spring.json']);
 */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const fromParseArgs = String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !fromParseArgs) throw error;
    io.err(`liebian: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.values.version) {
    io.out(createRequire(import.meta.url)('../package.json').version);
    return 0;
  }
  const { files, values } = parsed;
  const command = parsed.command as Command;
  if (command === 'validate') {
    let code = 0;
    for (const file of files) if (!validateOne(file, io)) code = 1;
    return code;
  }
  const file = files[0] as string;
  if (command === 'preview') {
    const { startPreview } = await import('./node/preview-server.js');
    const preview = await startPreview({ file, port: parsed.port });
    io.out(`previewing ${file} at ${preview.url} (edit the file and the page follows; Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  const campaign = load(file, io);
  if (!campaign) return 1;
  if (command === 'report' || command === 'export') return analyticsCommand(command, campaign, parsed, io);
  if (command === 'simulate') {
    const { simulateCommand } = await import('./simulate/simulate-command.js');
    return simulateCommand(campaign, values, io);
  }
  const errors = lintCampaign(campaign).filter((f) => f.severity === 'error');
  if (errors.length > 0 && !values['allow-lint-errors']) {
    for (const f of errors) io.err(`${file}: error ${f.rule} at ${f.path}: ${f.message}`);
    io.err(
      `${file}: nothing written: fix the compliance errors above, or pass --allow-lint-errors to write it anyway`,
    );
    return 1;
  }
  const dir = values.out as string;
  if (command === 'build') {
    const { buildSite } = await import('./node/build-site.js');
    const apiBase = values.api ?? '/api';
    const built = await buildSite({ file, outDir: dir, apiBase, locale: parsed.locale });
    for (const f of built.files) io.out(`wrote ${join(dir, f)}`);
    io.out(`open it as ${join(dir, 'index.html')}?i=<instanceId> once createHandler answers at ${apiBase}`);
    return 0;
  }
  return render(file, campaign, dir, parsed.locale, io);
}

/** `validate` for one file: true when it is valid and has no compliance error. */
function validateOne(file: string, io: CliIo): boolean {
  const campaign = load(file, io);
  if (!campaign) return false;
  const findings = lintCampaign(campaign);
  for (const f of findings) {
    const line = `${file}: ${f.severity} ${f.rule} at ${f.path}: ${f.message}`;
    if (f.severity === 'error') io.err(line);
    else io.out(line);
  }
  const noted = findings.length ? ` with ${findings.length} compliance finding(s)` : '';
  io.out(`${file}: valid ${campaign.kind} campaign "${campaign.id}"${noted}`);
  return !findings.some((f) => f.severity === 'error');
}

/** `render`: the page of a fresh instance, as a visitor and as the initiator see it. */
async function render(file: string, campaign: AnyCampaign, dir: string, locale: Locale, io: CliIo) {
  const engine = createEngine({
    campaigns: [campaign],
    clock: { now: () => Math.max(Date.now(), campaign.schedule.startsAt) },
  });
  try {
    const input =
      campaign.kind === 'swap'
        ? { item: { id: 'sample-item', title: locale === 'en' ? 'Sample item' : '示例物品' } }
        : undefined;
    const started = await engine.start(campaign.id, {
      actor: { id: 'initiator' },
      instanceId: 'preview',
      input,
    });
    if (started.status === 'rejected') {
      io.err(`${file}: cannot start an instance now (${started.reason})`);
      return 1;
    }
    mkdirSync(dir, { recursive: true });
    for (const [name, viewer] of [
      ['visitor', null],
      ['initiator', { id: 'initiator' }],
    ] as const) {
      const html = renderDocument({
        campaign,
        view: await engine.view('preview', viewer),
        disclosure: engine.disclose(campaign.id, locale),
        locale,
      });
      const path = join(dir, `${campaign.id}.${name}.html`);
      writeFileSync(path, html);
      io.out(`wrote ${path}`);
    }
    return 0;
  } catch (error) {
    if (!isLiebianError(error)) throw error;
    io.err(`${file}: ${error.message}`);
    return 1;
  } finally {
    await engine.dispose();
  }
}

/** `report` and `export`: read the store the engine writes to. */
async function analyticsCommand(
  command: 'report' | 'export',
  campaign: AnyCampaign,
  { values, locale }: ReturnType<typeof parse>,
  io: CliIo,
): Promise<number> {
  const { openStoreAt } = await import('./report/open-store.js');
  const { exportLog, report } = await import('./report/report-command.js');
  let store: Store;
  try {
    store = await openStoreAt(values.store as string, values.scope);
  } catch (error) {
    io.err(`liebian ${command}: cannot open the store ${values.store}: ${(error as Error).message}`);
    return 1;
  }
  try {
    if (command === 'export') {
      await exportLog(store, campaign, (line) => io.out(line.slice(0, -1)), values.after ?? null);
      return 0;
    }
    const { text, note } = await report({
      store,
      campaign,
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      by: (values.by ?? 'day') as 'day' | 'channel',
      format: (values.format ?? 'table') as 'table' | 'csv' | 'json',
      locale,
    });
    io.out(text);
    if (note) io.err(`liebian report: ${note}`);
    return 0;
  } catch (error) {
    if (!isLiebianError(error)) throw error;
    io.err(`liebian ${command}: ${error.message}`);
    return error.code === 'invalid-argument' ? 2 : 1;
  } finally {
    await store.dispose();
  }
}

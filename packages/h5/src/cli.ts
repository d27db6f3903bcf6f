/**
 * The `liebian` command for people who write campaign files.
 *
 *   liebian validate <campaign.json>            check a file (every problem names the field, the value and the fix)
 *                                               and lint it for the channel's rules (WeChat 2.1.2, 最终解释权, …)
 *   liebian render <campaign.json> --out <dir>  write the landing page as a visitor and as an initiator sees a
 *                                               fresh instance, as static HTML files (a snapshot, not a live page)
 *   liebian preview <campaign.json> [--port N]  every state side by side in phone frames, with the flows runnable
 *                                               in the browser (no backend); follows the file as you edit it
 *   liebian build <campaign.json> --out <dir> [--api /api]
 *                                               a deployable static page: HTML shell + one hashed script that reads
 *                                               the live state from the state endpoint (createHandler at --api)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, isLiebianError, type Locale, lintCampaign, validateCampaign } from '@liebian/core';
import { renderDocument } from './render-document.js';

export async function runCli(
  argv: readonly string[],
  out: (line: string) => void = console.log,
): Promise<number> {
  const [command, file] = argv;
  if (!['validate', 'render', 'preview', 'build'].includes(command ?? '') || !file) {
    out(
      'usage: liebian validate <campaign.json> | render <campaign.json> --out <dir> [--locale en] [--allow-lint-errors] | preview <campaign.json> [--port 5173] | build <campaign.json> --out <dir> [--api /api] [--locale en] [--allow-lint-errors]',
    );
    return 2;
  }
  const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  if (command === 'preview') {
    const { startPreview } = await import('./node/preview-server.js');
    const port = Number(flag('--port') ?? 5173);
    const preview = await startPreview({ file, port });
    out(`previewing ${file} at ${preview.url} (edit the file and the page follows; Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    out(`${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  const checked = validateCampaign(json);
  if (!checked.ok) {
    out(`${file}: ${checked.error.message}`);
    return 1;
  }
  const { campaign } = checked;
  const findings = lintCampaign(campaign);
  for (const f of findings) out(`${file}: ${f.severity} ${f.rule} at ${f.path}: ${f.message}`);
  if (command === 'validate') {
    out(
      `${file}: valid ${campaign.kind} campaign "${campaign.id}"${findings.length ? ` with ${findings.length} compliance finding(s)` : ''}`,
    );
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  }
  if (findings.some((f) => f.severity === 'error') && !argv.includes('--allow-lint-errors')) {
    out(
      `${file}: nothing written: fix the compliance errors above, or pass --allow-lint-errors to write it anyway`,
    );
    return 1;
  }
  const dir = flag('--out');
  if (!dir) {
    out(`${command} needs --out <dir>`);
    return 2;
  }
  const locale: Locale = flag('--locale') === 'en' ? 'en' : 'zh-CN';
  if (command === 'build') {
    const { buildSite } = await import('./node/build-site.js');
    const built = await buildSite({ file, outDir: dir, apiBase: flag('--api') ?? '/api', locale });
    for (const f of built.files) out(`wrote ${join(dir, f)}`);
    out(
      `open it as ${join(dir, 'index.html')}?i=<instanceId> once createHandler answers at ${flag('--api') ?? '/api'}`,
    );
    return 0;
  }
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
      out(`${file}: cannot start an instance now (${started.reason})`);
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
      out(`wrote ${path}`);
    }
    return 0;
  } catch (error) {
    if (isLiebianError(error)) {
      out(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await engine.dispose();
  }
}

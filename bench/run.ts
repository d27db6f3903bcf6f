/**
 * `npm run bench`: the engine against the strongest simple hand-written baseline for each workload, on every store,
 * in the same run, both checked for correctness; engine ÷ baseline printed as the median of three with the spread,
 * and each line's issue-12 target marked met or not. Options: bench/options.ts. Results: bench/results/*.json.
 * The landing page and per-mechanic figures run only when named: `npm run bench -- --section page,mechanics`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseOptions } from './options.js';
import { type Line, SECTIONS } from './sections.js';
import { benchTargets, pgUrl, redisUrl } from './stores.js';

const options = parseOptions(
  process.argv.slice(2).filter((a, i, all) => a !== '--child' && all[i - 1] !== '--child'),
  process.env,
);
const childAt = process.argv.indexOf('--child');

if (childAt >= 0) {
  // One section on one store, in this fresh process (no heap, JIT state or connections inherited from another).
  const [section, store] = (process.argv[childAt + 1] ?? '').split(':');
  const target = benchTargets([store as string])[0];
  const run = SECTIONS[section as string];
  if (!target || !run) throw new Error(`bench child: unknown ${section}:${store}`);
  await run(target, options);
  process.exit(0);
}

const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
const targets = benchTargets(options.stores);
const machine = `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
console.log(`liebian bench — ${machine}`);
console.log(
  `commit ${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ' (with local changes)' : ''}`,
);
console.log(
  `stores: ${targets.map((t) => t.name).join(', ')}${options.quick ? '   (--quick: small sizes)' : ''}`,
);
if (!pgUrl()) console.log('(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL)');
if (!redisUrl()) console.log('(Redis skipped: set REDIS_URL or TEST_REDIS_URL)');
console.log(
  `each section × store: a fresh process, one untimed warm-up pair, then ${options.runs} interleaved pairs`,
);

const jsonl = join(os.tmpdir(), `liebian-bench-${process.pid}.jsonl`);
rmSync(jsonl, { force: true });
const failures: string[] = [];
const started = Date.now();
for (const section of options.sections) {
  for (const target of targets) {
    if (['cpu', 'page', 'mechanics'].includes(section) && target.name !== 'memory') continue;
    if (section === 'bytes' && (target.name === 'memory' || target.name === 'pglite')) continue;
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1] as string,
        ...process.argv.slice(2),
        '--child',
        `${section}:${target.name}`,
      ],
      { stdio: 'inherit', env: { ...process.env, BENCH_JSONL: jsonl } },
    );
    if (child.status !== 0) failures.push(`${section}:${target.name}`);
  }
}

let lines: Line[] = [];
try {
  lines = readFileSync(jsonl, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
} catch {}
rmSync(jsonl, { force: true });

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (n: number) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 0 }) : '—';
console.log('\nsummary: engine ÷ baseline, median of the pairs (spread)');
for (const l of lines) {
  const target = l.target
    ? `${l.target.op === '>=' ? '≥' : '≤'} ${l.target.value}×  ${l.met ? 'met' : 'NOT MET'}`
    : '—';
  console.log(
    `  ${pad(l.section, 9)} ${pad(l.store, 8)} ${pad(l.workload, 72)} ${pad(`${num(l.ratio.median)}× (${num(l.ratio.min)}–${num(l.ratio.max)})`, 20)} ${target}`,
  );
}
const out =
  options.out ??
  join('bench', 'results', `${new Date(started).toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      startedAt: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      commit: git(['rev-parse', 'HEAD']),
      machine,
      options,
      lines,
      failures,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nresults: ${out}`);
if (failures.length) {
  console.error(`bench failed in: ${failures.join(', ')}`);
  process.exit(1);
}

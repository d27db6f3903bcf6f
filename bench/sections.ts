/**
 * The sections of `npm run bench`. Each measures the engine and its baseline in the same process, on the same kind
 * of store (each run on a fresh, empty one), interleaved: run r measures engine then baseline, run r+1 baseline then
 * engine, so a machine that slows down mid-run (two shared cores) moves both sides. The ratio is taken per pair and
 * its median printed with the spread.
 */
import { appendFileSync } from 'node:fs';
import type { Baseline } from './baselines/baseline.js';
import { engineCpu, rawCpu } from './cpu.js';
import { builtPageSizes, pagePaints, ssrRenders } from './h5-page.js';
import { percentile, type Run, rateOf, report, type Stat, stat } from './measure.js';
import { engineRun, rawRun, WORKLOADS } from './mechanics.js';
import type { BenchOptions } from './options.js';
import type { BenchTarget, EngineStore } from './stores.js';
import { meets, type Target, targetOf } from './targets.js';
import {
  baselineClaims,
  baselineDeadlines,
  baselineHelps,
  baselineStarts,
  engineClaims,
  engineDeadlines,
  engineHelps,
  engineStarts,
  helpPlan,
  hotPlan,
} from './workloads.js';

/** One printed and recorded comparison. */
export interface Line {
  readonly section: string;
  readonly store: string;
  readonly workload: string;
  /** What engine and baseline figures count, e.g. "helps/s", "bytes/instance", "CPU µs/event". */
  readonly unit: string;
  readonly engine: Stat;
  readonly baseline: Stat;
  readonly baselineIs: string;
  /** Engine ÷ baseline per interleaved pair (latency lines: the engine's p99 ÷ p50 per run). */
  readonly ratio: Stat;
  readonly target: Target | null;
  readonly met: boolean | null;
  readonly latency?: {
    readonly engine: { p50: number; p99: number };
    readonly baseline: { p50: number; p99: number };
  };
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
const ratioText = (s: Stat) => `${fmt(s.median, 2)}× (${fmt(s.min, 2)}–${fmt(s.max, 2)})`;
const targetText = (line: Line) =>
  line.target
    ? `target ${line.target.op === '>=' ? '≥' : '≤'} ${line.target.value}×: ${line.met ? 'met' : 'NOT MET'}`
    : 'no target';

function record(line: Line): void {
  const spread = (s: Stat, digits: number) =>
    `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
  const digits = line.engine.median < 10 ? 2 : 0;
  console.log(`\n${line.section} · ${line.store} · ${line.workload}`);
  console.log(`  engine    ${spread(line.engine, digits)} ${line.unit}`);
  console.log(`  baseline  ${spread(line.baseline, digits)} ${line.unit}   — ${line.baselineIs}`);
  if (line.latency)
    console.log(
      `  latency   engine p50 ${fmt(line.latency.engine.p50, 2)} / p99 ${fmt(line.latency.engine.p99, 2)} ms   baseline p50 ${fmt(line.latency.baseline.p50, 2)} / p99 ${fmt(line.latency.baseline.p99, 2)} ms`,
    );
  console.log(`  ratio     ${ratioText(line.ratio)}   ${targetText(line)}`);
  const out = process.env.BENCH_JSONL;
  if (out) appendFileSync(out, `${JSON.stringify(line)}\n`);
}

function lineOf(
  section: string,
  store: string,
  workload: string,
  unit: string,
  engine: number[],
  baseline: number[],
  ratios: number[],
  baselineIs: string,
  extra: Partial<Line> = {},
): Line {
  const target = targetOf(section, store);
  const ratio = stat(ratios);
  return {
    section,
    store,
    workload,
    unit,
    engine: stat(engine),
    baseline: stat(baseline),
    baselineIs,
    ratio,
    target,
    met: target ? meets(target, ratio.median) : null,
    ...extra,
  };
}

interface Pair {
  engine: Run[];
  baseline: Run[];
  baselineIs: string;
}

/** `runs` interleaved pairs, each side on a fresh store; one untimed warm-up pair first (V8 optimises the code). */
async function pairs(
  target: BenchTarget,
  runs: number,
  onEngine: (s: EngineStore, warm: boolean) => Promise<Run>,
  onBaseline: (b: Baseline, warm: boolean) => Promise<Run>,
): Promise<Pair> {
  const result: Pair = { engine: [], baseline: [], baselineIs: '' };
  const engineSide = async (warm: boolean) => {
    const s = await target.openEngine();
    try {
      const run = await onEngine(s, warm);
      if (!warm) result.engine.push(run);
    } finally {
      await s.dispose();
    }
  };
  const baselineSide = async (warm: boolean) => {
    const b = await target.openBaseline();
    result.baselineIs = b.describe;
    try {
      const run = await onBaseline(b, warm);
      if (!warm) result.baseline.push(run);
    } finally {
      await b.dispose();
    }
  };
  await engineSide(true);
  await baselineSide(true);
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      await engineSide(false);
      await baselineSide(false);
    } else {
      await baselineSide(false);
      await engineSide(false);
    }
  }
  return result;
}

const warmSize = (n: number) => Math.max(50, Math.min(n, Math.ceil(n / 20)));

function throughputLine(
  section: string,
  store: string,
  workload: string,
  unit: string,
  p: Pair,
  withLatency: boolean,
) {
  const e = p.engine.map(rateOf);
  const b = p.baseline.map(rateOf);
  const median = (runs: Run[], q: number) => stat(runs.map((r) => percentile(r.latencies ?? [], q))).median;
  const line = lineOf(
    section,
    store,
    workload,
    unit,
    e,
    b,
    e.map((x, i) => x / (b[i] as number)),
    p.baselineIs,
    {
      ...(withLatency
        ? {
            latency: {
              engine: { p50: median(p.engine, 50), p99: median(p.engine, 99) },
              baseline: { p50: median(p.baseline, 50), p99: median(p.baseline, 99) },
            },
          }
        : {}),
    },
  );
  record(line);
  return line;
}

/** The engine's own tail: p99 ÷ p50 per run (issue 12: ≤ 10× at 1,000 producers, every store). */
function latencyLine(store: string, workload: string, p: Pair) {
  const tail = (r: Run) => percentile(r.latencies ?? [], 99) / percentile(r.latencies ?? [], 50);
  const e = p.engine.map(tail);
  record(lineOf('latency', store, workload, 'p99 ÷ p50', e, p.baseline.map(tail), e, p.baselineIs));
}

const k = (n: number) => (n >= 1_000 ? `${fmt(n / 1_000, n % 1_000 ? 1 : 0)}k` : String(n));

export const SECTIONS: Record<string, (target: BenchTarget, o: BenchOptions) => Promise<void>> = {
  async many(target, o) {
    for (const instances of o.instances) {
      const plan = helpPlan(instances, o.maxHelps);
      const warm = helpPlan(warmSize(instances), o.maxHelps, 2);
      for (const width of o.producers) {
        const p = await pairs(
          target,
          o.runs,
          (s, w) => engineHelps(s.store, w ? warm : plan, width, 10),
          (b, w) => baselineHelps(b, w ? warm : plan, width, 10),
        );
        const workload = `${k(instances)} bargains, 1–${o.maxHelps} helps each (${k(plan.instanceOf.length)} helps), ${fmt(width)} producers`;
        throughputLine('many', target.name, workload, 'helps/s', p, true);
        if (width === Math.max(...o.producers)) latencyLine(target.name, workload, p);
      }
    }
  },
  async hot(target, o) {
    const plan = hotPlan(o.hotHelps);
    const warm = hotPlan(warmSize(o.hotHelps));
    const p = await pairs(
      target,
      o.runs,
      (s, w) => engineHelps(s.store, w ? warm : plan, 64, w ? warm.instanceOf.length : o.hotHelps),
      (b, w) => baselineHelps(b, w ? warm : plan, 64, w ? warm.instanceOf.length : o.hotHelps),
    );
    throughputLine(
      'hot',
      target.name,
      `one bargain, ${k(o.hotHelps)} helps, 64 producers`,
      'helps/s',
      p,
      true,
    );
  },
  async coupon(target, o) {
    const warmClaims = warmSize(o.claims);
    const warmStock = Math.ceil((warmClaims * o.stock) / o.claims);
    const p = await pairs(
      target,
      o.runs,
      (s, w) => engineClaims(s.store, w ? warmClaims : o.claims, w ? warmStock : o.stock, 64),
      (b, w) => baselineClaims(b, w ? warmClaims : o.claims, w ? warmStock : o.stock, 64),
    );
    throughputLine(
      'coupon',
      target.name,
      `${k(o.claims)} claims on shared stock ${k(o.stock)}, one per user, 64 producers`,
      'claims/s',
      p,
      true,
    );
  },
  async starts(target, o) {
    const p = await pairs(
      target,
      o.runs,
      (s, w) => engineStarts(s.store, w ? warmSize(o.starts) : o.starts, 64),
      (b, w) => baselineStarts(b, w ? warmSize(o.starts) : o.starts, 64),
    );
    throughputLine('starts', target.name, `${k(o.starts)} starts, 64 producers`, 'starts/s', p, true);
  },
  async deadlines(target, o) {
    const p = await pairs(
      target,
      o.runs,
      (s, w) => engineDeadlines(s.store, w ? warmSize(o.deadlines) : o.deadlines),
      (b, w) => baselineDeadlines(b, w ? warmSize(o.deadlines) : o.deadlines),
    );
    throughputLine(
      'deadlines',
      target.name,
      `${k(o.deadlines)} deadlines due at once`,
      'deadlines/s',
      p,
      false,
    );
  },
  async bytes(target, o) {
    const plan = helpPlan(o.bytesInstances, o.maxHelps);
    const engine: number[] = [];
    const baseline: number[] = [];
    let baselineIs = '';
    for (let r = 0; r < o.runs; r++) {
      const s = await target.openEngine();
      try {
        await engineHelps(s.store, plan, 64, 10);
        engine.push(((await s.bytes()) ?? Number.NaN) / o.bytesInstances);
      } finally {
        await s.dispose();
      }
      const b = await target.openBaseline();
      baselineIs = b.describe;
      try {
        await baselineHelps(b, plan, 64, 10);
        baseline.push(((await b.bytes()) ?? Number.NaN) / o.bytesInstances);
      } finally {
        await b.dispose();
      }
    }
    if (engine.some(Number.isNaN)) return; // this store cannot tell its size
    record(
      lineOf(
        'bytes',
        target.name,
        `${k(o.bytesInstances)} bargains after 1–${o.maxHelps} helps each (${k(plan.instanceOf.length)} helps)`,
        'bytes/instance',
        engine,
        baseline,
        engine.map((e, i) => e / (baseline[i] as number)),
        baselineIs,
      ),
    );
  },
  async cpu(target, o) {
    if (target.name !== 'memory') return;
    const plan = helpPlan(Math.ceil(o.cpuEvents / ((o.maxHelps + 1) / 2)), o.maxHelps);
    const warm = helpPlan(warmSize(plan.instances), o.maxHelps, 2);
    await engineCpu(warm);
    rawCpu(warm);
    const engine: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      if (r % 2 === 0) {
        engine.push((await engineCpu(plan)) * 1_000);
        raw.push(rawCpu(plan) * 1_000);
      } else {
        raw.push(rawCpu(plan) * 1_000);
        engine.push((await engineCpu(plan)) * 1_000);
      }
    }
    record(
      lineOf(
        'cpu',
        'memory',
        `${k(plan.instanceOf.length)} helps over ${k(plan.instances)} bargains, memory store, 64 producers`,
        'CPU µs/help',
        engine,
        raw,
        engine.map((e, i) => e / (raw[i] as number)),
        'raw xstate transition() loop, same events, one cached initial snapshot (as the engine)',
      ),
    );
  },
  async page() {
    const [ssr, json] = await ssrRenders();
    report('landing page: server-side render (bargain, initiator, three friends acted)', ssr, json);
    const paints = await pagePaints();
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    if (paints) {
      console.log('\nlanding page in Chromium, 375×667, local HTTP, median of 5 loads');
      console.log(
        `  4× CPU throttling   FCP ${ms(paints.throttled.fcp)}   LCP ${ms(paints.throttled.lcp)}   (budget: LCP ≤ 1,500 ms)`,
      );
      console.log(
        `  no throttling       FCP ${ms(paints.unthrottled.fcp)}   LCP ${ms(paints.unthrottled.lcp)}`,
      );
    } else console.log('\nlanding page paints: skipped (install chromium to measure FCP/LCP)');
    const sizes = await builtPageSizes();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `\n\`liebian build\` of the bargain sample, gzip: page script ${kb(sizes.script)} (budget 15 KB), HTML shell ${kb(sizes.html)} (budget 14 KB)`,
    );
  },
  async mechanics() {
    // One untimed pass over every workload first (the first ones measured paid for V8's optimising).
    for (const workload of WORKLOADS) await Promise.all([rawRun(workload), engineRun(workload)]);
    for (const workload of WORKLOADS) {
      const raw = await rawRun(workload);
      report(`${workload.name} (memory store)`, await engineRun(workload), raw);
    }
  },
};

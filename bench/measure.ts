/** Timing and statistics shared by the benchmarks: runs, latency percentiles, medians of three with the spread. */

/** One timed run: `ops` operations in `seconds`, with per-operation latencies when they were recorded. */
export interface Run {
  readonly ops: number;
  readonly seconds: number;
  /** Milliseconds, one per timed operation (unsorted). */
  readonly latencies?: number[];
}

export const rateOf = (run: Run) => run.ops / run.seconds;

/** Median, smallest and largest of some numbers, with the numbers themselves in the order measured. */
export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

export function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[sorted.length >> 1] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: values,
  };
}

/** The p-th percentile (0–100) of latencies, nearest rank. */
export function percentile(latencies: readonly number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = Float64Array.from(latencies).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Times `run` and returns how many operations it made. */
export async function timed(ops: number, run: () => Promise<void> | void): Promise<Run> {
  const start = performance.now();
  await run();
  return { ops, seconds: (performance.now() - start) / 1000 };
}

/**
 * `producers` concurrent loops take the next of `total` operations until none is left, each waiting for its answer
 * before taking another; every operation's latency is recorded (or the one `op` returns, when it also makes an
 * untimed retry). `op` throws on a wrong answer, and the bench fails.
 */
export async function producers(
  count: number,
  total: number,
  op: (n: number) => Promise<number | undefined>,
): Promise<Run> {
  const latencies = new Array<number>(total);
  let next = 0;
  const loop = async () => {
    while (next < total) {
      const n = next++;
      const start = performance.now();
      const latency = await op(n);
      latencies[n] = latency ?? performance.now() - start;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(count, total) }, loop));
  return { ops: total, seconds: (performance.now() - start) / 1000, latencies };
}

/** A seeded, fast pseudo-random generator (mulberry32) for workloads: the same plan in every run and store. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A named rate for the landing-page and per-mechanic figures (`--section page`, `--section mechanics`). */
export interface Measurement {
  readonly name: string;
  readonly ops: number;
  readonly seconds: number;
  readonly note?: string;
}

export async function measure(
  name: string,
  ops: number,
  run: () => Promise<void> | void,
  note?: string,
): Promise<Measurement> {
  const { seconds } = await timed(ops, run);
  return note === undefined ? { name, ops, seconds } : { name, ops, seconds, note };
}

/** Prints one named comparison: the measured rate, the baseline measured in the same run, and their ratio. */
export function report(title: string, subject: Measurement, baseline: Measurement): void {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`\n${title}`);
  for (const m of [subject, baseline]) {
    console.log(
      `  ${m.name.padEnd(58)} ${fmt(m.ops / m.seconds).padStart(10)} /s   (${fmt(m.ops)} in ${m.seconds.toFixed(2)} s)${m.note ? `  ${m.note}` : ''}`,
    );
  }
  console.log(
    `  ratio: ${(subject.ops / subject.seconds / (baseline.ops / baseline.seconds)).toFixed(2)}× the baseline`,
  );
}

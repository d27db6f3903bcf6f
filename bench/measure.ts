/** Tiny helpers shared by the benchmarks: timing, warm-up and a printed table. */

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
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  return note === undefined ? { name, ops, seconds } : { name, ops, seconds, note };
}

export const rate = (m: Measurement) => m.ops / m.seconds;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Prints one comparison: the measured rate, the baseline measured in the same run, and their ratio. */
export function report(title: string, subject: Measurement, baseline: Measurement): void {
  console.log(`\n${title}`);
  for (const m of [subject, baseline]) {
    console.log(
      `  ${m.name.padEnd(58)} ${fmt(rate(m)).padStart(10)} /s   (${fmt(m.ops)} in ${m.seconds.toFixed(2)} s)${m.note ? `  ${m.note}` : ''}`,
    );
  }
  console.log(`  ratio: ${(rate(subject) / rate(baseline)).toFixed(2)}× the baseline`);
}

/**
 * Runs a measurement `times` times and returns the median run, its note extended with every run's rate, so one
 * figure from a noisy machine (here the databases share the two cores) is not mistaken for the typical one.
 */
export async function medianOf(times: number, run: () => Promise<Measurement>): Promise<Measurement> {
  const runs: Measurement[] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  runs.sort((a, b) => rate(a) - rate(b));
  const median = runs[Math.floor(runs.length / 2)] as Measurement;
  const all = `median of ${times}: ${runs.map((m) => fmt(rate(m))).join(' / ')} /s`;
  return { ...median, note: median.note ? `${median.note}; ${all}` : all };
}

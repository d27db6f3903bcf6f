/**
 * `npm run bench`: every figure is printed beside a baseline measured in the same run, as a ratio.
 * Results and the machine they were taken on are recorded in docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { createMemoryStore } from '@liebian/core';
import { builtPageSizes, pagePaints, ssrRenders } from './h5-page.js';
import { HELPS, hotInstance, PRODUCERS, rawTransitions } from './hot-bargain.js';
import { medianOf, report } from './measure.js';
import { engineRun, rawRun, WORKLOADS } from './mechanics.js';
import { naiveReadThenCas } from './naive-baseline.js';
import { stockRace } from './stock-race.js';
import { type BenchStore, benchStores, memoryBenchStore } from './stores.js';

/**
 * Each section runs in a fresh Node process, one after another, so a measurement does not inherit the heap, the
 * JIT state or the open connections of the ones before it (inside one long process later figures came out lower).
 */
const WARM_UP_RUNS = 4;

const SECTIONS: Record<string, () => Promise<void>> = {
  async hot() {
    await rawTransitions();
    await warmUp(memoryBenchStore);

    const raw = await rawTransitions();
    report(
      'engine vs raw xstate (memory store)',
      await hotInstance('engine.send(), memory store', createMemoryStore()),
      raw,
    );
  },
  async page() {
    const [ssr, json] = await ssrRenders();
    report('landing page: server-side render (bargain, initiator, three friends acted)', ssr, json);
    const paints = await pagePaints();
    if (paints) {
      const ms = (n: number) => `${n.toFixed(0)} ms`;
      console.log('\nlanding page in Chromium, 375×667, local HTTP, median of 5 loads');
      console.log(
        `  4× CPU throttling   FCP ${ms(paints.throttled.fcp)}   LCP ${ms(paints.throttled.lcp)}   (budget: LCP ≤ 1,500 ms)`,
      );
      console.log(
        `  no throttling       FCP ${ms(paints.unthrottled.fcp)}   LCP ${ms(paints.unthrottled.lcp)}`,
      );
      console.log(
        `  ratio: LCP ${(paints.throttled.lcp / paints.unthrottled.lcp).toFixed(2)}× the unthrottled baseline`,
      );
    } else console.log('\nlanding page paints: skipped (install chromium to measure FCP/LCP)');
    const sizes = await builtPageSizes();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log('\n`liebian build` of the bargain sample, gzip');
    console.log(
      `  page script ${kb(sizes.script)} (budget 15 KB)   HTML shell ${kb(sizes.html)} (budget 14 KB)`,
    );
  },
  async mechanics() {
    // One untimed pass over every workload first, as for the hot instance (the first ones measured paid for V8's
    // optimising, and the lines moved by a third from run to run).
    for (const workload of WORKLOADS) await Promise.all([rawRun(workload), engineRun(workload)]);
    for (const workload of WORKLOADS) {
      const raw = await rawRun(workload);
      report(`${workload.name} (memory store)`, await engineRun(workload), raw);
    }
  },
};

/**
 * Each section is a fresh process, so V8 has not optimised the engine yet: untimed runs on the store to be measured
 * come first, as a long-running server would be warm (and only ever sees its one store: warming up on another one
 * made the store calls polymorphic and the PostgreSQL figures lower). In one probe in a single process, five runs
 * on PostgreSQL went 24k → 27k → 31k → 35k → 37k events/s, and four on the memory store 50k → 76k.
 */
async function warmUp(target: BenchStore): Promise<void> {
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    const store = await target.open();
    await hotInstance('warm-up', store);
    await store.dispose();
  }
}

async function storeSection(target: BenchStore): Promise<void> {
  await warmUp(target);
  const engine = await medianOf(3, async () => {
    const engineStore = await target.open();
    const m = await hotInstance(`engine.send(), ${target.name}`, engineStore);
    await engineStore.dispose();
    return m;
  });
  const naiveStore = await target.open();
  // The naive loop collapses under contention; a fifth of the helps is plenty to measure its rate.
  const naive = await naiveReadThenCas(
    `naive load → transition → CAS per event, ${target.name}`,
    naiveStore,
    HELPS / 5,
  );
  await naiveStore.dispose();
  report(`${target.name}: engine vs naive read-then-CAS on the same store`, engine, naive);
  // The same work with 1,000 producers: larger batches show what the batching itself can carry.
  const wide = await medianOf(3, async () => {
    const wideStore = await target.open();
    const m = await hotInstance(`engine.send(), ${target.name}, 1,000 producers`, wideStore, 1_000);
    await wideStore.dispose();
    return m;
  });
  report(`${target.name}: 1,000 producers vs 64`, wide, engine);
  const stockStore = await target.open();
  const [reserved, oneByOne] = await stockRace(target.name, stockStore);
  report(
    `${target.name}: coupon stock — 10,000 concurrent reservations against stock 1,000`,
    reserved,
    oneByOne,
  );
  await stockStore.dispose();
  await target.cleanup();
}

const section = process.argv[process.argv.indexOf('--section') + 1];
if (process.argv.includes('--section') && section) {
  const store = benchStores().find((s) => s.name === section);
  await (store ? storeSection(store) : SECTIONS[section]?.());
} else {
  console.log(
    `liebian bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  console.log(
    `one hot bargain instance, ${PRODUCERS} concurrent producers, ${HELPS.toLocaleString('en-US')} distinct helps + retries`,
  );
  console.log(`each section: a fresh process, ${WARM_UP_RUNS} untimed runs on the store measured first`);
  for (const name of [...Object.keys(SECTIONS), ...benchStores().map((s) => s.name)]) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, '--section', name],
      {
        stdio: 'inherit',
        env: process.env,
      },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}

/**
 * Heap bytes per cached instance: the same bargains (N instances, H helps each) on the memory store, once with a
 * cache of one instance and once with room for all, each in a fresh process after a full GC; the difference ÷ N.
 * The estimate in `engine/instance-cache.ts` is fitted to these figures.
 *
 *   node --expose-gc --import tsx bench/cache-bytes.ts        # prints a line per helps count
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEngine, createMemoryStore } from '@liebian/core';
import { createManualClock, seededRandom } from '@liebian/core/testing';
import { bargainCampaign, NOW } from './workloads.js';

const N = 20_000;
const gc = (globalThis as { gc?: () => void }).gc;

async function heapWith(cacheSize: number, helps: number): Promise<number> {
  const campaign = bargainCampaign('cache-bytes', 10);
  const engine = createEngine({
    campaigns: [campaign],
    store: createMemoryStore(),
    clock: createManualClock(NOW),
    random: seededRandom(1),
    cacheSize,
    cacheBytes: 2 ** 40,
  });
  for (let i = 0; i < N; i++) {
    await engine.start(campaign.id, { actor: { id: `u${i}` }, instanceId: `b${i}` });
    for (let k = 0; k < helps; k++)
      await engine.send(`b${i}`, { type: 'bargain.help', eventId: `h${k}` }, { actor: { id: `f${i}_${k}` } });
  }
  gc?.();
  gc?.();
  const used = process.memoryUsage().heapUsed;
  await engine.dispose();
  return used;
}

const [cacheSize, helps] = process.argv.slice(2).map(Number);
if (cacheSize !== undefined && helps !== undefined) {
  console.log(await heapWith(cacheSize, helps));
} else {
  if (!gc) throw new Error('run with node --expose-gc');
  const self = fileURLToPath(import.meta.url);
  const heap = (size: number, h: number) =>
    Number(execFileSync(process.execPath, [...process.execArgv, self, String(size), String(h)]).toString());
  for (const h of [0, 3, 9]) {
    const bytes = (heap(N, h) - heap(1, h)) / N;
    console.log(`bargain after ${h} helps: ${bytes.toFixed(0)} bytes per cached instance`);
  }
}

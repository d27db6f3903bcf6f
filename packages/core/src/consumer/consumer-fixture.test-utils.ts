import { createManualClock } from '../primitives/clock.js';
import { commitOne } from '../store/commit-one.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import type { Scheduler } from './types.js';

/** Commits one outbox entry per key on instance `id` (creating it), each payload shaped like an engine effect. */
export async function commitEffects(store: Store, id: string, keys: readonly string[], at = 1_000) {
  const current = (await store.load(id))?.version ?? 0;
  const result = await commitOne(store, id, {
    expectedVersion: current,
    campaignId: 'c',
    kind: 'bargain',
    snapshot: {},
    keys: [],
    timers: { upsert: [], cancel: [] },
    outbox: keys.map((dedupeKey) => ({
      type: 'test.effect',
      dedupeKey,
      payload: { type: 'test.effect', dedupeKey, instanceId: id, at, payload: {} },
    })),
    now: at,
  });
  if (!result.ok) throw new Error(`commit failed: ${JSON.stringify(result)}`);
}

/** A scheduler whose timers fire only when the test says so. */
export function manualScheduler() {
  let next = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  const scheduler: Scheduler = {
    setTimeout(run, ms) {
      pending.set(next, { run, ms });
      return next++;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    scheduler,
    /** Delays of the timers waiting now. */
    delays: () => [...pending.values()].map((t) => t.ms),
    /** Fires every waiting timer once (not the ones they set). */
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.run();
    },
  };
}

export function consumerSetup() {
  return { store: createMemoryStore(), clock: createManualClock(1_000_000) };
}

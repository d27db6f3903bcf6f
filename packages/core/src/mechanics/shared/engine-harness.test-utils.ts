import { afterEach } from 'vitest';
import type { AnyCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import type { Effect, Engine } from '../../engine/types.js';
import { RETRYABLE_CODES } from '../../errors/error-codes.js';
import { isLiebianError } from '../../errors/liebian-error.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import { createMemoryStore } from '../../store/memory-store.js';
import type { Store } from '../../store/store.js';

/**
 * Dedupe keys delivered by every recording engine of the running test. Two deliveries with one key mean two effects
 * share it (or one was committed twice): either way an integrator deduping by it would drop or repeat one. Every test
 * using these harnesses fails on it.
 */
const collisions: string[] = [];
afterEach(() => {
  const found = collisions.splice(0);
  if (found.length > 0)
    throw new Error(`effects delivered twice under one dedupeKey: ${found.slice(0, 5).join(', ')}`);
});

/** An engine over `store` and `clock`, seeded, that records every effect it delivers into `effects`. */
const recordingEngine = (
  campaign: AnyCampaign,
  store: Store,
  clock: ReturnType<typeof createManualClock>,
  seed: number,
  effects: Effect[],
  delivered: Set<string>,
): Engine =>
  createEngine({
    campaigns: [campaign],
    store,
    clock,
    random: seededRandom(seed),
    onEffect: (e) => {
      if (delivered.has(e.dedupeKey)) collisions.push(e.dedupeKey);
      delivered.add(e.dedupeKey);
      effects.push(e);
    },
  });

/**
 * An engine on a memory store with a manual clock, recording every effect; `restart()` replaces the engine with a
 * fresh one on the same store (an empty cache), so tests can check a snapshot restored from JSON behaves the same.
 */
export function engineHarness(campaign: AnyCampaign, start: number, seed: number) {
  const clock = createManualClock(start);
  const store = createMemoryStore();
  const effects: Effect[] = [];
  const delivered = new Set<string>();
  const make = () => recordingEngine(campaign, store, clock, seed, effects, delivered);
  let engine = make();
  return {
    clock,
    effects,
    store,
    get engine() {
      return engine;
    },
    async restart() {
      await engine.dispose();
      engine = make();
    },
  };
}

/** Two engines on one store, as two processes would run (seeded apart), recording every effect either delivers. */
export function twoEngines(campaign: AnyCampaign, store: Store, start: number) {
  const clock = createManualClock(start);
  const effects: Effect[] = [];
  const delivered = new Set<string>();
  const engines = [1, 2].map((seed) => recordingEngine(campaign, store, clock, seed, effects, delivered)) as [
    Engine,
    Engine,
  ];
  /**
   * Every effect the store committed for the campaign, read from its outbox: the truth. `effects` holds what the
   * engines heard, a hint that misses a commit whose answer came too late and was settled by reading back.
   */
  const committed = async (): Promise<Effect[]> => {
    const all: Effect[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await store.readOutbox(cursor, 1_000);
      if (page.length === 0) return all.filter((e) => e.campaignId === campaign.id);
      for (const item of page) all.push(item.payload as Effect);
      cursor = page.at(-1)?.cursor ?? null;
    }
  };
  return { clock, effects, engines, committed };
}

/**
 * `engine.send` as a correct client calls it: an answer that is unknown (a retryable error: the store timed out or
 * could not be reached, so the event may have applied) is sent again with the same event id, which applies it once
 * either way. A loaded machine can make any store call miss its deadline; the promise under test is that retrying
 * is safe, not that the store is fast.
 */
export async function sendUntilKnown(
  engine: Engine,
  ...args: Parameters<Engine['send']>
): Promise<Awaited<ReturnType<Engine['send']>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await engine.send(...args);
    } catch (error) {
      if (attempt >= 20 || !isLiebianError(error) || !RETRYABLE_CODES.has(error.code)) throw error;
    }
  }
}

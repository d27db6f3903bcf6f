import type { AnyCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import type { Effect, Engine } from '../../engine/types.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import { createMemoryStore } from '../../store/memory-store.js';

/**
 * An engine on a memory store with a manual clock, recording every effect; `restart()` replaces the engine with a
 * fresh one on the same store (an empty cache), so tests can check a snapshot restored from JSON behaves the same.
 */
export function engineHarness(campaign: AnyCampaign, start: number, seed: number) {
  const clock = createManualClock(start);
  const store = createMemoryStore();
  const effects: Effect[] = [];
  const make = (): Engine =>
    createEngine({
      campaigns: [campaign],
      store,
      clock,
      random: seededRandom(seed),
      onEffect: (e) => void effects.push(e),
    });
  let engine = make();
  return {
    clock,
    effects,
    get engine() {
      return engine;
    },
    async restart() {
      await engine.dispose();
      engine = make();
    },
  };
}

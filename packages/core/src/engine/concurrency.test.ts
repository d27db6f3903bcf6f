import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createEngine } from './create-engine.js';
import type { SendResult } from './types.js';

const HELPERS = 1_000;

/** 1,000 distinct helps, 500 exact retries (same event id) and 500 double taps (same friend, new event id). */
function workload(seed: number) {
  const sends = Array.from({ length: HELPERS }, (_, i) => ({ helper: `f${i}`, eventId: `help-${i}` }));
  for (let i = 0; i < HELPERS; i += 2) sends.push({ helper: `f${i}`, eventId: `help-${i}` });
  for (let i = 1; i < HELPERS; i += 2) sends.push({ helper: `f${i}`, eventId: `tap-${i}` });
  const random = seededRandom(seed);
  for (let i = sends.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [sends[i], sends[j]] = [sends[j] as (typeof sends)[number], sends[i] as (typeof sends)[number]];
  }
  return sends;
}

const campaign = defineCampaign(
  bargainCampaignInput({
    originalPrice: 1_000_000,
    floorPrice: 0,
    helpersToFloor: HELPERS,
    cut: { strategy: 'uniform', min: 1, max: 5_000 },
  }),
);

function check(results: { helper: string; eventId: string; result: SendResult }[], final: BargainView) {
  const applied = results.filter((r) => r.result.status === 'accepted' && !r.result.duplicate);
  expect(applied).toHaveLength(HELPERS);
  expect(new Set(applied.map((r) => r.helper)).size).toBe(HELPERS);
  for (const r of results) {
    if (r.result.status === 'rejected') expect(r.result.reason).toBe('already-helped');
  }
  // Every retry of an applied event id is a duplicate, never a second help.
  const duplicates = results.filter((r) => r.result.status === 'accepted' && r.result.duplicate);
  expect(duplicates).toHaveLength(500);
  expect(results.filter((r) => r.result.status === 'rejected')).toHaveLength(500);
  expect(final.helps.count).toBe(HELPERS);
  expect(final.price.current).toBe(0);
  expect(final.state).toBe('purchasable');
}

describe('concurrency on one hot instance (memory store)', () => {
  it('applies each of 1,000 distinct helps exactly once among 2,000 concurrent sends', async () => {
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(DURING_CAMPAIGN),
      random: seededRandom(3),
    });
    await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'hot' });
    const results = await Promise.all(
      workload(11).map(async (s) => ({
        ...s,
        result: await engine.send(
          'hot',
          { type: 'bargain.help', eventId: s.eventId },
          { actor: { id: s.helper } },
        ),
      })),
    );
    check(results, (await engine.view('hot', { id: 'alice' })) as BargainView);
  });

  it('stays exact when two engines share the store and race on the same instance', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(DURING_CAMPAIGN);
    const engines = [1, 2].map((seed) =>
      createEngine({ campaigns: [campaign], store, clock, random: seededRandom(seed), maxBatch: 32 }),
    );
    const [first, second] = engines as [(typeof engines)[0], (typeof engines)[0]];
    await first.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'hot' });
    const results = await Promise.all(
      workload(12).map(async (s, i) => {
        const engine = i % 2 === 0 ? first : second;
        return {
          ...s,
          result: await engine.send(
            'hot',
            { type: 'bargain.help', eventId: s.eventId },
            { actor: { id: s.helper } },
          ),
        };
      }),
    );
    check(results, (await second.view('hot', { id: 'alice' })) as BargainView);
  });
});

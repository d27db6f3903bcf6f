import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createEngine } from './create-engine.js';
import type { SkippedTimer } from './types.js';

const DAY = 86_400_000;
const current = defineCampaign(bargainCampaignInput({}, { id: 'current' }));
const retired = defineCampaign(bargainCampaignInput({}, { id: 'old-season' }));

/** One instance of each campaign, both past their deadline; then an engine that no longer has the old campaign. */
async function setup(retiredCampaigns?: string[]) {
  const clock = createManualClock(DURING_CAMPAIGN);
  const store = createMemoryStore();
  const before = createEngine({ campaigns: [current, retired], store, clock });
  await before.start('current', { actor: { id: 'alice' }, instanceId: 'now' });
  await before.start('old-season', { actor: { id: 'bob' }, instanceId: 'old' });
  await before.dispose();
  clock.advance(2 * DAY);
  const skipped: SkippedTimer[] = [];
  const engine = createEngine({
    campaigns: [current],
    store,
    clock,
    ...(retiredCampaigns ? { retiredCampaigns } : {}),
    onTimerSkipped: (s) => skipped.push(s),
  });
  return { engine, store, clock, skipped };
}

describe('tick with timers of a campaign the engine was not given', () => {
  it('delivers the other campaigns’ deadlines, and reports and keeps the unknown one', async () => {
    const { engine, store, clock, skipped } = await setup();
    expect(await engine.tick()).toBe(1);
    expect(await engine.view('now', { id: 'alice' })).toMatchObject({ state: 'expired' });
    expect(skipped).toMatchObject([{ instanceId: 'old', campaignId: 'old-season', dropped: false }]);
    // Kept: it comes back after its lease, and is reported again.
    clock.advance(60_000);
    await engine.tick();
    expect(skipped).toHaveLength(2);
    expect((await store.claimDueTimers(clock.now() + 60_000, 10, 1)).map((t) => t.instanceId)).toEqual([
      'old',
    ]);
  });

  it('drops the timers of a retired campaign', async () => {
    const { engine, store, clock, skipped } = await setup(['old-season']);
    expect(await engine.tick()).toBe(1);
    expect(skipped).toMatchObject([{ instanceId: 'old', dropped: true }]);
    expect(await store.claimDueTimers(clock.now() + DAY, 10, 1)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { assistCampaignInput, DURING_ASSIST } from '../mechanics/assist/assist-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAnalytics } from './create-analytics.js';

describe('analytics of an assist', () => {
  it('cost each reward granted at its valueFen: tiers and the helpers’ thanks', async () => {
    const campaign = defineCampaign(assistCampaignInput({ helperRewardId: 'thanks' }));
    const store = createMemoryStore();
    const clock = createManualClock(DURING_ASSIST);
    const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
    const task = (await engine.start(campaign.id, { actor: { id: 'ada' } })).instanceId;
    for (const who of ['ben', 'cai', 'dan', 'eve'])
      expect((await engine.send(task, { type: 'assist.help' }, { actor: { id: who } })).status).toBe(
        'accepted',
      );
    const types = (await store.readOutbox(null, 1_000)).map((i) => i.type);
    expect(types.filter((t) => t === 'assist.tier-reached')).toHaveLength(2);
    expect(types.filter((t) => t === 'assist.helper-rewarded')).toHaveLength(4);

    const analytics = createAnalytics({ store, campaigns: [campaign], clock });
    await analytics.consumer.drain();
    const { totals } = await analytics.report(campaign.id);
    // Tier rewards ¥5 + ¥32 and four ¥1 thanks: ¥41.00; no new users, so no CAC; no revenue, ROI −100 %.
    expect(totals.money).toMatchObject({
      rewardsGranted: 6,
      rewardCostFen: 4_100,
      costFen: 4_100,
      cacFen: null,
      roi: -1,
    });
    await engine.dispose();
  });
});

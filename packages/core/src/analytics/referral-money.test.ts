import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import {
  DAY,
  DURING_REFERRAL,
  ORDERS,
  referralCampaignInput,
} from '../mechanics/referral/referral-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAnalytics } from './create-analytics.js';

describe('analytics of a referral', () => {
  it('count the referee’s upfront gift, the first order, and the referrer’s reward once its freeze ends', async () => {
    const campaign = defineCampaign(referralCampaignInput());
    const store = createMemoryStore();
    const clock = createManualClock(DURING_REFERRAL);
    const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
    const link = (await engine.start(campaign.id, { actor: { id: 'ray' } })).instanceId;
    const accept = await engine.send(
      link,
      { type: 'referral.accept' },
      { actor: { id: 'wei', newUser: true }, channel: 'chat' },
    );
    expect(accept.status).toBe('accepted');
    expect(
      (await engine.send(link, { type: 'referral.convert', referee: 'wei' }, { actor: ORDERS })).status,
    ).toBe('accepted');
    clock.advance(8 * DAY); // past the 7-day freeze: the referrer's voucher is approved
    await engine.tick();
    const types = (await store.readOutbox(null, 1_000)).map((i) => i.type);
    expect(types.filter((t) => t === 'referral.reward-approved')).toHaveLength(2);

    const analytics = createAnalytics({ store, campaigns: [campaign], clock });
    await analytics.consumer.drain();
    const { totals, funnel } = await analytics.report(campaign.id);
    // The free coffee (¥25) and the voucher (¥20): ¥45 for one new user who ordered.
    expect(totals.money).toMatchObject({ rewardsGranted: 2, rewardCostFen: 4_500, orders: 1, cacFen: 4_500 });
    expect(totals).toMatchObject({ participants: 1, friends: 1, newUsers: 1, payingCustomers: 1 });
    expect(funnel.mechanic.map((s) => [s.id, s.count])).toEqual([
      ['launched', 1],
      ['shared', null],
      ['accepted', 1],
      ['converted', 1],
      ['rewarded', 2],
    ]);
    await engine.dispose();
  });
});

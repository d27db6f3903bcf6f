import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import type { Effect } from '../engine/types.js';
import { couponCampaignInput, DURING_COUPON } from '../mechanics/coupon/coupon-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAnalytics } from './create-analytics.js';

describe('analytics of a coupon share', () => {
  it('count each coupon issued as a reward and its discount as a subsidy once it is redeemed', async () => {
    const campaign = defineCampaign(couponCampaignInput());
    const store = createMemoryStore();
    const clock = createManualClock(DURING_COUPON);
    const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
    const share = (await engine.start(campaign.id, { actor: { id: 'sam' } })).instanceId;
    for (const who of ['tom', 'uma'])
      expect((await engine.send(share, { type: 'coupon.claim' }, { actor: { id: who } })).status).toBe(
        'accepted',
      );
    const issued = (await store.readOutbox(null, 1_000))
      .map((i) => i.payload as Effect)
      .filter((e) => e.type === 'coupon.issued');
    const toms = issued.find((e) => e.payload.holder === 'tom') as Effect;
    const redeem = {
      type: 'coupon.redeem',
      couponId: toms.payload.couponId,
      orderId: 'o-1',
      orderTotalFen: 5_000,
    };
    expect((await engine.send(share, redeem, { actor: { id: 'tom' } })).status).toBe('accepted');

    const analytics = createAnalytics({ store, campaigns: [campaign], clock });
    await analytics.consumer.drain();
    const { totals, funnel } = await analytics.report(campaign.id);
    expect(totals.money).toMatchObject({
      rewardsGranted: issued.length,
      rewardsRedeemed: 1,
      orders: 1,
      subsidyFen: 500, // the redeemed coupon's discount
      revenueFen: 0,
    });
    expect(totals.payingCustomers).toBe(1);
    expect(funnel.mechanic.map((s) => [s.id, s.count])).toEqual([
      ['launched', 1],
      ['shared', null],
      ['claimed', 2],
      ['coupon-issued', issued.length],
      ['redeemed', 1],
    ]);
    await engine.dispose();
  });
});

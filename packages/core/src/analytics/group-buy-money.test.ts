import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAnalytics } from './create-analytics.js';

describe('analytics of a group buy', () => {
  it('count revenue, subsidies and payers of a group that succeeds, and refunds of one that fails', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput());
    const store = createMemoryStore();
    const clock = createManualClock(DURING_GROUP);
    const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
    const pay = (instanceId: string, who: string) =>
      engine.send(instanceId, { type: 'group-buy.pay', orderId: `o-${who}` }, { actor: { id: who } });
    const join = (instanceId: string, who: string) =>
      engine.send(
        instanceId,
        { type: 'group-buy.join' },
        { actor: { id: who, newUser: true }, channel: 'group' },
      );

    // A full group: the leader and two friends pay ¥99.00 each for a ¥159.00 durian.
    const full = (await engine.start(campaign.id, { actor: { id: 'lea' } })).instanceId;
    await pay(full, 'lea');
    for (const who of ['mia', 'noa']) {
      expect((await join(full, who)).status).toBe('accepted');
      expect((await pay(full, who)).status).toBe('accepted');
    }
    // A group that times out with two paid members: both are refunded.
    const short = (await engine.start(campaign.id, { actor: { id: 'oli' } })).instanceId;
    await pay(short, 'oli');
    await join(short, 'pia');
    await pay(short, 'pia');
    clock.advance(121 * 60_000);
    await engine.tick();

    const effects = (await store.readOutbox(null, 1_000)).map((i) => i.type);
    expect(effects.filter((t) => t === 'group-buy.succeeded')).toHaveLength(1);
    expect(effects.filter((t) => t === 'group-buy.refund-due')).toHaveLength(2);

    const analytics = createAnalytics({ store, campaigns: [campaign], clock });
    await analytics.consumer.drain();
    const { totals, funnel } = await analytics.report(campaign.id);
    expect(totals.money).toMatchObject({
      revenueFen: 3 * 9_900,
      orders: 3,
      subsidyFen: 3 * (15_900 - 9_900),
      rewardsGranted: 3,
      refunds: 2,
      refundFen: 2 * 9_900,
      costFen: 3 * 6_000,
    });
    expect(totals).toMatchObject({ participants: 2, friends: 3, newUsers: 3, payingCustomers: 3 });
    expect(funnel.mechanic.map((s) => [s.id, s.count])).toEqual([
      ['launched', 2],
      ['shared', null],
      ['joined', 3],
      ['paid', 5],
      ['group-succeeded', 1],
    ]);
    await engine.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Store } from '../../store/store.js';
import { assistCampaignInput, DURING_ASSIST } from '../assist/assist-fixture.test-utils.js';
import type { AssistView } from '../assist/view.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../bargain/view.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../group-buy/group-buy-fixture.test-utils.js';
import type { GroupBuyView } from '../group-buy/view.js';
import { engineHarness } from './engine-harness.test-utils.js';

/**
 * Binding offers: every launch reserves the unit and the subsidy its offer can lead to, so each test launches more
 * instances than the stock and the budget allow. The launches past them are refused before anyone is asked to help;
 * every launched instance that reaches its goal is served; what an instance that ends without a purchase reserved goes
 * back for the next launch.
 */
const HOUR = 3_600_000;
const reasonOf = (r: { status: string; reason?: string }) => (r.status === 'rejected' ? r.reason : r.status);

/** What is left of a counter (a probe of 0 units answers its remaining count and takes nothing). */
async function left(store: Store, counter: string, capacity: number): Promise<number> {
  const probe = await store.reserve({ counter, holder: 'probe', qty: 0, capacity });
  await store.release(counter, 'probe');
  if (!probe.ok) throw new Error(`probe of ${counter} refused`);
  return probe.remaining;
}

describe('binding offer: bargain (the unit and the most subsidy, price − floor)', () => {
  const SUBSIDY = 19_900 - 990;
  const bargain = (extra: Record<string, unknown>, rules: Record<string, unknown> = {}) =>
    defineCampaign(bargainCampaignInput({ timeLimitMinutes: 60, ...rules }, extra), 'bargain');
  const toFloor = async (h: ReturnType<typeof engineHarness>, id: string) => {
    for (let i = 0; i < 5; i++)
      await h.engine.send(id, { type: 'bargain.help' }, { actor: { id: `${id}-friend-${i}` } });
  };
  const buy = (h: ReturnType<typeof engineHarness>, id: string, who: string) =>
    h.engine.send(id, { type: 'bargain.purchase', orderId: `order-${id}` }, { actor: { id: who } });

  it('with stock 2, five launches: two reserve a unit, three are refused sold-out, both reserved units are sold', async () => {
    const c = bargain({ stock: { total: 2 } });
    const h = engineHarness(c, DURING_CAMPAIGN, 1);
    const launches = [];
    for (let u = 0; u < 5; u++) launches.push(await h.engine.start(c.id, { actor: { id: `u${u}` } }));
    expect(launches.map(reasonOf)).toEqual(['accepted', 'accepted', 'sold-out', 'sold-out', 'sold-out']);
    expect(await left(h.store, `${c.id}:stock`, 2)).toBe(0);
    for (const [u, launch] of launches.slice(0, 2).entries()) {
      await toFloor(h, launch.instanceId);
      // The page of a launched bargain offers the purchase; it is never refused for stock.
      const view = (await h.engine.view(launch.instanceId, { id: `u${u}` })) as BargainView;
      expect(view.can.purchase).toEqual({ allowed: true });
      expect(reasonOf(await buy(h, launch.instanceId, `u${u}`))).toBe('accepted');
    }
    expect(await left(h.store, `${c.id}:stock`, 2)).toBe(0);
    expect(h.effects.filter((e) => e.type === 'bargain.purchased')).toHaveLength(2);
    await h.engine.dispose();
  });

  it('gives the unit back when a bargain expires or is cancelled, for the next launch', async () => {
    const c = bargain({ stock: { total: 1 } });
    const h = engineHarness(c, DURING_CAMPAIGN, 2);
    const a = await h.engine.start(c.id, { actor: { id: 'amy' } });
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'bo' } }))).toBe('sold-out');
    h.clock.advance(HOUR);
    await h.engine.tick();
    expect(((await h.engine.view(a.instanceId, null)) as BargainView).state).toBe('expired');
    const b = await h.engine.start(c.id, { actor: { id: 'bo' } });
    expect(reasonOf(b)).toBe('accepted');
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'cy' } }))).toBe('sold-out');
    await h.engine.send(b.instanceId, { type: 'bargain.cancel' }, { actor: { id: 'bo' } });
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'cy' } }))).toBe('accepted');
    await h.engine.dispose();
  });

  it('with budget for two floors, four launches: two reserve theirs, two are refused budget-exhausted', async () => {
    const c = bargain({ budget: { totalFen: 2 * SUBSIDY + SUBSIDY - 1 } });
    const h = engineHarness(c, DURING_CAMPAIGN, 3);
    const launches = [];
    for (let u = 0; u < 4; u++) launches.push(await h.engine.start(c.id, { actor: { id: `u${u}` } }));
    expect(launches.map(reasonOf)).toEqual(['accepted', 'accepted', 'budget-exhausted', 'budget-exhausted']);
    for (const [u, launch] of launches.slice(0, 2).entries()) {
      await toFloor(h, launch.instanceId);
      expect(reasonOf(await buy(h, launch.instanceId, `u${u}`))).toBe('accepted');
    }
    expect(await left(h.store, `${c.id}:budget`, 3 * SUBSIDY - 1)).toBe(SUBSIDY - 1);
    await h.engine.dispose();
  });

  it('a purchase above the floor gives back the subsidy it did not spend, in the same commit', async () => {
    const c = bargain({ budget: { totalFen: SUBSIDY } }, { purchasableAt: 'any' });
    const h = engineHarness(c, DURING_CAMPAIGN, 4);
    const a = await h.engine.start(c.id, { actor: { id: 'amy' } });
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'bo' } }))).toBe('budget-exhausted');
    await h.engine.send(a.instanceId, { type: 'bargain.help' }, { actor: { id: 'f1' } });
    const price = ((await h.engine.view(a.instanceId, null)) as BargainView).price.current;
    expect(reasonOf(await buy(h, a.instanceId, 'amy'))).toBe('accepted');
    const spent = 19_900 - price;
    expect(await left(h.store, `${c.id}:budget`, SUBSIDY)).toBe(SUBSIDY - spent);
    await h.engine.dispose();
  });
});

describe('binding offer: group buy (each seat’s unit and subsidy: the opener’s at launch, a joiner’s at the join)', () => {
  const SUBSIDY = 15_900 - 9_900;
  const group = (extra: Record<string, unknown>) =>
    defineCampaign(groupBuyCampaignInput({ size: 2 }, extra), 'group-buy');
  const pay = (h: ReturnType<typeof engineHarness>, id: string, who: string) =>
    h.engine.send(id, { type: 'group-buy.pay', orderId: `o-${who}` }, { actor: { id: who } });

  it('with stock 3, four groups of 2 are opened: three reserve the opener’s unit, one is refused sold-out', async () => {
    const c = group({ stock: { total: 3 } });
    const h = engineHarness(c, DURING_GROUP, 1);
    const launches = [];
    for (let u = 0; u < 4; u++) launches.push(await h.engine.start(c.id, { actor: { id: `lead-${u}` } }));
    expect(launches.map(reasonOf)).toEqual(['accepted', 'accepted', 'accepted', 'sold-out']);
    const [g0, g1] = launches.map((l) => l.instanceId);
    // The stock is all reserved: a friend joining is refused at the join, never after paying.
    expect(reasonOf(await h.engine.send(g0 ?? '', { type: 'group-buy.join' }, { actor: { id: 'fa' } }))).toBe(
      'sold-out',
    );
    expect(reasonOf(await pay(h, g0 ?? '', 'lead-0'))).toBe('accepted');
    // The opener of the second group leaves: the group fails, its unit goes back, and the friend can join.
    await h.engine.send(g1 ?? '', { type: 'group-buy.leave' }, { actor: { id: 'lead-1' } });
    expect(((await h.engine.view(g1 ?? '', null)) as GroupBuyView).state).toBe('failed');
    expect(reasonOf(await h.engine.send(g0 ?? '', { type: 'group-buy.join' }, { actor: { id: 'fa' } }))).toBe(
      'accepted',
    );
    expect(reasonOf(await pay(h, g0 ?? '', 'fa'))).toBe('accepted');
    expect(((await h.engine.view(g0 ?? '', null)) as GroupBuyView).state).toBe('succeeded');
    // Time runs out for the third group: its reserved unit goes back too (two units sold, one free).
    h.clock.advance(3 * HOUR);
    await h.engine.tick();
    expect(await left(h.store, `${c.id}:stock`, 3)).toBe(1);
    await h.engine.dispose();
  });

  it('with budget for three seats, a joiner past it is refused at the join and the groups that reserved succeed', async () => {
    const c = group({ budget: { totalFen: 3 * SUBSIDY } });
    const h = engineHarness(c, DURING_GROUP, 2);
    const a = await h.engine.start(c.id, { actor: { id: 'lea' } });
    const b = await h.engine.start(c.id, { actor: { id: 'max' } });
    const third = await h.engine.start(c.id, { actor: { id: 'ned' } });
    expect(reasonOf(third)).toBe('accepted');
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'oli' } }))).toBe('budget-exhausted');
    expect(
      reasonOf(await h.engine.send(a.instanceId, { type: 'group-buy.join' }, { actor: { id: 'f1' } })),
    ).toBe('budget-exhausted');
    // The third group's opener leaves: their seat's subsidy goes back, and a friend can join the first group.
    await h.engine.send(third.instanceId, { type: 'group-buy.leave' }, { actor: { id: 'ned' } });
    expect(
      reasonOf(await h.engine.send(a.instanceId, { type: 'group-buy.join' }, { actor: { id: 'f1' } })),
    ).toBe('accepted');
    const view = (await h.engine.view(a.instanceId, { id: 'f1' })) as GroupBuyView;
    expect(view.can.pay).toEqual({ allowed: true });
    expect(reasonOf(await pay(h, a.instanceId, 'lea'))).toBe('accepted');
    expect(reasonOf(await pay(h, a.instanceId, 'f1'))).toBe('accepted');
    expect(((await h.engine.view(a.instanceId, null)) as GroupBuyView).state).toBe('succeeded');
    expect(reasonOf(await pay(h, b.instanceId, 'max'))).toBe('accepted');
    expect(await left(h.store, `${c.id}:budget`, 3 * SUBSIDY)).toBe(0);
    await h.engine.dispose();
  });
});

describe('binding offer: assist (the completion unit and every tier’s reward)', () => {
  const LADDER = 500 + 3_200;
  const assist = (extra: Record<string, unknown>) => defineCampaign(assistCampaignInput({}, extra), 'assist');
  const complete = async (h: ReturnType<typeof engineHarness>, id: string) => {
    for (let i = 0; i < 4; i++)
      await h.engine.send(id, { type: 'assist.help' }, { actor: { id: `${id}-friend-${i}` } });
  };

  it('with stock 2 and budget for three ladders, four launches: two reserve theirs, two are refused sold-out', async () => {
    const c = assist({ stock: { total: 2 }, budget: { totalFen: 3 * LADDER } });
    const h = engineHarness(c, DURING_ASSIST, 1);
    const launches = [];
    for (let u = 0; u < 4; u++) launches.push(await h.engine.start(c.id, { actor: { id: `u${u}` } }));
    expect(launches.map(reasonOf)).toEqual(['accepted', 'accepted', 'sold-out', 'sold-out']);
    const [a, b] = launches.map((l) => l.instanceId);
    await complete(h, a ?? '');
    expect(((await h.engine.view(a ?? '', null)) as AssistView).state).toBe('completed');
    expect(h.effects.filter((e) => e.type === 'assist.tier-reached')).toHaveLength(2);
    // One help, then time runs out: the unit and the latte tier go back (the first tier was not reached either).
    await h.engine.send(b ?? '', { type: 'assist.help' }, { actor: { id: 'lone' } });
    h.clock.advance(3 * HOUR);
    await h.engine.tick();
    expect(await left(h.store, `${c.id}:stock`, 2)).toBe(1);
    expect(await left(h.store, `${c.id}:budget`, 3 * LADDER)).toBe(2 * LADDER);
    expect(reasonOf(await h.engine.start(c.id, { actor: { id: 'u9' } }))).toBe('accepted');
    await h.engine.dispose();
  });

  it('with budget for two ladders, three launches: the third is refused budget-exhausted before anyone helps', async () => {
    const c = assist({ budget: { totalFen: 2 * LADDER + LADDER - 1 } });
    const h = engineHarness(c, DURING_ASSIST, 2);
    const launches = [];
    for (let u = 0; u < 3; u++) launches.push(await h.engine.start(c.id, { actor: { id: `u${u}` } }));
    expect(launches.map(reasonOf)).toEqual(['accepted', 'accepted', 'budget-exhausted']);
    for (const launch of launches.slice(0, 2)) {
      await complete(h, launch.instanceId);
      expect(((await h.engine.view(launch.instanceId, null)) as AssistView).state).toBe('completed');
    }
    expect(await left(h.store, `${c.id}:budget`, 3 * LADDER - 1)).toBe(LADDER - 1);
    await h.engine.dispose();
  });
});

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { formatMoney } from '../../primitives/money.js';
import { seededRandom } from '../../primitives/random.js';
import type { Actor } from '../mechanic.js';
import { describePromises, type RulePromise } from '../shared/promises.test-utils.js';
import { cutRange } from './cut-strategy.js';
import type { BargainCampaign } from './schema.js';
import type { BargainView } from './view.js';

/**
 * Text and engine agree: every line the shipped bargain sample's rules print is matched to a test of what it
 * promises (a line without one fails the first test). Lines that state facts the engine does not act on (the
 * reference price's basis, eligibility, delivery, organiser, extra terms) are checked to come from their fields.
 */
const json = JSON.parse(
  readFileSync(new URL('../../../../../examples/campaigns/bargain.json', import.meta.url), 'utf8'),
);
const sample = (extra: Record<string, unknown> = {}) =>
  defineCampaign({ ...json, ...extra }) as BargainCampaign;
const DAY = 86_400_000;
const DURING = Date.parse('2026-12-02T10:00:00+08:00');

function setup(campaign = sample(), now = DURING) {
  const clock = createManualClock(now);
  const engine = createEngine({ campaigns: [campaign], clock, random: seededRandom(7) });
  let n = 0;
  const start = async (actor: Actor = { id: `initiator-${++n}` }) => {
    const started = await engine.start(campaign.id, { actor });
    if (started.status !== 'accepted') throw new Error(`not started: ${started.reason}`);
    return { id: started.instanceId, actor };
  };
  const help = (id: string, friend: Actor) => engine.send(id, { type: 'bargain.help' }, { actor: friend });
  const view = async (id: string, viewer: Actor | null = null) =>
    (await engine.view(id, viewer)) as BargainView;
  const toFloor = async (id: string, prefix = id) => {
    for (let i = 0; i < 5; i++) await help(id, { id: `${prefix}-f${i}` });
  };
  const buy = (id: string, actor: Actor) =>
    engine.send(id, { type: 'bargain.purchase', orderId: `order-${id}` }, { actor });
  return { engine, clock, campaign, start, help, view, toFloor, buy };
}

const reason = (r: { status: string; reason?: string }) => (r.status === 'rejected' ? r.reason : r.status);

/** Five friends cut a bargain: each cut within [lo, hi] of what may be cut (what is left minus ¥1.00 each after). */
async function cutsLieInStatedShares(newUser: boolean, [lo, hi]: [number, number]) {
  const h = setup();
  for (let round = 0; round < 20; round++) {
    const { id } = await h.start();
    for (let i = 0; i < 5; i++) {
      const before = (await h.view(id)).price.current;
      const remaining = before - 990;
      await h.help(id, { id: `${id}-f${i}`, newUser });
      const cut = before - (await h.view(id)).price.current;
      const spendable = remaining - (4 - i) * 100;
      if (i === 4) expect(cut).toBe(remaining);
      else {
        expect(cut).toBeGreaterThanOrEqual(Math.max(100, Math.floor(spendable * lo)));
        expect(cut).toBeLessThanOrEqual(Math.max(100, Math.floor(spendable * hi)));
      }
      const range = cutRange(h.campaign.rules, { remaining, cutsAfter: 4 - i, newUser });
      expect([cut >= range.lo, cut <= range.hi]).toEqual([true, true]);
    }
  }
}

/** Two initiators each try to bargain to the floor and buy: what each got, at the launch or at the purchase. */
async function purchasesWith(campaign: BargainCampaign): Promise<(string | undefined)[]> {
  const h = setup(campaign);
  const out: (string | undefined)[] = [];
  for (const who of ['a', 'b']) {
    const started = await h.engine.start(campaign.id, { actor: { id: who } });
    if (started.status !== 'accepted') {
      out.push(started.reason);
      continue;
    }
    await h.toFloor(started.instanceId, who);
    out.push(reason(await h.buy(started.instanceId, { id: who })));
  }
  return out;
}

const PROMISES: RulePromise[] = [
  [
    /^活动时间：2026-11-01 00:00 至 2027-01-31 23:59/,
    'no bargain starts before or after the period',
    async () => {
      const before = setup(sample(), Date.parse('2026-10-31T23:00:00+08:00'));
      expect(reason(await before.engine.start(json.id, { actor: { id: 'a' } }))).toBe('campaign-not-started');
      const after = setup(sample(), Date.parse('2027-02-01T00:00:00+08:00'));
      expect(reason(await after.engine.start(json.id, { actor: { id: 'a' } }))).toBe('campaign-ended');
    },
  ],
  [
    /^「龙泉青瓷茶具六件套」原价 ¥199\.00，最低可砍至 ¥9\.90。$/,
    'the price starts at ¥199.00 and stops at ¥9.90',
    async () => {
      const h = setup();
      const { id } = await h.start();
      expect((await h.view(id)).price.original).toBe(19900);
      await h.toFloor(id);
      expect((await h.view(id)).price.current).toBe(990);
      expect(reason(await h.help(id, { id: 'late-friend' }))).toBe('floor-reached');
    },
  ],
  [
    /^划线价 ¥199\.00 为活动开始前 7 日内的最低成交价/,
    'from disclosure.referencePrice (a fact about the price history, not an engine behaviour)',
    async () => expect(sample().disclosure.referencePrice?.basis).toBe('lowest-7-days'),
  ],
  [
    /^需要 5 位好友助力：第 5 位好友砍完恰好到底价，之前不会到底价。$/,
    'friend 5 reaches the floor, friend 4 does not',
    async () => {
      const h = setup();
      const { id } = await h.start();
      for (let i = 0; i < 4; i++) await h.help(id, { id: `f${i}` });
      expect((await h.view(id)).price.current).toBeGreaterThan(990);
      await h.help(id, { id: 'f4' });
      expect((await h.view(id)).price.current).toBe(990);
    },
  ],
  [
    /^每位好友随机砍去可砍金额的 20%–60%.*第 5 位好友砍掉全部剩余金额。$/,
    'every friend cut lies in the stated share of what may be cut (all strategies: cut-range.property.test.ts)',
    () => cutsLieInStatedShares(false, [0.2, 0.6]),
  ],
  [
    /^新用户助力时砍价力度 ×1\.5：随机砍去可砍金额的 30%–90%/,
    'every new user cut lies in the stated, boosted share',
    () => cutsLieInStatedShares(true, [0.3, 0.9]),
  ],
  [
    /^发起时你先为自己砍一刀/,
    'the launch makes one cut that is not a friend',
    async () => {
      const h = setup();
      const { id } = await h.start();
      const v = await h.view(id);
      expect(v.selfCut).toBeGreaterThan(0);
      expect(v.price.current).toBe(19900 - v.selfCut);
      expect(v.helps.count).toBe(0);
    },
  ],
  [
    /^发起后 1 天内有效/,
    'help is refused a day after the launch',
    async () => {
      const h = setup();
      const { id } = await h.start();
      h.clock.advance(DAY);
      expect(reason(await h.help(id, { id: 'late' }))).toBe('instance-ended');
    },
  ],
  [
    /^砍到底价后可按底价购买，须在 30 分钟内付款/,
    'buying is refused before the floor, accepted at it, refused 30 minutes after',
    async () => {
      const h = setup();
      const a = await h.start();
      expect(reason(await h.buy(a.id, a.actor))).toBe('not-purchasable');
      await h.toFloor(a.id);
      expect(reason(await h.buy(a.id, a.actor))).toBe('accepted');
      const b = await h.start();
      await h.toFloor(b.id);
      h.clock.advance(30 * 60_000);
      expect(reason(await h.buy(b.id, b.actor))).not.toBe('accepted');
    },
  ],
  [
    /^每人在本活动中最多发起 2 次砍价。$/,
    'a third launch is refused',
    async () => {
      const h = setup();
      const alice = { id: 'alice' };
      await h.start(alice);
      await h.start(alice);
      expect(reason(await h.engine.start(json.id, { actor: alice }))).toBe('launch-limit');
    },
  ],
  [
    /^每位好友在本活动中最多帮 3 位发起人砍价，每个砍价只能帮一次。$/,
    'a friend helps one bargain once and at most 3 bargains',
    async () => {
      const h = setup();
      const friend = { id: 'busy-friend' };
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await h.start()).id);
      expect(reason(await h.help(ids[0] as string, friend))).toBe('accepted');
      expect(reason(await h.help(ids[0] as string, friend))).toBe('already-helped');
      await h.help(ids[1] as string, friend);
      await h.help(ids[2] as string, friend);
      expect(reason(await h.help(ids[3] as string, friend))).toBe('quota-exhausted');
    },
  ],
  [
    /^每人每天最多助力 5 次。$/,
    'a sixth help in a day is blocked',
    async () => {
      const h = setup(sample({ rules: { ...json.rules, helperQuotaPerCampaign: 10, launchesPerUser: 1 } }));
      const friend = { id: 'daily' };
      const results = [];
      for (let i = 0; i < 6; i++) results.push(reason(await h.help((await h.start()).id, friend)));
      expect(results.slice(0, 5)).toEqual(Array(5).fill('accepted'));
      expect(results[5]).not.toBe('accepted');
    },
  ],
  [
    /^不能为自己助力，发起人的设备也不能用于助力。$/,
    'the initiator and their device cannot help',
    async () => {
      const h = setup();
      const { id } = await h.start({ id: 'alice', deviceId: 'phone-a' });
      expect(reason(await h.help(id, { id: 'alice' }))).not.toBe('accepted');
      expect(reason(await h.help(id, { id: 'alt-account', deviceId: 'phone-a' }))).not.toBe('accepted');
    },
  ],
  [
    /^参与条件：中国大陆地区已注册的用户。$/,
    'from disclosure.eligibility (checked by the integrator at sign-in, not by the engine)',
    async () => expect(sample().disclosure.eligibility).toBe('中国大陆地区已注册的用户'),
  ],
  [
    /^「龙泉青瓷茶具六件套」：价值 ¥199\.00；共 200 份；快递寄送，免费，获得后 7 天内发放。$/,
    'from the reward fields (delivery is the integrator’s; the quantity is the stock below)',
    async () => {
      const reward = sample().rewards[0];
      expect([reward?.valueFen, reward?.quantity, reward?.fulfilment?.feeFen]).toEqual([19900, 200, 0]);
    },
  ],
  [
    /^共 200 份，发完即止。$/,
    'no more purchases than the stock (here 1 unit), whether refused at the launch or at the purchase',
    async () =>
      expect(await purchasesWith(sample({ stock: { total: 1 } }))).toEqual(['accepted', 'sold-out']),
  ],
  [
    /^活动奖励总额 ¥37,820\.00，用完即止。$/,
    'no subsidy past the budget (here one unit’s worth), whether refused at the launch or at the purchase',
    async () => {
      expect(await purchasesWith(sample({ budget: { totalFen: 18910 } }))).toEqual([
        'accepted',
        'budget-exhausted',
      ]);
      expect(formatMoney(sample().budget?.totalFen ?? 0)).toBe('¥37,820.00');
    },
  ],
  [
    /^主办方：青山茶业（杭州）有限公司，联系方式：400-800-1234。$/,
    'from disclosure.organizer',
    async () => expect(sample().disclosure.organizer.contact).toBe('400-800-1234'),
  ],
  [
    /^商品以实物为准，支持七天无理由退货。$/,
    'the campaign’s own extra term, printed as written',
    async () => expect(sample().disclosure.extraTerms).toContain('商品以实物为准，支持七天无理由退货。'),
  ],
];

describePromises(
  'bargain sample',
  () => {
    const campaign = sample();
    return createEngine({ campaigns: [campaign] }).disclose(campaign.id, 'zh-CN').lines;
  },
  PROMISES,
);

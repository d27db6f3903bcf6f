import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { couponCampaignInput, DURING_COUPON } from './coupon-fixture.test-utils.js';
import type { CouponView } from './view.js';

type Op =
  | { op: 'take'; person: number; retry: boolean }
  | { op: 'redeem'; person: number; total: number }
  | { op: 'revoke'; person: number }
  | { op: 'advance'; minutes: number }
  | { op: 'tick' }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('take' as const),
      person: fc.integer({ min: 0, max: 7 }),
      retry: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('redeem' as const),
      person: fc.integer({ min: -1, max: 7 }),
      total: fc.integer({ min: 0, max: 6000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('revoke' as const), person: fc.integer({ min: -1, max: 7 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 3000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

const rulesArb = fc.oneof(
  fc.record({
    mode: fc.constant('share'),
    friendsPerShare: fc.integer({ min: 1, max: 6 }),
    sharerCouponsPerShare: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    mode: fc.constant('pool'),
    size: fc.integer({ min: 2, max: 5 }),
    amountFen: fc.integer({ min: 1_000, max: 9_999 }),
    split: fc.constantFrom('equal', 'random'),
    onTimeout: fc.constantFrom('fail', 'split-among-joined'),
  }),
);

const person = (n: number) => (n < 0 ? 'alice' : `p${n}`);

async function run(rules: Record<string, unknown>, stock: number, ops: readonly Op[], restarts: boolean) {
  const campaign = defineCampaign(couponCampaignInput(rules, { stock: { total: stock } }), 'coupon');
  const h = engineHarness(campaign, DURING_COUPON, 3);
  const { clock, effects } = h;
  const started = await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'c1' });
  const trace: unknown[] = [started.status];
  let lastEventId = 'none';
  let seq = 0;
  const anyCoupon = async (who: string) =>
    ((await h.engine.view('c1', { id: who })) as CouponView).myCoupons.find((c) => c.status === 'issued');
  for (const op of ops) {
    if (op.op === 'take') {
      const eventId = op.retry ? lastEventId : `t${++seq}`;
      lastEventId = eventId;
      const type = campaign.rules.mode === 'share' ? 'coupon.claim' : 'coupon.join';
      const r = await h.engine.send('c1', { type, eventId }, { actor: { id: person(op.person) } });
      trace.push(r.status === 'accepted' ? ['take', r.duplicate] : ['take', r.reason]);
    } else if (op.op === 'redeem') {
      const coupon = await anyCoupon(person(op.person));
      if (coupon) {
        const r = await h.engine.send(
          'c1',
          { type: 'coupon.redeem', couponId: coupon.id, orderId: `o${++seq}`, orderTotalFen: op.total },
          { actor: { id: person(op.person) } },
        );
        trace.push(['redeem', r.status === 'accepted' ? 'ok' : r.reason]);
        if (r.status === 'accepted') expect(op.total).toBeGreaterThanOrEqual(coupon.thresholdFen);
      }
    } else if (op.op === 'revoke') {
      const coupon = await anyCoupon(person(op.person));
      if (coupon) {
        const r = await h.engine.send(
          'c1',
          { type: 'coupon.revoke', couponId: coupon.id },
          { actor: { id: 'staff', operator: true } },
        );
        trace.push(['revoke', r.status]);
      }
    } else if (op.op === 'advance') clock.advance(op.minutes * 60_000);
    else if (op.op === 'tick') await h.engine.tick();
    else if (restarts) {
      await h.restart();
    }
    const view = (await h.engine.view('c1', { id: 'alice' })) as CouponView;
    trace.push(view.state, view.issued);
    // Never over-issued: stock bounds every coupon issued, and no coupon is issued twice.
    const issued = effects.filter((e) => e.type === 'coupon.issued');
    expect(issued.length).toBeLessThanOrEqual(stock);
    expect(new Set(issued.map((e) => e.payload.couponId)).size).toBe(issued.length);
    expect(view.people.count).toBeLessThanOrEqual(view.people.capacity);
  }
  clock.advance(30 * 24 * 60 * 60_000);
  await h.engine.tick();
  const end = (await h.engine.view('c1', { id: 'alice' })) as CouponView;
  expect(['settled', 'failed']).toContain(end.state);
  const issued = effects.filter((e) => e.type === 'coupon.issued');
  // Each coupon ends exactly once: redeemed, expired or revoked.
  const ended = effects
    .filter((e) => ['coupon.redeemed', 'coupon.expired', 'coupon.revoked'].includes(e.type))
    .map((e) => e.payload.couponId);
  expect([...ended].sort()).toEqual(issued.map((e) => e.payload.couponId).sort());
  // A pool's coupons sum exactly to its amount.
  const split = effects.find((e) => e.type === 'coupon.pool-split');
  if (split) {
    expect(issued.reduce((sum, e) => sum + (e.payload.discountFen as number), 0)).toBe(
      campaign.rules.mode === 'pool' ? campaign.rules.amountFen : 0,
    );
  }
  // Per-user limit (default 1): nobody holds two coupons as a friend or member.
  const friends = issued
    .map((e) => e.payload.holder)
    .filter((h) => campaign.rules.mode === 'pool' || h !== 'alice');
  expect(new Set(friends).size).toBe(friends.length);
  await h.engine.dispose();
  trace.push(end.state);
  return trace;
}

describe('coupon over random event sequences', () => {
  it('never over-issues, settles every coupon once, splits pools exactly, and restores from JSON identically', async () => {
    await fc.assert(
      fc.asyncProperty(
        rulesArb,
        fc.integer({ min: 1, max: 8 }),
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        async (rules, stock, ops) => {
          expect(await run(rules, stock, ops, true)).toEqual(await run(rules, stock, ops, false));
        },
      ),
      { numRuns: 150 },
    );
  });
});

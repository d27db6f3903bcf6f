import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { listingBoard } from '../../engine/listing.js';
import type { InstanceState } from '../mechanic.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import type { GroupBuyContext } from './context.js';
import { DURING_GROUP, groupBuyCampaignInput } from './group-buy-fixture.test-utils.js';
import { groupBuyMechanic } from './group-buy-mechanic.js';
import type { GroupBuyView } from './view.js';

type Op =
  | { op: 'join' | 'pay' | 'leave'; person: number }
  | { op: 'refund'; person: number }
  | { op: 'advance'; minutes: number }
  | { op: 'tick' }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constantFrom('join' as const, 'pay' as const),
      person: fc.integer({ min: -1, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('leave' as const), person: fc.integer({ min: -1, max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('refund' as const), person: fc.integer({ min: -1, max: 6 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 40 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

/** 团长免单 (0), a leader discount, or none; a 新人团 for members, for everyone, or none. */
const leaderAndAudience = fc.record(
  {
    leaderPriceFen: fc.constantFrom(0, 5000),
    newUsersOnly: fc.constantFrom('members' as const, 'everyone' as const),
  },
  { requiredKeys: [] },
);
const rulesArb = fc
  .tuple(
    fc.oneof(
      fc.record({ size: fc.integer({ min: 2, max: 5 }), onTimeout: fc.constant('fail') }),
      fc.integer({ min: 3, max: 5 }).chain((size) =>
        fc.record({
          size: fc.constant(size),
          onTimeout: fc.constant('virtual-fill'),
          virtualFillThreshold: fc.integer({ min: 1, max: size - 1 }),
        }),
      ),
    ),
    leaderAndAudience,
  )
  .map(([base, extra]) => ({ ...base, ...extra }));

const person = (n: number) => (n < 0 ? 'leader' : `p${n}`);
/** Even-numbered friends and the leader are new users, as the integrator's authentication would say. */
const isNew = (id: string) => id === 'leader' || Number(id.slice(1)) % 2 === 0;
const actor = (id: string) => ({ id, newUser: isNew(id) });

async function run(rules: Record<string, unknown>, ops: readonly Op[], restarts: boolean) {
  const campaign = defineCampaign(groupBuyCampaignInput(rules), 'group-buy');
  const h = engineHarness(campaign, DURING_GROUP, 4);
  const { clock, effects } = h;
  await h.engine.start(campaign.id, { actor: actor('leader'), instanceId: 'g1' });
  const orders = new Map<string, string>();
  const trace: unknown[] = [];
  let seq = 0;
  for (const op of ops) {
    if (op.op === 'join' || op.op === 'pay' || op.op === 'leave') {
      const who = person(op.person);
      const orderId = `order-${who}-${++seq}`;
      const command =
        op.op === 'pay'
          ? { type: 'group-buy.pay', orderId, eventId: `e${seq}` }
          : { type: `group-buy.${op.op}`, eventId: `e${seq}` };
      const r = await h.engine.send('g1', command, { actor: actor(who) });
      if (op.op === 'pay' && r.status === 'accepted') orders.set(who, orderId);
      trace.push([op.op, r.status === 'accepted' ? 'ok' : r.reason]);
    } else if (op.op === 'refund') {
      const r = await h.engine.send(
        'g1',
        { type: 'group-buy.refund', memberId: person(op.person) },
        { actor: { id: 'staff', operator: true } },
      );
      trace.push(['refund', r.status === 'accepted' ? 'ok' : r.reason]);
    } else if (op.op === 'advance') clock.advance(op.minutes * 60_000);
    else if (op.op === 'tick') await h.engine.tick();
    else if (restarts) {
      await h.restart();
    }
    const view = (await h.engine.view('g1', { id: 'leader' })) as GroupBuyView;
    trace.push(view.state, view.seats);
    // Never more members than the size; counts match the member list exactly.
    expect(view.seats.taken + view.seats.virtual).toBeLessThanOrEqual(view.seats.size);
    expect(view.seats.paid).toBe(view.members.filter((m) => m.status === 'paid').length);
    expect(view.members.filter((m) => m.leader).length).toBeLessThanOrEqual(1);
    if (view.state === 'succeeded' && view.seats.virtual === 0) {
      expect(view.members.filter((m) => m.status !== 'pending')).toHaveLength(view.seats.size);
    }
    // The campaign listing on the store holds exactly the committed group's openness.
    const stored = (await h.store.load('g1'))?.snapshot as InstanceState<GroupBuyContext>;
    const listed = (await h.store.topScores(listingBoard(campaign.id), 10)).find((e) => e.member === 'g1');
    expect(listed?.score ?? 0).toBe(groupBuyMechanic.listing?.(stored));
  }
  clock.advance(24 * 60 * 60_000);
  await h.engine.tick();
  const end = (await h.engine.view('g1', { id: 'leader' })) as GroupBuyView;
  expect(['succeeded', 'failed']).toContain(end.state);
  // A 新人团 seats new users only: nobody the integrator did not mark new ever joined.
  if (rules.newUsersOnly !== undefined)
    for (const e of effects.filter((e) => e.type === 'group-buy.joined'))
      expect(isNew(e.payload.memberId as string)).toBe(true);
  // The leader price is the opener's alone; a ¥0.00 order (团长免单) is never "refunded".
  const leaderFen = (rules.leaderPriceFen as number | undefined) ?? 9900;
  for (const m of (effects.find((e) => e.type === 'group-buy.succeeded')?.payload.members ?? []) as {
    id: string;
    priceFen: number;
  }[])
    expect(m.priceFen).toBe(m.id === 'leader' ? leaderFen : 9900);
  if (leaderFen === 0) orders.delete('leader');
  // Every refund goes to the member's own order, once; a failed group refunds every payment of money.
  const refunds = effects.filter((e) => e.type === 'group-buy.refund-due');
  for (const e of refunds) expect(e.payload.amountFen).toBeGreaterThan(0);
  const refunded = refunds.map((e) => `${e.payload.memberId}:${e.payload.orderId}`);
  expect(new Set(refunded).size).toBe(refunded.length);
  for (const e of refunds) expect(orders.get(e.payload.memberId as string)).toBe(e.payload.orderId);
  const succeeded = effects.find((e) => e.type === 'group-buy.succeeded');
  if (end.state === 'failed') {
    expect(succeeded).toBeUndefined();
    expect(refunded.sort()).toEqual([...orders].map(([who, order]) => `${who}:${order}`).sort());
  } else {
    const members = (succeeded?.payload.members ?? []) as { id: string; orderId: string }[];
    const paidAtSuccess = members
      .filter((m) => leaderFen > 0 || m.id !== 'leader')
      .map((m) => `${m.id}:${m.orderId}`);
    expect([...paidAtSuccess, ...refunded.filter((r) => !paidAtSuccess.includes(r))].sort()).toEqual(
      [...orders].map(([w, o]) => `${w}:${o}`).sort(),
    );
  }
  await h.engine.dispose();
  trace.push(end.state);
  return trace;
}

describe('group buy over random event sequences', () => {
  it('never overfills, refunds each paid member on their own order, and restores from JSON identically', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, fc.array(opArb, { minLength: 1, maxLength: 40 }), async (rules, ops) => {
        expect(await run(rules, ops, true)).toEqual(await run(rules, ops, false));
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { DAY, DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';
import type { ReferralView } from './view.js';

const LINKS = ['u0', 'u1', 'u2'] as const; // the users who own a link (they can also be referred)
const user = fc.integer({ min: 0, max: 4 }).map((i) => `u${i}`);
const link = fc.integer({ min: 0, max: 2 });

type Op =
  | { op: 'accept'; link: number; user: string }
  | { op: 'convert' | 'refund'; link: number; user: string }
  | { op: 'issued'; link: number; user: string; side: 'referrer' | 'referee' }
  | { op: 'advance'; days: number }
  | { op: 'tick' }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('accept' as const), link, user }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('convert' as const), link, user }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refund' as const), link, user }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('issued' as const),
      link,
      user,
      side: fc.constantFrom('referrer' as const, 'referee' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

type Attribution = 'first-touch' | 'last-touch';

/** A referral graph with no way back: following referrers from any user never returns to them. */
function expectNoLoop(referrerOf: ReadonlyMap<string, string>) {
  for (const start of referrerOf.keys()) {
    const seen = new Set<string>();
    for (let u: string | undefined = start; u !== undefined; u = referrerOf.get(u)) {
      expect(seen.has(u)).toBe(false);
      seen.add(u);
    }
  }
}

async function run(ops: readonly Op[], restarts: boolean, attribution: Attribution) {
  const campaign = defineCampaign(
    referralCampaignInput({
      capPerReferrer: 2,
      freezeDays: 3,
      attribution,
      // Last-touch refuses an upfront reward for the friend (each accepted invite would pay it).
      ...(attribution === 'last-touch' && { refereeReward: { rewardId: 'free-coffee' } }),
    }),
    'referral',
  );
  const h = engineHarness(campaign, DURING_REFERRAL, 1);
  for (const owner of LINKS)
    await h.engine.start(campaign.id, { actor: { id: owner }, instanceId: `link-${owner}` });
  const trace: unknown[] = [];
  let seq = 0;
  for (const op of ops) {
    if (op.op === 'advance') h.clock.advance(op.days * DAY);
    else if (op.op === 'tick') await h.engine.tick();
    else if (op.op === 'restart') {
      if (restarts) await h.restart();
    } else {
      const id = `link-${LINKS[op.link]}`;
      const command =
        op.op === 'accept'
          ? { type: 'referral.accept' }
          : op.op === 'issued'
            ? { type: 'referral.issued', referee: op.user, side: op.side }
            : { type: `referral.${op.op}`, referee: op.user };
      const actor = op.op === 'accept' ? { id: op.user } : ORDERS;
      const r = await h.engine.send(id, { ...command, eventId: `e${++seq}` }, { actor });
      trace.push([op.op, r.status === 'accepted' ? 'ok' : r.reason]);
    }
    const views = await Promise.all(
      LINKS.map((o) => h.engine.view(`link-${o}`, { id: o }) as Promise<ReferralView>),
    );
    // Each user belongs to one referrer (first-touch: ever; last-touch: the latest invite accepted), each is
    // converted once at most, and neither who holds whom nor who converted whom has a loop.
    const edges = (type: string) =>
      h.effects
        .filter((e) => e.type === type)
        .map((e) => [e.payload.referee as string, e.instanceId.replace('link-', '')] as const);
    const accepted = edges('referral.accepted');
    const converted = edges('referral.converted');
    if (attribution === 'first-touch') expect(new Set(accepted.map(([u]) => u)).size).toBe(accepted.length);
    expect(new Set(converted.map(([u]) => u)).size).toBe(converted.length);
    expectNoLoop(new Map(accepted));
    expectNoLoop(new Map(converted));
    // Every link a friend left was told before the accept that took them was answered: a friend is active (not
    // moved) at one link at most, and that is the link they converted at, if any.
    const moved = new Set(edges('referral.moved').map(([u, link]) => `${u}@${link}`));
    const active = accepted.filter(([u, link]) => !moved.has(`${u}@${link}`)).map(([u]) => u);
    expect(new Set(active).size).toBe(active.length);
    for (const [u, link] of converted) expect(moved.has(`${u}@${link}`)).toBe(false);
    for (const v of views) {
      // Conversions earning the referrer's reward never exceed the cap; conversions past it still count for the
      // friend (their reward is promised unconditionally).
      expect(v.counts.rewarded).toBeLessThanOrEqual(2);
      expect(v.counts.capLeft).toBe(2 - v.counts.rewarded);
      expect(v.ledgerTotals.pending + v.ledgerTotals.approved + v.ledgerTotals.issued).toBeLessThanOrEqual(2);
    }
    trace.push(views.map((v) => [v.state, v.counts, v.ledgerTotals]));
  }
  // Exactly-once ledger: every approval, reversal and clawback effect is unique per (referee, side).
  const keyed = h.effects
    .filter((e) =>
      ['referral.reward-approved', 'referral.reward-reversed', 'referral.reward-clawback'].includes(e.type),
    )
    .map((e) => `${e.type}:${e.instanceId}:${e.payload.referee}:${e.payload.side}`);
  expect(new Set(keyed).size).toBe(keyed.length);
  await h.engine.dispose();
  return trace;
}

describe('referral over random event sequences', () => {
  it('attributes each friend once, never loops, keeps the cap and the ledger exact, and restores from JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 50, size: 'max' }),
        fc.constantFrom<Attribution>('first-touch', 'last-touch'),
        async (ops, attribution) => {
          expect(await run(ops, true, attribution)).toEqual(await run(ops, false, attribution));
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { assistCampaignInput, DURING_ASSIST } from './assist-fixture.test-utils.js';
import type { AssistView } from './view.js';

type Op =
  | { op: 'help'; helper: number; newUser: boolean; retry: boolean }
  | { op: 'advance'; minutes: number }
  | { op: 'tick' }
  | { op: 'cancel' }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant('help' as const),
      helper: fc.integer({ min: 0, max: 9 }),
      newUser: fc.boolean(),
      retry: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 60 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'cancel' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'restart' as const }) },
);

const rulesArb = fc
  .record({
    thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
    newUser: fc.integer({ min: 1, max: 3 }),
    existing: fc.integer({ min: 1, max: 2 }),
    helperReward: fc.boolean(),
  })
  .map((r) => ({
    tiers: [...r.thresholds]
      .sort((a, b) => a - b)
      .map((helps, i) => ({ helps, rewardId: i % 2 === 0 ? 'coupon-5' : 'latte' })),
    weights: { newUser: r.newUser, existing: r.existing },
    ...(r.helperReward ? { helperRewardId: 'thanks' } : {}),
  }));

const ALICE = { id: 'alice' };

async function run(rules: Record<string, unknown>, ops: readonly Op[], restarts: boolean) {
  const campaign = defineCampaign(assistCampaignInput(rules), 'assist');
  const h = engineHarness(campaign, DURING_ASSIST, 1);
  const { clock, effects } = h;
  await h.engine.start(campaign.id, { actor: ALICE, instanceId: 't1' });
  const trace: unknown[] = [];
  const accepted = new Map<string, number>();
  let lastEventId = 'none';
  let seq = 0;
  for (const op of ops) {
    if (op.op === 'help') {
      const eventId = op.retry ? lastEventId : `ev-${++seq}`;
      lastEventId = eventId;
      const actor = { id: `friend-${op.helper}`, newUser: op.newUser };
      const result = await h.engine.send('t1', { type: 'assist.help', eventId }, { actor });
      if (result.status === 'accepted' && !result.duplicate) {
        expect(accepted.has(actor.id)).toBe(false);
        accepted.set(actor.id, op.newUser ? campaign.rules.weights.newUser : campaign.rules.weights.existing);
      }
      trace.push(result.status === 'accepted' ? ['help', result.duplicate] : ['help', result.reason]);
    } else if (op.op === 'advance') clock.advance(op.minutes * 60_000);
    else if (op.op === 'tick') await h.engine.tick();
    else if (op.op === 'cancel') {
      const r = await h.engine.send('t1', { type: 'assist.cancel', eventId: `c-${++seq}` }, { actor: ALICE });
      trace.push(['cancel', r.status === 'accepted' ? r.view.state : r.reason]);
    } else if (restarts) {
      await h.restart();
    }
    const view = (await h.engine.view('t1', ALICE)) as AssistView;
    trace.push(view.state, view.progress.points);
    const points = [...accepted.values()].reduce((a, b) => a + b, 0);
    expect(view.progress.points).toBe(points);
    expect(view.progress.helps).toBe(accepted.size);
    expect(view.progress.left).toBe(Math.max(0, view.progress.goal - points));
    expect(view.tiers.map((t) => t.reached)).toEqual(view.tiers.map((t) => t.helps <= points));
    if (points >= view.progress.goal) expect(view.state).toBe('completed');
    else expect(view.state).not.toBe('completed');
  }
  clock.advance(24 * 60 * 60_000);
  await h.engine.tick();
  const end = (await h.engine.view('t1', ALICE)) as AssistView;
  expect(['completed', 'expired', 'cancelled']).toContain(end.state);
  // Each tier granted once, and exactly the tiers reached; one helper reward per accepted help.
  const granted = effects.filter((e) => e.type === 'assist.tier-reached').map((e) => e.payload.tier);
  expect(granted).toEqual(end.tiers.flatMap((t, i) => (t.reached ? [i] : [])));
  const helperRewards = effects.filter((e) => e.type === 'assist.helper-rewarded').length;
  expect(helperRewards).toBe(campaign.rules.helperRewardId === undefined ? 0 : accepted.size);
  await h.engine.dispose();
  trace.push(end.state);
  return trace;
}

describe('assist over random event sequences', () => {
  it('keeps its invariants, and a snapshot restored from JSON behaves exactly like the live one', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, fc.array(opArb, { minLength: 1, maxLength: 40 }), async (rules, ops) => {
        expect(await run(rules, ops, true)).toEqual(await run(rules, ops, false));
      }),
      { numRuns: 120 },
    );
  });
});

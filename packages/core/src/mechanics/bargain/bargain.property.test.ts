import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { sequentialIds } from '../../primitives/ids.js';
import { seededRandom } from '../../primitives/random.js';
import { createMemoryStore } from '../../store/memory-store.js';
import type { Store } from '../../store/store.js';
import { bargainRulesArb } from './bargain-arbitraries.test-utils.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from './bargain-fixture.test-utils.js';
import type { BargainRules } from './schema.js';
import type { BargainView } from './view.js';

type Op =
  | { op: 'help'; helper: number; newUser: boolean; retry: boolean }
  | { op: 'advance'; minutes: number }
  | { op: 'tick' }
  | { op: 'purchase' }
  | { op: 'cancel' }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('help' as const),
      helper: fc.integer({ min: 0, max: 14 }),
      newUser: fc.boolean(),
      retry: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 90 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'purchase' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'cancel' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'restart' as const }) },
);

const ALICE = { id: 'alice' };

/** Runs one scenario; with `restarts`, a fresh engine (empty cache) takes over at each restart op. */
async function run(rules: BargainRules, ops: readonly Op[], restarts: boolean) {
  const campaign = defineCampaign(
    bargainCampaignInput({
      ...rules,
      helpersToFloor: rules.helpersToFloor,
      timeLimitMinutes: 120,
      payWindowMinutes: 60,
    }),
  );
  const clock = createManualClock(DURING_CAMPAIGN);
  const store: Store = createMemoryStore();
  const make = () =>
    createEngine({ campaigns: [campaign], store, clock, random: seededRandom(7), ids: sequentialIds('x') });
  let engine = make();
  const started = await engine.start(campaign.id, { actor: ALICE, instanceId: 'b1' });
  if (started.status !== 'accepted') throw new Error('start rejected');
  const trace: unknown[] = [];
  const acceptedHelpers = new Set<string>();
  let lastEventId = 'none';
  let seq = 0;

  for (const op of ops) {
    const before = (await engine.view('b1', ALICE)) as BargainView;
    switch (op.op) {
      case 'help': {
        const eventId = op.retry ? lastEventId : `ev-${++seq}`;
        lastEventId = eventId;
        const actor = { id: `friend-${op.helper}`, newUser: op.newUser };
        const result = await engine.send('b1', { type: 'bargain.help', eventId }, { actor });
        if (result.status === 'accepted' && !result.duplicate) {
          // one help per helper per instance
          expect(acceptedHelpers.has(actor.id)).toBe(false);
          acceptedHelpers.add(actor.id);
        }
        trace.push(
          result.status === 'accepted'
            ? ['help', result.duplicate, (result.view as BargainView).price.current]
            : ['help', result.reason],
        );
        break;
      }
      case 'advance':
        clock.advance(op.minutes * 60_000);
        break;
      case 'tick':
        await engine.tick();
        break;
      case 'purchase': {
        const r = await engine.send(
          'b1',
          { type: 'bargain.purchase', orderId: `o-${++seq}`, eventId: `p-${seq}` },
          { actor: ALICE },
        );
        trace.push(['purchase', r.status === 'accepted' ? r.view.state : r.reason]);
        break;
      }
      case 'cancel': {
        const r = await engine.send(
          'b1',
          { type: 'bargain.cancel', eventId: `c-${++seq}` },
          { actor: ALICE },
        );
        trace.push(['cancel', r.status === 'accepted' ? r.view.state : r.reason]);
        break;
      }
      case 'restart':
        if (restarts) {
          await engine.dispose();
          engine = make();
        }
        break;
    }
    const view = (await engine.view('b1', ALICE)) as BargainView;
    trace.push(view.state, view.price.current);
    checkInvariants(rules, view, acceptedHelpers.size);
    // A purchase is only ever made at a price reached by real cuts, and a final state never changes.
    if (['purchased', 'expired', 'unpaid', 'cancelled'].includes(before.state))
      expect(view.state).toBe(before.state);
  }

  // Expiry always ends the instance: past every deadline, it is in a final state.
  clock.advance(24 * 60 * 60_000);
  await engine.tick();
  const end = (await engine.view('b1', ALICE)) as BargainView;
  expect(['purchased', 'expired', 'unpaid', 'cancelled']).toContain(end.state);
  trace.push(end.state);
  await engine.dispose();
  return trace;
}

function checkInvariants(rules: BargainRules, view: BargainView, acceptedHelpers: number) {
  const { price, helps } = view;
  expect(price.current).toBeGreaterThanOrEqual(rules.floorPrice);
  expect(price.cut).toBe(rules.originalPrice - price.current);
  expect(price.remaining).toBe(price.current - rules.floorPrice);
  // Every cut is kept for display while there are ≤ 20: their sum is exactly what was cut.
  expect(view.recentCuts.reduce((sum, c) => sum + c.amount, 0)).toBe(price.cut);
  expect(helps.count).toBe(acceptedHelpers);
  // Buying below the original price needs the floor, unless the rules say otherwise.
  if (rules.purchasableAt === 'floor' && (view.state === 'purchasable' || view.state === 'purchased')) {
    expect(price.current).toBe(rules.floorPrice);
  }
  // Below the floor, 'helpers' allows buying only after enough helps (at the floor it is always allowed).
  if (rules.purchasableAt === 'helpers' && view.state === 'purchased' && price.current !== rules.floorPrice) {
    expect(helps.count).toBeGreaterThanOrEqual(rules.purchasableAfterHelpers ?? 0);
  }
  if (rules.helpersToFloor !== undefined) {
    expect(helps.count).toBeLessThanOrEqual(rules.helpersToFloor);
    // The floor is reached exactly at the n-th help, never before.
    expect(price.current === rules.floorPrice).toBe(helps.count === rules.helpersToFloor);
  }
}

describe('bargain over random event sequences', () => {
  it('keeps its invariants, and a snapshot restored from JSON behaves exactly like the live one', async () => {
    await fc.assert(
      fc.asyncProperty(
        bargainRulesArb({ maxHelpers: 12 }),
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        async (rules, ops) => {
          const live = await run(rules, ops, false);
          const restored = await run(rules, ops, true);
          expect(restored).toEqual(live);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('holds the helper quota across instances of one campaign', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({ initiator: fc.integer({ min: 0, max: 5 }), helper: fc.integer({ min: 0, max: 3 }) }),
          { maxLength: 60 },
        ),
        async (quota, helps) => {
          const campaign = defineCampaign(
            bargainCampaignInput({
              helperQuotaPerCampaign: quota,
              helpersToFloor: 50,
              cut: { strategy: 'uniform', min: 1, max: 1000 },
            }),
          );
          const engine = createEngine({
            campaigns: [campaign],
            clock: createManualClock(DURING_CAMPAIGN),
            random: seededRandom(1),
          });
          for (let i = 0; i <= 5; i++)
            await engine.start(campaign.id, { actor: { id: `init-${i}` }, instanceId: `b${i}` });
          const helped = new Map<string, Set<string>>();
          for (const [n, h] of helps.entries()) {
            const helper = `helper-${h.helper}`;
            const result = await engine.send(
              `b${h.initiator}`,
              { type: 'bargain.help', eventId: `e${n}` },
              { actor: { id: helper } },
            );
            if (result.status === 'accepted') {
              const set = helped.get(helper) ?? new Set();
              set.add(`b${h.initiator}`);
              helped.set(helper, set);
            } else {
              expect(['quota-exhausted', 'already-helped']).toContain(result.reason);
            }
          }
          for (const set of helped.values()) expect(set.size).toBeLessThanOrEqual(quota);
          await engine.dispose();
        },
      ),
      { numRuns: 60 },
    );
  });
});

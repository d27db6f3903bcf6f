import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Store } from '../../store/store.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../bargain/view.js';
import { engineHarness } from './engine-harness.test-utils.js';

const SUBSIDY = 19_900 - 990;
const MINUTE = 60_000;

type Op =
  | { readonly op: 'launch' }
  | { readonly op: 'help'; readonly pick: number }
  | { readonly op: 'buy'; readonly pick: number }
  | { readonly op: 'cancel'; readonly pick: number }
  | { readonly op: 'wait'; readonly minutes: number };

const ops = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant({ op: 'launch' as const }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('help' as const), pick: fc.nat(9) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('buy' as const), pick: fc.nat(9) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat(9) }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 90 }) }),
    },
  ),
  { minLength: 1, maxLength: 40 },
) as fc.Arbitrary<Op[]>;

async function taken(store: Store, counter: string, capacity: number): Promise<number> {
  const probe = await store.reserve({ counter, holder: 'probe', qty: 0, capacity });
  await store.release(counter, 'probe');
  return probe.ok ? capacity - probe.remaining : capacity;
}

describe('binding offer (property): reserved + consumed never exceed the stock or the budget', () => {
  it('over random launch / help / buy / cancel / expiry sequences, the counters equal the model and stay in bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 * SUBSIDY }),
        // `any`: time running out opens the pay window (then unpaid); `floor`: it expires the bargain.
        fc.constantFrom('any', 'floor'),
        ops,
        async (stock, budget, purchasableAt, sequence) => {
          const c = defineCampaign(
            bargainCampaignInput(
              { launchesPerUser: 100, purchasableAt, timeLimitMinutes: 60, payWindowMinutes: 30 },
              { stock: { total: stock }, budget: { totalFen: budget } },
            ),
            'bargain',
          );
          const h = engineHarness(c, DURING_CAMPAIGN, 11);
          const launched: string[] = [];
          let friends = 0;
          for (const step of sequence) {
            const id =
              launched.length > 0 ? launched[('pick' in step ? step.pick : 0) % launched.length] : undefined;
            if (step.op === 'launch') {
              const r = await h.engine.start(c.id, { actor: { id: 'amy' } });
              if (r.status === 'accepted') launched.push(r.instanceId);
              else expect(['sold-out', 'budget-exhausted']).toContain(r.reason);
            } else if (step.op === 'wait') {
              h.clock.advance(step.minutes * MINUTE);
              await h.engine.tick();
            } else if (id !== undefined && step.op === 'help') {
              await h.engine.send(id, { type: 'bargain.help' }, { actor: { id: `f${friends++}` } });
            } else if (id !== undefined && step.op === 'cancel') {
              await h.engine.send(id, { type: 'bargain.cancel' }, { actor: { id: 'amy' } });
            } else if (id !== undefined && step.op === 'buy') {
              const before = (await h.engine.view(id, { id: 'amy' })) as BargainView;
              const r = await h.engine.send(
                id,
                { type: 'bargain.purchase', orderId: `o-${id}` },
                { actor: { id: 'amy' } },
              );
              // A purchase the page offers is never refused for stock or budget: both are reserved for it.
              if (before.can.purchase.allowed) expect(r.status).toBe('accepted');
              if (r.status === 'rejected') expect(['sold-out', 'budget-exhausted']).not.toContain(r.reason);
            }
            // The model: every open bargain reserves a unit and the most subsidy; every purchase consumed a unit and
            // what it spent; everything else was given back.
            const views = await Promise.all(
              launched.map(async (i) => (await h.engine.view(i, null)) as BargainView),
            );
            const open = views.filter((v) => v.state === 'cutting' || v.state === 'purchasable');
            const bought = views.filter((v) => v.state === 'purchased');
            const spent = bought.reduce((sum, v) => sum + (19_900 - (v.purchase?.price ?? 0)), 0);
            const stockTaken = await taken(h.store, `${c.id}:stock`, stock);
            const budgetTaken = await taken(h.store, `${c.id}:budget`, budget);
            expect(stockTaken).toBe(open.length + bought.length);
            expect(stockTaken).toBeLessThanOrEqual(stock);
            expect(budgetTaken).toBe(open.length * SUBSIDY + spent);
            expect(budgetTaken).toBeLessThanOrEqual(budget);
          }
          await h.engine.dispose();
        },
      ),
      { numRuns: 60 },
    );
  });
});

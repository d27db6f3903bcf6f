import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepRandom } from '../../primitives/random.js';
import { bargainRulesArb } from './bargain-arbitraries.test-utils.js';
import { cutsAfterNextHelp, drawCut } from './cut-strategy.js';
import { bargainRulesSchema } from './schema.js';

describe('drawCut', () => {
  it('reaches the floor exactly at the last planned cut, never earlier, with every cut at least 1 分', () => {
    fc.assert(
      fc.property(
        bargainRulesArb({ openEnded: false }),
        fc.integer(),
        fc.array(fc.boolean(), { maxLength: 20 }),
        (rules, seed, newUsers) => {
          const n = rules.helpersToFloor as number;
          let remaining = rules.originalPrice - rules.floorPrice;
          let rng = seed;
          const cuts: number[] = [];
          if (rules.selfCut) {
            const r = stepRandom(rng);
            rng = r.state;
            const amount = drawCut(rules, { remaining, cutsAfter: n, u: r.value, newUser: false });
            cuts.push(amount);
            remaining -= amount;
          }
          for (let helps = 0; helps < n; helps++) {
            const r = stepRandom(rng);
            rng = r.state;
            const amount = drawCut(rules, {
              remaining,
              cutsAfter: cutsAfterNextHelp(rules, helps),
              u: r.value,
              newUser: newUsers[helps] ?? false,
            });
            expect(amount).toBeGreaterThanOrEqual(1);
            expect(Number.isInteger(amount)).toBe(true);
            cuts.push(amount);
            remaining -= amount;
            if (helps < n - 1) expect(remaining).toBeGreaterThan(0);
          }
          expect(remaining).toBe(0);
          expect(cuts.reduce((a, b) => a + b, 0)).toBe(rules.originalPrice - rules.floorPrice);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps uniform cuts inside [min, max] when the floor is fixed to n helpers', () => {
    fc.assert(
      fc.property(
        bargainRulesArb({ openEnded: false }).filter(
          (r) => r.cut.strategy === 'uniform' && r.newUserBoost === undefined,
        ),
        fc.integer(),
        (rules, seed) => {
          const cut = rules.cut as { min: number; max: number };
          let remaining = rules.originalPrice - rules.floorPrice;
          let rng = seed;
          const total = (rules.helpersToFloor as number) + (rules.selfCut ? 1 : 0);
          for (let k = 0; k < total; k++) {
            const r = stepRandom(rng);
            rng = r.state;
            const amount = drawCut(rules, {
              remaining,
              cutsAfter: total - k - 1,
              u: r.value,
              newUser: false,
            });
            expect(amount).toBeGreaterThanOrEqual(cut.min);
            expect(amount).toBeLessThanOrEqual(cut.max);
            remaining -= amount;
          }
          expect(remaining).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives every friend the fixed amount and the last one exactly what is left', () => {
    const rules = bargainRulesSchema.parse({
      rewardId: 'tea-set',
      originalPrice: 1000,
      floorPrice: 0,
      helpersToFloor: 4,
      cut: { strategy: 'fixed', amount: 300 },
      timeLimitMinutes: 60,
    });
    const amounts = [0, 1, 2, 3].map((k) =>
      drawCut(rules, { remaining: 1000 - 300 * k, cutsAfter: 3 - k, u: 0.5, newUser: false }),
    );
    expect(amounts).toEqual([300, 300, 300, 100]);
  });

  it('never cuts below the floor in an open-ended bargain', () => {
    const rules = bargainRulesSchema.parse({
      rewardId: 'tea-set',
      originalPrice: 1000,
      floorPrice: 900,
      cut: { strategy: 'uniform', min: 30, max: 60 },
      timeLimitMinutes: 60,
    });
    expect(drawCut(rules, { remaining: 20, cutsAfter: undefined, u: 0.99, newUser: false })).toBe(20);
    expect(drawCut(rules, { remaining: 0, cutsAfter: undefined, u: 0.5, newUser: false })).toBe(0);
  });

  it('boosts a new user by the disclosed factor', () => {
    const rules = bargainRulesSchema.parse({
      rewardId: 'tea-set',
      originalPrice: 10_000,
      floorPrice: 0,
      helpersToFloor: 10,
      cut: { strategy: 'uniform', min: 100, max: 1200 },
      newUserBoost: 1.5,
      timeLimitMinutes: 60,
    });
    // u = 0: the smallest natural draw, 100 plain and 150 boosted; both inside the floor window.
    expect(drawCut(rules, { remaining: 10_000, cutsAfter: 9, u: 0, newUser: false })).toBe(100);
    expect(drawCut(rules, { remaining: 10_000, cutsAfter: 9, u: 0, newUser: true })).toBe(150);
    expect(drawCut(rules, { remaining: 10_000, cutsAfter: 9, u: 0.99999, newUser: true })).toBe(1800);
  });
});

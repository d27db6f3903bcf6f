import fc from 'fast-check';
import { type BargainRules, bargainRuleIssues, bargainRulesSchema } from './schema.js';

/** Valid bargain rules of every strategy, with amounts and helper counts that make the floor reachable. */
export const bargainRulesArb = (
  options: { maxHelpers?: number; openEnded?: boolean } = {},
): fc.Arbitrary<BargainRules> =>
  fc
    .record({
      originalPrice: fc.integer({ min: 50, max: 500_000 }),
      floorShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
      helpers: fc.integer({ min: 1, max: options.maxHelpers ?? 12 }),
      openEnded: options.openEnded === undefined ? fc.boolean() : fc.constant(options.openEnded),
      selfCut: fc.boolean(),
      newUserBoost: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: undefined }),
      strategy: fc.constantFrom('ratio-of-remaining', 'uniform', 'fixed', 'double-mean'),
      u1: fc.double({ min: 0, max: 1, noNaN: true }),
      u2: fc.double({ min: 0, max: 1, noNaN: true }),
      purchasableAt: fc.constantFrom('floor', 'any', 'helpers'),
    })
    .map((r) => {
      const floorPrice = Math.floor(r.originalPrice * r.floorShare);
      const span = r.originalPrice - floorPrice;
      const openEnded = r.openEnded && (r.strategy === 'uniform' || r.strategy === 'fixed');
      const cuts = r.helpers + (r.selfCut ? 1 : 0);
      const per = Math.max(1, Math.floor(span / cuts));
      let cut: unknown;
      switch (r.strategy) {
        case 'ratio-of-remaining': {
          const lo = 0.05 + r.u1 * 0.5;
          cut = {
            strategy: r.strategy,
            minRatio: lo,
            maxRatio: Math.min(1, lo + r.u2 * 0.5),
            reservePerHelper: Math.max(1, Math.floor(per * r.u1 * 0.5)),
          };
          break;
        }
        case 'uniform': {
          const min = Math.max(1, Math.floor(per * r.u1));
          cut = {
            strategy: r.strategy,
            min,
            max: Math.max(min, Math.ceil(span / cuts) + Math.floor(r.u2 * span)),
          };
          break;
        }
        case 'fixed':
          cut = { strategy: r.strategy, amount: Math.ceil(span / cuts) };
          break;
        default:
          cut = { strategy: r.strategy, min: Math.max(1, Math.floor(per * r.u1)) };
      }
      return bargainRulesSchema.parse({
        rewardId: 'tea-set',
        originalPrice: r.originalPrice,
        floorPrice,
        ...(openEnded ? {} : { helpersToFloor: r.helpers }),
        cut,
        selfCut: r.selfCut,
        ...(r.newUserBoost === undefined ? {} : { newUserBoost: r.newUserBoost }),
        purchasableAt: r.purchasableAt,
        ...(r.purchasableAt === 'helpers'
          ? { purchasableAfterHelpers: Math.max(1, Math.floor(r.helpers / 2)) }
          : {}),
        timeLimitMinutes: 60,
      });
    })
    .filter((rules) => bargainRuleIssues(rules).length === 0);

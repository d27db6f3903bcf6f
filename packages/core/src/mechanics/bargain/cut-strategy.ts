import type { Fen } from '../../primitives/money.js';
import { intBetween, stepRandom } from '../../primitives/random.js';
import type { Actor } from '../mechanic.js';
import type { BargainContext } from './context.js';
import type { BargainRules, CutRule } from './schema.js';

/** Cuts needed to reach the floor: every helper, plus the initiator's own first cut when enabled. */
export function totalCuts(rules: Pick<BargainRules, 'helpersToFloor' | 'selfCut'>): number {
  return (rules.helpersToFloor ?? 0) + (rules.selfCut ? 1 : 0);
}

/** The smallest and largest single cut a strategy allows (used to check that the floor is reachable). */
export function cutBounds(cut: CutRule): { min: Fen; max: Fen } {
  switch (cut.strategy) {
    case 'uniform':
      return { min: cut.min, max: cut.max };
    case 'fixed':
      return { min: 1, max: cut.amount };
    case 'ratio-of-remaining':
      return { min: cut.reservePerHelper, max: Number.POSITIVE_INFINITY };
    case 'double-mean':
      return { min: cut.min, max: Number.POSITIVE_INFINITY };
  }
}

export interface CutDraw {
  /** 分 still between the current price and the floor. */
  readonly remaining: Fen;
  /** Cuts still to come after this one when the floor must be hit exactly; undefined when open-ended. */
  readonly cutsAfter: number | undefined;
  /** A uniform value in [0, 1) from the instance's seeded random state. */
  readonly u: number;
  readonly newUser: boolean;
}

/**
 * How much one cut takes, in 分. Pure and total for every valid rule set.
 *
 * With a fixed number of cuts, the draw is clamped into [max(m, R − L·M), min(M, R − L·m)] where R is what is
 * left, L the cuts still to come and [m, M] the strategy's bounds. That interval is never empty while
 * (L+1)·m ≤ R ≤ (L+1)·M, and every clamped cut keeps that true for the next one, so the last cut lands
 * exactly on the floor and no earlier cut does (schema validation checks it holds at the start).
 */
export function drawCut(rules: BargainRules, draw: CutDraw): Fen {
  const { remaining, cutsAfter, u } = draw;
  if (remaining <= 0) return 0;
  const boost = draw.newUser && rules.newUserBoost !== undefined ? rules.newUserBoost : 1;
  const { cut } = rules;
  if (cutsAfter === undefined) {
    const natural =
      cut.strategy === 'uniform'
        ? intBetween(u, cut.min, cut.max)
        : cut.strategy === 'fixed'
          ? cut.amount
          : 1;
    return Math.min(remaining, Math.max(1, Math.floor(natural * boost)));
  }
  if (cutsAfter === 0) return remaining;
  const m = cutBounds(cut).min;
  const M = cut.strategy === 'uniform' ? cut.max : Number.POSITIVE_INFINITY;
  const lo = Math.max(m, remaining - cutsAfter * M);
  const hi = Math.min(M, remaining - cutsAfter * m);
  let natural: number;
  switch (cut.strategy) {
    case 'uniform':
      natural = intBetween(u, lo, hi);
      break;
    case 'fixed':
      natural = cut.amount;
      break;
    case 'ratio-of-remaining': {
      const spendable = remaining - cutsAfter * cut.reservePerHelper;
      natural = Math.floor(spendable * (cut.minRatio + u * (cut.maxRatio - cut.minRatio)));
      break;
    }
    case 'double-mean': {
      const twiceMean = Math.floor((2 * remaining) / (cutsAfter + 1));
      natural = intBetween(u, cut.min, Math.max(cut.min, twiceMean));
      break;
    }
  }
  return Math.min(hi, Math.max(lo, Math.floor(natural * boost)));
}

/** Friend cuts still to come after the next one, or undefined for an open-ended bargain. */
export function cutsAfterNextHelp(rules: BargainRules, helpsSoFar: number): number | undefined {
  return rules.helpersToFloor === undefined ? undefined : rules.helpersToFloor - helpsSoFar - 1;
}

/** The next friend's cut on this instance and the random state after it. Pure: same context, same cut. */
export function nextCut(context: BargainContext, helper: Actor): { amount: Fen; rng: number } {
  const random = stepRandom(context.rng);
  const amount = drawCut(context.rules, {
    remaining: context.price - context.rules.floorPrice,
    cutsAfter: cutsAfterNextHelp(context.rules, context.helps),
    u: random.value,
    newUser: helper.newUser === true,
  });
  return { amount, rng: random.state };
}

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
 * What the rules say one cut is before the floor adjustment, for a new user or not: the terms the disclosure
 * prints and the draw uses (one source).
 * - `amount`: a whole number of 分 in [min, max] (uniform; fixed has min = max).
 * - `share`: a share in [minRatio, maxRatio] of what may be cut now — what is left minus `reserve` for each friend
 *   still to come — and at least `reserve`.
 * - `mean`: from `min` to `multiple` × (what is left ÷ the cuts still to come, this one included), keeping
 *   `reserve` for each friend still to come.
 */
export type CutTerms =
  | { readonly kind: 'amount'; readonly min: Fen; readonly max: Fen }
  | { readonly kind: 'share'; readonly minRatio: number; readonly maxRatio: number; readonly reserve: Fen }
  | { readonly kind: 'mean'; readonly min: Fen; readonly multiple: number; readonly reserve: Fen };

/** The boost a cut gets: `newUserBoost` for a new user, else 1. */
export const boostOf = (rules: Pick<BargainRules, 'newUserBoost'>, newUser: boolean): number =>
  newUser && rules.newUserBoost !== undefined ? rules.newUserBoost : 1;

/**
 * The terms of one cut. A new user's boost multiplies the amounts (uniform, fixed), the shares (capped at 100%)
 * or the multiple of the mean (double-mean); the result is what the page discloses for new users.
 * @example cutTerms({ cut: { strategy: 'ratio-of-remaining', minRatio: 0.2, maxRatio: 0.6, reservePerHelper: 100 }, newUserBoost: 1.5 }, true)
 * // { kind: 'share', minRatio: 0.3, maxRatio: 0.9, reserve: 100 }
 */
export function cutTerms(rules: Pick<BargainRules, 'cut' | 'newUserBoost'>, newUser: boolean): CutTerms {
  const b = boostOf(rules, newUser);
  const { cut } = rules;
  const times = (fen: Fen) => Math.max(1, Math.floor(fen * b));
  switch (cut.strategy) {
    case 'uniform':
      return { kind: 'amount', min: times(cut.min), max: times(cut.max) };
    case 'fixed':
      return { kind: 'amount', min: times(cut.amount), max: times(cut.amount) };
    case 'ratio-of-remaining':
      return {
        kind: 'share',
        minRatio: Math.min(1, cut.minRatio * b),
        maxRatio: Math.min(1, cut.maxRatio * b),
        reserve: cut.reservePerHelper,
      };
    case 'double-mean':
      return { kind: 'mean', min: times(cut.min), multiple: 2 * b, reserve: cut.min };
  }
}

/** The terms' natural bounds at one state, before the floor adjustment. */
function naturalBounds(terms: CutTerms, remaining: Fen, cutsAfter: number): { lo: Fen; hi: Fen } {
  switch (terms.kind) {
    case 'amount':
      return { lo: terms.min, hi: terms.max };
    case 'share': {
      const spendable = remaining - cutsAfter * terms.reserve;
      return { lo: Math.floor(spendable * terms.minRatio), hi: Math.floor(spendable * terms.maxRatio) };
    }
    case 'mean':
      return {
        lo: terms.min,
        hi: Math.max(terms.min, Math.floor((terms.multiple * remaining) / (cutsAfter + 1))),
      };
  }
}

/**
 * The interval that keeps the floor exact with a fixed number of cuts: [max(m, R − L·M), min(…, R − L·m)] where R
 * is what is left, L the cuts still to come and [m, M] the strategy's unboosted bounds. It is never empty while
 * (L+1)·m ≤ R ≤ (L+1)·M, and every cut inside it keeps that true for the next one (whatever the next friend's
 * boost), so the last cut lands exactly on the floor and no earlier cut does (schema validation checks it holds
 * at the start).
 */
function floorWindow(rules: BargainRules, remaining: Fen, cutsAfter: number): { lo: Fen; hi: Fen } {
  const { min: m, max: M } = cutBounds(rules.cut);
  return { lo: Math.max(m, remaining - cutsAfter * M), hi: remaining - cutsAfter * m };
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

/**
 * The exact interval, in 分, the next cut lies in: the terms' natural bounds moved into the window that keeps the
 * floor exact (a fixed number of cuts), or capped by what is left (open-ended). The last planned cut takes what is
 * left. {@link drawCut} always lands inside it; the disclosure states it from the same {@link cutTerms}.
 * @example cutRange(rules, { remaining: 18_910, cutsAfter: 4, newUser: false }) // { lo: 3702, hi: 11106 } for 20%–60%
 */
export function cutRange(rules: BargainRules, draw: Omit<CutDraw, 'u'>): { lo: Fen; hi: Fen } {
  const { remaining, cutsAfter } = draw;
  if (remaining <= 0) return { lo: 0, hi: 0 };
  if (cutsAfter === 0) return { lo: remaining, hi: remaining };
  const terms = cutTerms(rules, draw.newUser);
  if (cutsAfter === undefined) {
    const { lo, hi } = naturalBounds(terms, remaining, 0);
    return { lo: Math.min(remaining, lo), hi: Math.min(remaining, hi) };
  }
  const natural = naturalBounds(terms, remaining, cutsAfter);
  const window = floorWindow(rules, remaining, cutsAfter);
  return {
    lo: clamp(natural.lo, window.lo, window.hi),
    hi: clamp(natural.hi, window.lo, window.hi),
  };
}

/**
 * How much one cut takes, in 分: a draw from the terms' natural distribution moved into {@link cutRange}. Pure and
 * total for every valid rule set.
 * @example drawCut(rules, { remaining: 18_910, cutsAfter: 4, u: 0.5, newUser: false }) // 7404
 */
export function drawCut(rules: BargainRules, draw: CutDraw): Fen {
  const { lo, hi } = cutRange(rules, draw);
  if (lo === hi) return lo;
  const terms = cutTerms(rules, draw.newUser);
  const natural = naturalBounds(terms, draw.remaining, draw.cutsAfter ?? 0);
  const value =
    terms.kind === 'share'
      ? Math.floor(
          (draw.remaining - (draw.cutsAfter ?? 0) * terms.reserve) *
            (terms.minRatio + draw.u * (terms.maxRatio - terms.minRatio)),
        )
      : intBetween(draw.u, natural.lo, natural.hi);
  return clamp(value, lo, hi);
}

/**
 * The most and the fewest friends an open-ended bargain can take to reach the floor: every cut at its smallest
 * (no new users) or at its largest (all new users), after the initiator's own cut when there is one. Exact, from
 * {@link cutTerms}, so the page can state the worst case instead of "any number of friends".
 * @example friendsToFloorRange({ ...rules, cut: { strategy: 'uniform', min: 1, max: 50 } }) // { fewest: 379, most: 18910 } for ¥189.10
 */
export function friendsToFloorRange(rules: BargainRules): { fewest: number; most: number } {
  const span = rules.originalPrice - rules.floorPrice;
  const plain = cutTerms(rules, false);
  const boosted = cutTerms(rules, true);
  if (plain.kind !== 'amount' || boosted.kind !== 'amount') {
    const n = rules.helpersToFloor ?? 0;
    return { fewest: n, most: n };
  }
  const own = rules.selfCut ? Math.min(span, plain.max) : 0;
  return {
    fewest: Math.ceil((span - own) / boosted.max),
    most: Math.ceil((span - (rules.selfCut ? Math.min(span, plain.min) : 0)) / plain.min),
  };
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

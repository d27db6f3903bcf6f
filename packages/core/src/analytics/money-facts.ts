import type { AnyCampaign } from '../campaign/define-campaign.js';
import type { Effect } from '../engine/types.js';

/** A figure one effect adds to a campaign's money counters. */
export interface MoneyFact {
  readonly metric: MoneyMetric;
  readonly amount: number;
}

/** The money counters, in 分 (`-fen`) or as counts. */
export type MoneyMetric =
  | 'revenue-fen'
  | 'orders'
  | 'subsidy-fen'
  | 'reward-cost-fen'
  | 'rewards-granted'
  | 'rewards-redeemed'
  | 'rewards-clawed-back'
  | 'refund-fen'
  | 'refunds';

/** What one effect means in money, and who paid (paying customers are counted once each). */
export interface MoneyReading {
  readonly facts: readonly MoneyFact[];
  readonly payers: readonly string[];
  /** A coupon issued: its discount, kept so that its redemption counts it as a subsidy. */
  readonly couponIssued?: { readonly couponId: string; readonly discountFen: number };
  /** A coupon redeemed: its id, whose discount is read back. */
  readonly couponRedeemed?: string;
}

const NOTHING: MoneyReading = { facts: [], payers: [] };
const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The market value (`valueFen`) of a reward of the campaign, 0 when it has none. */
const rewardValue = (campaign: AnyCampaign, rewardId: unknown) =>
  campaign.rewards.find((r) => r.id === rewardId)?.valueFen ?? 0;

const granted = (campaign: AnyCampaign, rewardId: unknown): MoneyReading => ({
  facts: [
    { metric: 'rewards-granted', amount: 1 },
    { metric: 'reward-cost-fen', amount: rewardValue(campaign, rewardId) },
  ],
  payers: [],
});

/**
 * Reads an effect's money: orders and revenue (a bargain bought, a group buy's paid members once it succeeds),
 * subsidies (the cuts the organiser pays for a bargain; the discount below the original price of a group buy; a
 * coupon's discount when it is redeemed), rewards granted (with their `valueFen` as cost), redeemed and clawed back,
 * and refunds. Everything else reads as nothing.
 *
 * @example
 * readMoney(campaign, effect).facts; // [{ metric: 'revenue-fen', amount: 990 }, …] for a `bargain.purchased`
 */
export function readMoney(campaign: AnyCampaign, effect: Effect): MoneyReading {
  const p = effect.payload;
  switch (effect.type) {
    case 'bargain.purchased':
      return {
        facts: [
          { metric: 'orders', amount: 1 },
          { metric: 'revenue-fen', amount: num(p.price) },
          { metric: 'subsidy-fen', amount: num(p.subsidy) },
          { metric: 'rewards-granted', amount: 1 },
        ],
        payers: [effect.actorId],
      };
    case 'group-buy.succeeded': {
      const members = Array.isArray(p.members) ? (p.members as { id?: unknown; priceFen?: unknown }[]) : [];
      const rules = campaign.rules as { originalPriceFen?: number };
      const original = num(rules.originalPriceFen);
      const paid = members.reduce((sum, m) => sum + num(m.priceFen), 0);
      return {
        facts: [
          { metric: 'orders', amount: members.length },
          { metric: 'revenue-fen', amount: paid },
          { metric: 'subsidy-fen', amount: original * members.length - paid },
          { metric: 'rewards-granted', amount: members.length },
        ],
        payers: members.map((m) => str(m.id)).filter((id): id is string => id !== null),
      };
    }
    case 'group-buy.refund-due':
      return {
        facts: [
          { metric: 'refunds', amount: 1 },
          { metric: 'refund-fen', amount: num(p.amountFen) },
        ],
        payers: [],
      };
    case 'coupon.issued': {
      const couponId = str(p.couponId);
      const reading: MoneyReading = { facts: [{ metric: 'rewards-granted', amount: 1 }], payers: [] };
      return couponId === null
        ? reading
        : { ...reading, couponIssued: { couponId, discountFen: num(p.discountFen) } };
    }
    case 'coupon.redeemed': {
      const couponId = str(p.couponId);
      const holder = str(p.holder) ?? effect.actorId;
      const reading: MoneyReading = {
        facts: [
          { metric: 'rewards-redeemed', amount: 1 },
          { metric: 'orders', amount: 1 },
        ],
        payers: [holder],
      };
      return couponId === null ? reading : { ...reading, couponRedeemed: couponId };
    }
    case 'assist.tier-reached':
    case 'assist.helper-rewarded':
    case 'referral.reward-approved':
    case 'leaderboard.prize-awarded':
      return granted(campaign, p.rewardId);
    case 'referral.reward-clawback':
      return {
        facts: [
          { metric: 'rewards-clawed-back', amount: 1 },
          { metric: 'reward-cost-fen', amount: -rewardValue(campaign, p.rewardId) },
        ],
        payers: [],
      };
    case 'referral.converted': {
      const referee = str(p.referee);
      return p.trigger === 'first-order' && referee !== null
        ? { facts: [{ metric: 'orders', amount: 1 }], payers: [referee] }
        : NOTHING;
    }
    default:
      return NOTHING;
  }
}

import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, Reservation, StartArgs } from '../mechanic.js';
import {
  budgetSpend,
  expiryOf,
  initiatorOf,
  launchedBy,
  launchLimit,
  MEMBER_CLAIM,
  stockUnits,
} from '../shared/instance-basics.js';
import { compareCouponRules } from './compare-rules.js';
import { asCouponEvent, type CouponContext, type CouponState, nextCouponExpiry } from './context.js';
import { decide } from './decisions.js';
import { discloseCoupon } from './disclosure.js';
import { couponMachine } from './machine.js';
import {
  type CouponCampaign,
  type CouponRules,
  couponCampaignSchema,
  couponCommandSchema,
} from './schema.js';
import { type CouponView, couponView } from './view.js';

function initialState({ campaign, instanceId, initiator, now, seed }: StartArgs<CouponRules>): CouponState {
  const context: CouponContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules: campaign.rules,
    startedAt: now,
    expiresAt: expiryOf(campaign, now, campaign.rules.timeLimitMinutes),
    members: campaign.rules.mode === 'pool' ? [initiator.id] : [],
    sharerCoupons: 0,
    coupons: [],
    rng: seed,
  };
  return { value: 'open', context };
}

/** The shared counters one person's claim or membership takes. Holder names match the machine's releases. */
function personReservations(
  campaign: CouponCampaign,
  instanceId: string,
  person: string,
  coupons: number,
  valueFen: number,
  at: number,
): Reservation[] {
  const out: Reservation[] = [
    {
      counter: `${campaign.id}:per-user:${person}`,
      holder: instanceId,
      qty: 1,
      capacity: campaign.rules.perUserLimit,
      reason: 'quota-exhausted',
    },
  ];
  out.push(...stockUnits(campaign, `${instanceId}:${person}`, coupons, at));
  out.push(...budgetSpend(campaign, `${instanceId}:${person}`, valueFen));
  return out;
}

/** 券 coupon sharing and pool split, assembled for the engine. */
export const couponMechanic: Mechanic<'coupon', CouponRules, CouponContext, CouponView> = {
  kind: 'coupon',
  campaignSchema: couponCampaignSchema,
  commandSchema: couponCommandSchema,
  machine: couponMachine,
  initialState,
  initiatorOf,
  claimTakenReason: 'already-helped',
  check: (state, event) => decide((state as CouponState).value, state.context, asCouponEvent(event)),
  claims: (event) =>
    event.type === 'coupon.claim' || event.type === 'coupon.join' ? [MEMBER_CLAIM(event.actor.id)] : [],
  viewerClaims: (viewerId) => [MEMBER_CLAIM(viewerId)],
  reservations(state, event, campaign) {
    const { context } = state;
    const { rules } = context;
    if (event.type === 'coupon.claim' && rules.mode === 'share') {
      const sharer = context.sharerCoupons < rules.sharerCouponsPerShare;
      const value =
        rules.coupon.discountFen + (sharer ? (rules.sharerCoupon ?? rules.coupon).discountFen : 0);
      return personReservations(
        campaign as CouponCampaign,
        context.instanceId,
        event.actor.id,
        sharer ? 2 : 1,
        value,
        event.at,
      );
    }
    if (event.type === 'coupon.join' && rules.mode === 'pool') {
      return personReservations(
        campaign as CouponCampaign,
        context.instanceId,
        event.actor.id,
        1,
        0,
        event.at,
      );
    }
    return [];
  },
  startReservations(campaign, initiator, instanceId) {
    const launches = launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser);
    if (campaign.rules.mode !== 'pool') return [launches];
    // A pool commits its whole amount from the budget when it opens (released if it fails).
    const pool = campaign as CouponCampaign;
    return [
      launches,
      ...budgetSpend(pool, instanceId, pool.rules.mode === 'pool' ? pool.rules.amountFen : 0),
      // Launches have no instant here, so a pool refuses `daily.stock` in its schema (see dailyIssues).
      ...personReservations(pool, instanceId, initiator.id, 1, 0, pool.schedule.startsAt),
    ];
  },
  isFriendAction: (type) => isFriendAction('coupon', type),
  deadlines(state) {
    const { value, context } = state as CouponState;
    const out = value === 'open' ? [{ name: 'expire', dueAt: context.expiresAt }] : [];
    const next = value === 'open' || value === 'closed' ? nextCouponExpiry(context.coupons) : null;
    if (next !== null) out.push({ name: 'coupons', dueAt: next });
    return out;
  },
  view: (state, viewer, facts) => couponView(state as CouponState, viewer, facts),
  disclose: (campaign, locale) => discloseCoupon(campaign as CouponCampaign, locale),
  compareRules: (previous, next) => compareCouponRules(previous as CouponCampaign, next as CouponCampaign),
};

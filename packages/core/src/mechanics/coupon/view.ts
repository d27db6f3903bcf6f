import { maskName } from '../../primitives/mask.js';
import type { Fen } from '../../primitives/money.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import {
  ALLOWED,
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import { MEMBER_CLAIM } from '../shared/instance-basics.js';
import type { Coupon, CouponState, CouponStateValue } from './context.js';
import { claimDecision, joinDecision } from './decisions.js';

/**
 * What one viewer sees of a share or a pool. JSON-serialisable.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'coupon') console.log(view.role, view.state); // a CouponView here
 */
export interface CouponView {
  readonly kind: 'coupon';
  readonly instanceId: string;
  readonly campaignId: string;
  readonly mode: 'share' | 'pool';
  readonly role: ViewerRole;
  readonly state: CouponStateValue;
  /** Share: friends who claimed, of `capacity`. Pool: members, of `capacity` (the pool size). */
  readonly people: {
    readonly count: number;
    readonly capacity: number;
    readonly left: number;
    readonly names: readonly string[];
  };
  /** Share: the coupon a friend gets. Pool: the amount split and how. */
  readonly offer:
    | {
        readonly mode: 'share';
        readonly discountFen: Fen;
        readonly thresholdFen: Fen;
        readonly sharerCoupons: number;
        readonly sharerCouponsPerShare: number;
      }
    | {
        readonly mode: 'pool';
        readonly amountFen: Fen;
        readonly split: 'equal' | 'random';
        readonly minPartFen: Fen;
        readonly thresholdFen: Fen;
      };
  /** Coupons this instance has issued (all holders). */
  readonly issued: number;
  /** The viewer's own coupons, with their status and window. */
  readonly myCoupons: readonly Coupon[];
  readonly deadline: { readonly kind: 'expire'; readonly at: number } | null;
  readonly serverNow: number;
  readonly can: {
    readonly claim: Availability;
    readonly join: Availability;
    readonly invite: Availability;
    readonly redeem: Availability;
  };
}

export function couponView(state: CouponState, viewer: Actor | null, facts: ViewFacts): CouponView {
  const { value, context } = state;
  const { rules } = context;
  const viewerId = viewer?.id ?? '';
  const member =
    viewer !== null &&
    (facts.viewerClaims.has(MEMBER_CLAIM(viewer.id)) || context.members.includes(viewer.id));
  const role: ViewerRole = viewerId === context.initiator ? 'initiator' : member ? 'helper' : 'visitor';
  const capacity = rules.mode === 'share' ? rules.friendsPerShare : rules.size;
  const mine = context.coupons.filter((c) => c.holder === viewerId);
  const usable = mine.some(
    (c) => c.status === 'issued' && facts.now >= c.validFrom && facts.now < c.validUntil,
  );
  const taken = { allowed: false, reason: 'already-helped' } as const;
  return {
    kind: 'coupon',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    mode: rules.mode,
    role,
    state: value,
    people: {
      count: context.members.length,
      capacity,
      left: Math.max(0, capacity - context.members.length),
      names: context.members.map((m) => (m === viewerId ? m : maskName(m))),
    },
    offer:
      rules.mode === 'share'
        ? {
            mode: 'share',
            discountFen: rules.coupon.discountFen,
            thresholdFen: rules.coupon.thresholdFen,
            sharerCoupons: context.sharerCoupons,
            sharerCouponsPerShare: rules.sharerCouponsPerShare,
          }
        : {
            mode: 'pool',
            amountFen: rules.amountFen,
            split: rules.split,
            minPartFen: rules.minPartFen,
            thresholdFen: rules.thresholdFen,
          },
    issued: context.coupons.length,
    myCoupons: mine,
    deadline: value === 'open' ? { kind: 'expire', at: context.expiresAt } : null,
    serverNow: facts.now,
    can: {
      claim:
        member && rules.mode === 'share'
          ? taken
          : toAvailability(claimDecision(value, context, viewerId, facts.now)),
      join:
        member && rules.mode === 'pool' && role !== 'initiator'
          ? taken
          : toAvailability(joinDecision(value, context, viewerId, facts.now)),
      invite: inviteAvailability(role, value === 'open' && facts.now < context.expiresAt),
      redeem: usable ? ALLOWED : { allowed: false, reason: 'coupon-not-usable' },
    },
  };
}

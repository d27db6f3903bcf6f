import type { Fen } from '../../primitives/money.js';
import { type Actor, ALLOW, type Decision, deny } from '../mechanic.js';
import type { CouponContext, CouponEvent, CouponStateValue } from './context.js';

const open = (value: CouponStateValue, context: CouponContext, at: number) =>
  value === 'open' && at < context.expiresAt;

export function claimDecision(
  value: CouponStateValue,
  context: CouponContext,
  actorId: string,
  at: number,
): Decision {
  if (context.rules.mode !== 'share') return deny('not-applicable');
  if (!open(value, context, at)) return deny('instance-ended');
  if (actorId === context.initiator) return deny('self-help');
  return ALLOW;
}

export function joinDecision(
  value: CouponStateValue,
  context: CouponContext,
  actorId: string,
  at: number,
): Decision {
  if (context.rules.mode !== 'pool') return deny('not-applicable');
  if (!open(value, context, at)) return deny('instance-ended');
  if (context.members.includes(actorId)) return deny('already-helped');
  return ALLOW;
}

export function redeemDecision(
  context: CouponContext,
  actorId: string,
  couponId: string,
  orderTotalFen: Fen,
  at: number,
): Decision {
  const coupon = context.coupons.find((c) => c.id === couponId);
  if (!coupon) return deny('coupon-not-usable');
  if (coupon.holder !== actorId) return deny('not-holder');
  if (coupon.status !== 'issued' || at < coupon.validFrom || at >= coupon.validUntil)
    return deny('coupon-not-usable');
  if (orderTotalFen < coupon.thresholdFen) return deny('threshold-not-met');
  return ALLOW;
}

export function revokeDecision(context: CouponContext, actor: Actor, couponId: string): Decision {
  if (actor.operator !== true) return deny('not-operator');
  return context.coupons.some((c) => c.id === couponId && c.status === 'issued')
    ? ALLOW
    : deny('coupon-not-usable');
}

export function decide(value: CouponStateValue, context: CouponContext, event: CouponEvent): Decision {
  switch (event.type) {
    case 'coupon.claim':
      return claimDecision(value, context, event.actor.id, event.at);
    case 'coupon.join':
      return joinDecision(value, context, event.actor.id, event.at);
    case 'coupon.redeem':
      return value === 'open' || value === 'closed'
        ? redeemDecision(context, event.actor.id, event.couponId, event.orderTotalFen, event.at)
        : deny('instance-ended');
    case 'coupon.revoke':
      return value === 'open' || value === 'closed'
        ? revokeDecision(context, event.actor, event.couponId)
        : deny('instance-ended');
    case 'coupon.deadline':
      return ALLOW;
  }
}

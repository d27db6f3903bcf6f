import type { Fen } from '../../primitives/money.js';
import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { CouponRules, CouponSpec, Validity } from './schema.js';

export type CouponStatus = 'issued' | 'redeemed' | 'expired' | 'revoked';

export interface Coupon {
  readonly id: string;
  readonly holder: string;
  readonly discountFen: Fen;
  readonly thresholdFen: Fen;
  readonly validFrom: number;
  readonly validUntil: number;
  readonly issuedAt: number;
  readonly status: CouponStatus;
  readonly orderId: string | null;
}

export type CouponStateValue = 'open' | 'closed' | 'failed' | 'settled';

export interface CouponContext extends InstanceBasics<CouponRules> {
  /** Share: friends who claimed. Pool: members in join order (the initiator first). */
  readonly members: readonly string[];
  readonly sharerCoupons: number;
  readonly coupons: readonly Coupon[];
  readonly rng: number;
}

export type CouponState = InstanceState<CouponContext> & { readonly value: CouponStateValue };

export type CouponEvent =
  | (EventEnvelope & { readonly type: 'coupon.claim' })
  | (EventEnvelope & { readonly type: 'coupon.join' })
  | (EventEnvelope & {
      readonly type: 'coupon.redeem';
      readonly couponId: string;
      readonly orderId: string;
      readonly orderTotalFen: Fen;
    })
  | (EventEnvelope & { readonly type: 'coupon.revoke'; readonly couponId: string; readonly note?: string })
  | (EventEnvelope & { readonly type: 'coupon.deadline'; readonly deadline: 'expire' | 'coupons' });

export const asCouponEvent = (event: AppliedEvent) => event as unknown as CouponEvent;

const DAY = 86_400_000;

/** The usable window of a coupon issued at `at`. */
export function windowOf(validity: Validity, at: number): { validFrom: number; validUntil: number } {
  return 'days' in validity
    ? { validFrom: at, validUntil: at + validity.days * DAY }
    : { validFrom: validity.from, validUntil: validity.until };
}

export function makeCoupon(
  context: CouponContext,
  holder: string,
  spec: Pick<CouponSpec, 'discountFen' | 'thresholdFen' | 'validity'>,
  at: number,
  n: number,
): Coupon {
  return {
    id: `${context.instanceId}-${n}`,
    holder,
    discountFen: spec.discountFen,
    thresholdFen: spec.thresholdFen,
    ...windowOf(spec.validity, at),
    issuedAt: at,
    status: 'issued',
    orderId: null,
  };
}

/** The earliest end of validity among coupons still usable, if any. */
export function nextCouponExpiry(coupons: readonly Coupon[]): number | null {
  let next: number | null = null;
  for (const c of coupons)
    if (c.status === 'issued' && (next === null || c.validUntil < next)) next = c.validUntil;
  return next;
}

import type { FieldIssue } from '../../errors/liebian-error.js';
import { type RuleDiff, ruleChanges } from '../shared/rule-diff.js';
import type { CouponCampaign, CouponSpec, Validity } from './schema.js';

function validityChanges(d: RuleDiff, path: string, a: Validity, b: Validity) {
  if ('days' in a && 'days' in b) {
    d.lower(`${path}.days`, a.days, b.days);
    return;
  }
  if ('until' in a && 'until' in b) {
    d.higher(`${path}.from`, a.from, b.from);
    d.lower(`${path}.until`, a.until, b.until);
    return;
  }
  d.changed(path, a, b);
}

function specChanges(d: RuleDiff, path: string, a: CouponSpec, b: CouponSpec) {
  d.lower(`${path}.discountFen`, a.discountFen, b.discountFen);
  d.higher(`${path}.thresholdFen`, a.thresholdFen, b.thresholdFen);
  validityChanges(d, `${path}.validity`, a.validity, b.validity);
}

/**
 * The changes to a live coupon campaign that are worse for consumers, each naming its field: smaller discounts,
 * higher thresholds, shorter validity, fewer friends or sharer coupons, a smaller or harder pool, a lost split on
 * timeout, tighter limits — and the common fields.
 * @example compareCouponRules(live, { ...live, rules: { ...live.rules, perUserLimit: 1 } })
 */
export function compareCouponRules(previous: CouponCampaign, next: CouponCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    if (a.mode === 'share' && b.mode === 'share') {
      specChanges(d, 'rules.coupon', a.coupon, b.coupon);
      specChanges(d, 'rules.sharerCoupon', a.sharerCoupon ?? a.coupon, b.sharerCoupon ?? b.coupon);
      d.lower('rules.friendsPerShare', a.friendsPerShare, b.friendsPerShare);
      d.lower('rules.sharerCouponsPerShare', a.sharerCouponsPerShare, b.sharerCouponsPerShare);
    } else if (a.mode === 'pool' && b.mode === 'pool') {
      d.lower('rules.amountFen', a.amountFen, b.amountFen);
      d.higher('rules.size', a.size, b.size);
      d.changed('rules.split', a.split, b.split);
      d.lower('rules.minPartFen', a.minPartFen, b.minPartFen);
      d.higher('rules.thresholdFen', a.thresholdFen, b.thresholdFen);
      validityChanges(d, 'rules.validity', a.validity, b.validity);
      d.ranked('rules.onTimeout', ['split-among-joined', 'fail'], a.onTimeout, b.onTimeout);
    } else {
      d.changed('rules.mode', a.mode, b.mode);
    }
  });
}

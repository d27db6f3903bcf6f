export type {
  Coupon,
  CouponContext,
  CouponEvent,
  CouponState,
  CouponStateValue,
  CouponStatus,
} from './context.js';
export { couponMechanic } from './coupon-mechanic.js';
export { discloseCoupon } from './disclosure.js';
export { couponMachine } from './machine.js';
export { partRange, splitPool } from './pool-split.js';
export {
  type CouponCampaign,
  type CouponRules,
  type CouponSpec,
  couponCampaignSchema,
  couponCommandSchema,
  couponRulesSchema,
} from './schema.js';
export { type CouponView, couponView } from './view.js';

import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { fenField, instantField, positiveFenField, positiveIntField } from '../../campaign/fields.js';

/** When a coupon can be used: a fixed window, or N days from the moment it is issued. */
export const validitySchema = z.union(
  [
    z
      .strictObject({ from: instantField, until: instantField })
      .refine((v) => v.until > v.from, { error: 'until must be after from', path: ['until'] }),
    z.strictObject({ days: positiveIntField.max(366, { error: 'must be at most 366 days' }) }),
  ],
  { error: 'must be { from, until } (ISO date-times) or { days } (valid N days after issue)' },
);
export type Validity = z.output<typeof validitySchema>;

export const couponSpecSchema = z.strictObject({
  discountFen: positiveFenField,
  /** Minimum order total to use the coupon (满减); 0 = no threshold. */
  thresholdFen: fenField.default(0),
  validity: validitySchema,
});
export type CouponSpec = z.output<typeof couponSpecSchema>;

const common = {
  /** Coupons one user may receive in this campaign (as a friend or a pool member). */
  perUserLimit: positiveIntField.default(1),
  /** How long a share or a pool stays open. */
  timeLimitMinutes: positiveIntField,
  launchesPerUser: positiveIntField.default(1),
};

export const couponRulesSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      /** Share to give both sides coupons: each friend who opens the share claims one; the sharer earns one per friend. */
      mode: z.literal('share'),
      coupon: couponSpecSchema,
      /** The sharer's coupon (default: the same as the friends'). */
      sharerCoupon: couponSpecSchema.optional(),
      friendsPerShare: positiveIntField.max(1_000),
      /** Sharer coupons one share can earn (0 = friends only). */
      sharerCouponsPerShare: z.int().min(0).max(1_000).default(1),
      ...common,
    }),
    z.strictObject({
      /** 瓜分券: `size` people split `amountFen` of coupons once the pool is full. */
      mode: z.literal('pool'),
      amountFen: positiveFenField,
      size: z
        .int()
        .min(2, { error: 'a pool needs at least 2 people' })
        .max(100, { error: 'at most 100 people' }),
      split: z.enum(['equal', 'random'], { error: 'must be equal or random' }),
      minPartFen: positiveFenField.default(1),
      thresholdFen: fenField.default(0),
      validity: validitySchema,
      /** When time runs out before the pool is full: fail, or split among those who joined (at least 2). */
      onTimeout: z
        .enum(['fail', 'split-among-joined'], { error: 'must be fail or split-among-joined' })
        .default('fail'),
      ...common,
    }),
  ],
  { error: 'mode must be share or pool' },
);
export type CouponRules = z.output<typeof couponRulesSchema>;
export type ShareRules = Extract<CouponRules, { mode: 'share' }>;
export type PoolRules = Extract<CouponRules, { mode: 'pool' }>;

type Issue = { path: (string | number)[]; message: string };

function specIssues(spec: CouponSpec, path: (string | number)[]): Issue[] {
  if (spec.thresholdFen > 0 && spec.discountFen >= spec.thresholdFen) {
    return [
      {
        path: [...path, 'discountFen'],
        message: `must be below thresholdFen (${spec.thresholdFen}); a 满减 coupon cannot exceed the order it applies to`,
      },
    ];
  }
  return [];
}

/** Cross-field checks of coupon rules (exported for tests). */
export function couponRuleIssues(rules: CouponRules): Issue[] {
  if (rules.mode === 'share') {
    return [
      ...specIssues(rules.coupon, ['rules', 'coupon']),
      ...(rules.sharerCoupon ? specIssues(rules.sharerCoupon, ['rules', 'sharerCoupon']) : []),
    ];
  }
  const issues: Issue[] = [];
  if (rules.amountFen < rules.size * rules.minPartFen) {
    issues.push({
      path: ['rules', 'amountFen'],
      message: `must cover ${rules.size} parts of at least ${rules.minPartFen} 分 (${rules.size * rules.minPartFen}); raise amountFen or lower size / minPartFen`,
    });
  }
  if (
    rules.thresholdFen > 0 &&
    rules.amountFen >= rules.thresholdFen * rules.size &&
    rules.split === 'equal'
  ) {
    issues.push({
      path: ['rules', 'thresholdFen'],
      message: 'must be above each equal part; a 满减 coupon cannot exceed the order it applies to',
    });
  }
  return issues;
}

export const couponCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('coupon'), rules: couponRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    for (const issue of couponRuleIssues(campaign.rules)) ctx.addIssue({ code: 'custom', ...issue });
  });
/**
 * A validated coupon campaign, as `defineCampaign(json, 'coupon')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: CouponCampaign = defineCampaign(json, 'coupon');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'coupon'>: only coupon commands compile
 */
export type CouponCampaign = z.output<typeof couponCampaignSchema>;

export const couponCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('coupon.claim') }),
    z.strictObject({ type: z.literal('coupon.join') }),
    z.strictObject({
      type: z.literal('coupon.redeem'),
      couponId: z.string().min(1).max(160),
      orderId: z.string().min(1, { error: 'must not be empty' }).max(128),
      orderTotalFen: fenField,
    }),
    z.strictObject({
      type: z.literal('coupon.revoke'),
      couponId: z.string().min(1).max(160),
      note: z.string().max(200).optional(),
    }),
  ],
  { error: 'type must be one of coupon.claim, coupon.join, coupon.redeem, coupon.revoke' },
);

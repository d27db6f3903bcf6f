import { z } from 'zod';
import { dailySchema } from './daily.js';
import {
  contactField,
  fenField,
  instantField,
  positiveIntField,
  safeUrlField,
  slugField,
  textField,
} from './fields.js';
import { pageContentSchema } from './page-content-schema.js';

/** The seven mechanics. */
export const MECHANIC_KINDS = [
  'group-buy',
  'assist',
  'referral',
  'coupon',
  'bargain',
  'leaderboard',
  'swap',
] as const;
/**
 * One of the seven kinds: `bargain`, `group-buy`, `assist`, `referral`, `coupon`, `leaderboard`, `swap`.
 *
 * @example
 * const kind: MechanicKind = campaign.kind;
 */
export type MechanicKind = (typeof MECHANIC_KINDS)[number];

export const CHANNELS = ['wechat-h5', 'mini-program', 'app', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a reward reaches the winner (兑奖方式、奖品交付方式), and what it costs them. */
export const fulfilmentSchema = z.strictObject({
  /** shipping: sent by courier; pickup: collected in store; account: credited to the user's account; code: a redemption code. */
  method: z.enum(['shipping', 'pickup', 'account', 'code'], {
    error: 'must be shipping, pickup, account or code',
  }),
  /** What the winner pays to receive it (e.g. shipping), in 分; 0 = free. */
  feeFen: fenField.default(0),
  /** Delivered or issued within this many days of being won. */
  withinDays: positiveIntField.max(365).optional(),
  /** Where or how, in a few words (e.g. the store's address, the app page). */
  note: textField(80).optional(),
});
export type Fulfilment = z.output<typeof fulfilmentSchema>;

export const rewardSchema = z
  .strictObject({
    id: slugField,
    name: textField(40),
    /** `product` is a free item; `points` and `membership` are not money (disclosed as 积分 / 会员天数). */
    kind: z.enum(['product', 'coupon', 'points', 'cash', 'gift', 'membership'], {
      error: 'must be one of product, coupon, points, cash, gift, membership',
    }),
    /** Points credited (积分), for a `points` reward. */
    points: positiveIntField.max(10_000_000).optional(),
    /** Days of membership granted (会员天数), for a `membership` reward. */
    membershipDays: positiveIntField.max(3_660).optional(),
    /** Market value in 分 (disclosed; a lottery-type prize must stay within ¥50,000). */
    valueFen: fenField.optional(),
    /** How many exist in this campaign (disclosed as 奖品数量). */
    quantity: positiveIntField.optional(),
    fulfilment: fulfilmentSchema.optional(),
    /** Coupons and points: how long they stay usable once received. */
    validDays: positiveIntField.max(3_660).optional(),
    /** Coupons and points: where and on what they can be used (使用范围), e.g. "全部门店饮品，不含外卖". */
    scope: textField(80).optional(),
    image: z.strictObject({ src: safeUrlField, alt: textField(120) }).optional(),
  })
  .superRefine((reward, ctx) => {
    if (reward.points !== undefined && reward.kind !== 'points')
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: `only applies to kind "points" (it is "${reward.kind}"); remove it or set kind to points`,
      });
    if (reward.membershipDays !== undefined && reward.kind !== 'membership')
      ctx.addIssue({
        code: 'custom',
        path: ['membershipDays'],
        message: `only applies to kind "membership" (it is "${reward.kind}"); remove it or set kind to membership`,
      });
    if (reward.kind === 'membership' && reward.membershipDays === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['membershipDays'],
        message: 'is required for a membership reward: how many days it grants, e.g. 30',
      });
    if (reward.kind === 'points' && reward.points === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'is required for a points reward: how many points it credits, e.g. 500',
      });
  });
export type Reward = z.output<typeof rewardSchema>;

export const antiAbuseSchema = z.strictObject({
  /** Refuse a friend action from the initiator's own device (a second account on one phone). */
  blockSameDevice: z.boolean().default(true),
  /** At most this many actions per actor per calendar day (campaign time zone), across instances. */
  maxActionsPerActorPerDay: positiveIntField.optional(),
  /** Only actors the integrator marks as new users may act as friends. */
  newUsersOnly: z.boolean().default(false),
});
export type AntiAbusePolicy = z.output<typeof antiAbuseSchema>;

/** What a struck-through price is (明码标价 Art 16): its basis decides the label the page shows. */
export const REFERENCE_PRICE_BASES = ['lowest-7-days', 'last-transaction', 'msrp'] as const;
export type ReferencePriceBasis = (typeof REFERENCE_PRICE_BASES)[number];

/** The personal-information notice (PIPL Art 17), from fields: nothing in it is assumed by the library. */
export const privacySchema = z.strictObject({
  /** Who processes the data (the personal-information handler), e.g. the merchant's legal name. */
  processor: textField(60),
  contact: contactField,
  /** How long a lead is kept before it is deleted or anonymised. */
  retentionDays: positiveIntField.max(3_660),
  /** Third parties the data is given to, each with why; [] = none. */
  recipients: z
    .array(z.strictObject({ name: textField(60), purpose: textField(80) }))
    .max(5)
    .default([]),
});
export type PrivacyNotice = z.output<typeof privacySchema>;

export const disclosureSchema = z.strictObject({
  organizer: z.strictObject({ name: textField(60), contact: contactField }),
  /** Who may take part (参与条件), e.g. "中国大陆地区年满 18 周岁的用户". */
  eligibility: textField(120).optional(),
  /**
   * The basis of the struck-through price (原价) a bargain or group buy shows: the lowest price of the 7 days before
   * the campaign, the last transaction price before it, or the manufacturer's suggested retail price.
   */
  referencePrice: z
    .strictObject({
      basis: z.enum(REFERENCE_PRICE_BASES, {
        error: 'must be lowest-7-days, last-transaction or msrp',
      }),
    })
    .optional(),
  /** Required when the page takes leads. */
  privacy: privacySchema.optional(),
  /** Extra terms shown after the generated rules, one line each. */
  extraTerms: z.array(textField(200)).max(10).default([]),
});

/** Every field a campaign has whatever its kind. `rules` is added per mechanic. */
export const campaignCommonShape = {
  $schema: z.string().optional(),
  id: slugField,
  name: textField(60),
  channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }),
  /** Set by the operator: draft (not published), live, or paused (no new instances or friend actions). */
  status: z.enum(['draft', 'live', 'paused'], { error: 'must be draft, live or paused' }).default('live'),
  timezone: z
    .string()
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'must be an IANA time zone such as "Asia/Shanghai"' },
    )
    .default('Asia/Shanghai'),
  schedule: z
    .strictObject({ startsAt: instantField, endsAt: instantField })
    .refine((s) => s.endsAt > s.startsAt, { error: 'endsAt must be after startsAt', path: ['endsAt'] }),
  stock: z.strictObject({ total: positiveIntField }).optional(),
  budget: z.strictObject({ totalFen: fenField }).optional(),
  /** Opening hours and per-day stock, every calendar day in `timezone` (每日 10:00–22:00, 每日限量). */
  daily: dailySchema.optional(),
  rewards: z.array(rewardSchema).min(1, { error: 'needs at least one reward: what a participant gets' }),
  antiAbuse: antiAbuseSchema.default({ blockSameDevice: true, newUsersOnly: false }),
  page: pageContentSchema,
  disclosure: disclosureSchema,
};

/** The common part of a validated campaign. */
export type CampaignCommon = z.output<z.ZodObject<typeof campaignCommonShape>>;

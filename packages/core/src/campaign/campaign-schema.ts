import { z } from 'zod';
import { fenField, instantField, positiveIntField, safeUrlField, slugField, textField } from './fields.js';
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
export type MechanicKind = (typeof MECHANIC_KINDS)[number];

export const CHANNELS = ['wechat-h5', 'mini-program', 'app', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const rewardSchema = z.strictObject({
  id: slugField,
  name: textField(40),
  kind: z.enum(['product', 'coupon', 'points', 'cash', 'gift'], {
    error: 'must be one of product, coupon, points, cash, gift',
  }),
  valueFen: fenField.optional(),
  image: z.strictObject({ src: safeUrlField, alt: textField(120) }).optional(),
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

export const disclosureSchema = z.strictObject({
  organizer: z.strictObject({ name: textField(60), contact: textField(60) }),
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
  rewards: z.array(rewardSchema).min(1, { error: 'needs at least one reward: what a participant gets' }),
  antiAbuse: antiAbuseSchema.default({ blockSameDevice: true, newUsersOnly: false }),
  page: pageContentSchema,
  disclosure: disclosureSchema,
};

/** The common part of a validated campaign. */
export type CampaignCommon = z.output<z.ZodObject<typeof campaignCommonShape>>;

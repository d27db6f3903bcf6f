import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { fenField, positiveFenField, positiveIntField, slugField, textField } from '../../campaign/fields.js';
import { memberIdField } from '../leaderboard/schema.js';

const rewardRef = z.strictObject({
  rewardId: slugField,
  /** `upfront`: when the friend accepts the invite; `on-conversion`: when the friend converts (see `trigger`). */
  timing: z
    .enum(['upfront', 'on-conversion'], { error: 'must be "upfront" or "on-conversion"' })
    .default('on-conversion'),
});

export const referralRulesSchema = z.strictObject({
  /** What the referrer gets per converted friend; omit for a one-sided (friend-only) gift. */
  referrerReward: rewardRef.optional(),
  /**
   * Extra referrer rewards at thresholds of standing conversions on the link (邀请满 3 人得 A，满 5 人得 B): each
   * granted once while it stands, pending through the freeze, reversed or clawed back when refunds take the link
   * below it. Ascending by `conversions`.
   */
  referrerTiers: z
    .array(z.strictObject({ conversions: positiveIntField.max(10_000), rewardId: slugField }))
    .min(1, { error: 'needs at least one tier; remove referrerTiers for none' })
    .max(10, { error: 'at most 10 tiers' })
    .optional(),
  /** What the friend gets; omit for a one-sided (referrer-only) reward. */
  refereeReward: rewardRef.optional(),
  /** What counts as a conversion, reported by your back end. */
  trigger: z.enum(['signup', 'first-order', 'custom'], { error: 'must be signup, first-order or custom' }),
  /**
   * With `trigger: first-order`: the first order must be at least this many 分 (首单满 ¥X) for the conversion to
   * count; your back end reports the order's amount as `orderFen` on `referral.convert`.
   */
  minOrderFen: positiveFenField.optional(),
  /** For `trigger: custom`: the conversion in the page's words, e.g. "完成首次体检预约". */
  triggerLabel: textField(30).optional(),
  /**
   * `first-touch`: the first referrer whose invite a friend accepts keeps the friend; `registration-only`: the same,
   * and only new users can be referred; `last-touch`: each invite a friend accepts takes them over, until they
   * convert (or refer someone themselves), and the conversion counts for the referrer holding them then.
   */
  attribution: z.enum(['first-touch', 'last-touch', 'registration-only'], {
    error: 'must be "first-touch", "last-touch" or "registration-only"',
  }),
  /** A friend must convert within this many days of accepting, or the referral lapses unrewarded. */
  windowDays: positiveIntField.max(365),
  /**
   * Conversions that earn the referrer's reward, per referrer in this campaign. It limits the referrer's reward
   * only: a friend who converts after it is reached still receives the friend's reward.
   */
  capPerReferrer: positiveIntField.max(10_000),
  /** Rewards earned on conversion stay pending this long (refunds reverse them), then are approved. */
  freezeDays: z.int({ error: 'must be a whole number of days' }).min(0).max(90).default(7),
  /** Friends one link can take (rewarded or not). */
  maxRefereesPerLink: positiveIntField.max(10_000).default(500),
  /** Links one referrer may open in this campaign. */
  launchesPerUser: positiveIntField.default(1),
});
export type ReferralRules = z.output<typeof referralRulesSchema>;

/** A referral (送) campaign: the common fields plus `kind: "referral"` and its rules. */
export const referralCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('referral'), rules: referralRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    const ids = campaign.rewards.map((r) => r.id);
    const { referrerReward, refereeReward, trigger, triggerLabel, capPerReferrer, attribution } =
      campaign.rules;
    const tiers = campaign.rules.referrerTiers;
    if (!referrerReward && !refereeReward && !tiers) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'needs referrerReward, refereeReward, referrerTiers or a mix (single- or double-sided)',
      });
    }
    tiers?.forEach((tier, i) => {
      const at = ['rules', 'referrerTiers', i];
      if (!ids.includes(tier.rewardId))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'rewardId'],
          message: `must be one of the campaign's rewards (${ids.join(', ')})`,
        });
      const before = tiers[i - 1];
      if (before && tier.conversions <= before.conversions)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'conversions'],
          message: `must be above the previous tier's ${before.conversions}: tiers go up`,
        });
      if (tier.conversions > campaign.rules.capPerReferrer)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'conversions'],
          message: `must be at most capPerReferrer (${campaign.rules.capPerReferrer}): conversions past the cap do not count`,
        });
    });
    if (tiers && campaign.rules.launchesPerUser > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'launchesPerUser'],
        message: `must be 1 with referrerTiers (it is ${campaign.rules.launchesPerUser}): a referrer's conversions are counted on their one link`,
      });
    for (const [field, ref] of [
      ['referrerReward', referrerReward],
      ['refereeReward', refereeReward],
    ] as const) {
      if (ref && !ids.includes(ref.rewardId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', field, 'rewardId'],
          message: `must be one of the campaign's rewards (${ids.join(', ')})`,
        });
      }
    }
    if (referrerReward?.timing === 'upfront') {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'referrerReward', 'timing'],
        message:
          'must be "on-conversion": paying referrers before their friends convert invites fake sign-ups',
      });
    }
    if (attribution === 'last-touch' && refereeReward?.timing === 'upfront') {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'refereeReward', 'timing'],
        message:
          'must be "on-conversion" with last-touch attribution: a friend who accepts several invites would be rewarded at each',
      });
    }
    if (campaign.rules.minOrderFen !== undefined && trigger !== 'first-order') {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'minOrderFen'],
        message: `only applies with trigger "first-order" (it is "${trigger}"); remove it or set trigger to first-order`,
      });
    }
    if (trigger === 'custom' && triggerLabel === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'triggerLabel'],
        message: 'is required with trigger "custom": say in a few words what counts, e.g. "完成首次预约"',
      });
    }
    if (referrerReward && campaign.rules.launchesPerUser > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'launchesPerUser'],
        message: `must be 1 with a referrerReward (it is ${campaign.rules.launchesPerUser}): the referrer's cap is kept on their one link, so that a friend converting after the cap still gets their own reward; give the referrer one link`,
      });
    }
    if (campaign.stock && capPerReferrer > campaign.stock.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'capPerReferrer'],
        message: `must be at most the stock (${campaign.stock.total})`,
      });
    }
  });
/**
 * A validated referral campaign, as `defineCampaign(json, 'referral')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: ReferralCampaign = defineCampaign(json, 'referral');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'referral'>: only referral commands compile
 */
export type ReferralCampaign = z.output<typeof referralCampaignSchema>;

export const referralCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('referral.accept') }),
    z.strictObject({
      type: z.literal('referral.convert'),
      referee: memberIdField,
      /** The converting order's amount in 分, as your back end knows it (required by `rules.minOrderFen`). */
      orderFen: fenField.optional(),
    }),
    z.strictObject({ type: z.literal('referral.refund'), referee: memberIdField }),
    z.strictObject({
      type: z.literal('referral.approve'),
      referee: memberIdField,
      side: z.enum(['referrer', 'referee'], { error: 'must be "referrer" or "referee"' }),
    }),
    z.strictObject({
      type: z.literal('referral.issued'),
      referee: memberIdField,
      side: z.enum(['referrer', 'referee'], { error: 'must be "referrer" or "referee"' }),
    }),
    z.strictObject({ type: z.literal('referral.close') }),
  ],
  {
    error:
      'type must be one of referral.accept, referral.convert, referral.refund, referral.approve, referral.issued, referral.close',
  },
);

import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { positiveIntField, slugField } from '../../campaign/fields.js';

export const tierSchema = z.strictObject({
  /** Weighted help points needed for this tier. */
  helps: positiveIntField,
  rewardId: slugField,
});

export const assistRulesSchema = z.strictObject({
  /** Reward ladder by help points, in increasing order; the last tier is the goal that completes the task. */
  tiers: z
    .array(tierSchema)
    .min(1, { error: 'needs at least one tier: { helps, rewardId }' })
    .max(10, { error: 'at most 10 tiers' }),
  /** Points one help is worth: new users may count more (e.g. 2), to reward bringing new users. */
  weights: z
    .strictObject({
      newUser: positiveIntField.max(10).default(1),
      existing: positiveIntField.max(10).default(1),
    })
    .default({ newUser: 1, existing: 1 }),
  /** A reward every friend who helps gets (e.g. a coupon), once per task. */
  helperRewardId: slugField.optional(),
  timeLimitMinutes: positiveIntField,
  /** How many different tasks one friend may help in this campaign. */
  helperQuotaPerCampaign: positiveIntField.optional(),
  launchesPerUser: positiveIntField.default(1),
});
export type AssistRules = z.output<typeof assistRulesSchema>;

/** The goal: points needed to complete the task. */
export const goalOf = (rules: Pick<AssistRules, 'tiers'>): number =>
  rules.tiers[rules.tiers.length - 1]?.helps ?? 0;

/** An assist campaign: the common fields plus `kind: "assist"` and its rules. */
export const assistCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('assist'), rules: assistRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    const ids = campaign.rewards.map((r) => r.id);
    const known = `one of the campaign's rewards (${ids.join(', ')})`;
    campaign.rules.tiers.forEach((tier, i) => {
      if (!ids.includes(tier.rewardId))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', 'tiers', i, 'rewardId'],
          message: `must be ${known}`,
        });
      const previous = campaign.rules.tiers[i - 1];
      if (previous && tier.helps <= previous.helps) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', 'tiers', i, 'helps'],
          message: `must be more than the previous tier's ${previous.helps}; list tiers in increasing order`,
        });
      }
    });
    const helper = campaign.rules.helperRewardId;
    if (helper !== undefined && !ids.includes(helper)) {
      ctx.addIssue({ code: 'custom', path: ['rules', 'helperRewardId'], message: `must be ${known}` });
    }
  });
/**
 * A validated assist campaign, as `defineCampaign(json, 'assist')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: AssistCampaign = defineCampaign(json, 'assist');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'assist'>: only assist commands compile
 */
export type AssistCampaign = z.output<typeof assistCampaignSchema>;

export const assistCommandSchema = z.discriminatedUnion(
  'type',
  [z.strictObject({ type: z.literal('assist.help') }), z.strictObject({ type: z.literal('assist.cancel') })],
  { error: 'type must be one of assist.help, assist.cancel' },
);

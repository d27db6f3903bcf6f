import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { positiveFenField, positiveIntField, slugField } from '../../campaign/fields.js';
import { cutBounds, totalCuts } from './cut-strategy.js';

const ratio = z
  .number({ error: 'must be a number between 0 and 1' })
  .gt(0, { error: 'must be above 0' })
  .max(1, {
    error: 'must be at most 1 (100%)',
  });

/** How much one friend cuts. All amounts in 分. */
export const cutSchema = z.discriminatedUnion(
  'strategy',
  [
    z.strictObject({
      /** Each cut takes a random share in [minRatio, maxRatio] of what is left, keeping `reservePerHelper` for each later helper. */
      strategy: z.literal('ratio-of-remaining'),
      minRatio: ratio.default(0.2),
      maxRatio: ratio.default(0.8),
      reservePerHelper: positiveFenField.default(1),
    }),
    z.strictObject({
      /** Each cut is uniform in [min, max]. */
      strategy: z.literal('uniform'),
      min: positiveFenField,
      max: positiveFenField,
    }),
    z.strictObject({
      /** Each cut is `amount`; the last one takes what is left. */
      strategy: z.literal('fixed'),
      amount: positiveFenField,
    }),
    z.strictObject({
      /** 二倍均值: each cut is uniform in [min, 2 × mean of what is left]; expected value = mean. */
      strategy: z.literal('double-mean'),
      min: positiveFenField.default(1),
    }),
  ],
  { error: 'strategy must be one of ratio-of-remaining, uniform, fixed, double-mean' },
);
export type CutRule = z.output<typeof cutSchema>;

export const bargainRulesSchema = z.strictObject({
  /** Which of the campaign's rewards is being bargained for. */
  rewardId: slugField,
  originalPrice: positiveFenField,
  floorPrice: z.int({ error: 'must be a whole number of 分' }).nonnegative({ error: 'must be 0 or more 分' }),
  /** The floor is reached exactly at this friend's help, never before. Omit for open-ended bargains. */
  helpersToFloor: positiveIntField.optional(),
  cut: cutSchema,
  /**
   * New users' cuts are multiplied by this factor: the amounts (uniform, fixed), the shares (ratio-of-remaining,
   * capped at 100%) or the multiple of the mean (double-mean). The disclosure states the boosted range.
   */
  newUserBoost: z.number().min(1, { error: 'must be at least 1 (1 = no boost)' }).max(10).optional(),
  /** The initiator makes the first cut at launch (not counted in helpersToFloor). */
  selfCut: z.boolean().default(false),
  /** When the initiator may buy: only at the floor, at any price, or after enough helpers. */
  purchasableAt: z
    .enum(['floor', 'any', 'helpers'], { error: 'must be floor, any or helpers' })
    .default('floor'),
  /** With purchasableAt = helpers: how many helps unlock buying at the current price. */
  purchasableAfterHelpers: positiveIntField.optional(),
  /** How long a launched bargain may collect helps (capped by the campaign end). */
  timeLimitMinutes: positiveIntField,
  /** How long the initiator has to pay once the bargain becomes purchasable. */
  payWindowMinutes: positiveIntField.default(30),
  /** How many different bargains one friend may help in this campaign. */
  helperQuotaPerCampaign: positiveIntField.optional(),
  /** How many bargains one user may launch in this campaign. */
  launchesPerUser: positiveIntField.default(1),
  /**
   * 帮砍得券: the first `firstHelpers` friends who help each bargain receive `rewardId`. Its `valueFen` for every one
   * of them is reserved from the campaign budget when the bargain starts (a launch the budget cannot cover is
   * refused `budget-exhausted`), and the seats nobody took are given back when the bargain ends.
   */
  helperReward: z
    .strictObject({
      rewardId: slugField,
      firstHelpers: positiveIntField.max(20, { error: 'at most 20 helpers per bargain' }),
    })
    .optional(),
});
export type BargainRules = z.output<typeof bargainRulesSchema>;

type Issue = { message: string; path: (string | number)[] };

/** Cross-field checks: every message names the fields and the fix. Exported for property tests. */
export function bargainRuleIssues(rules: BargainRules): Issue[] {
  const issues: Issue[] = [];
  const span = rules.originalPrice - rules.floorPrice;
  if (span <= 0) {
    issues.push({
      path: ['rules', 'floorPrice'],
      message: `must be below originalPrice (${rules.originalPrice}); set floorPrice lower or originalPrice higher`,
    });
    return issues;
  }
  const { cut } = rules;
  if (cut.strategy === 'uniform' && cut.min > cut.max) {
    issues.push({
      path: ['rules', 'cut', 'min'],
      message: `must not exceed cut.max (${cut.max}); swap them or lower min`,
    });
    return issues;
  }
  if (cut.strategy === 'ratio-of-remaining' && cut.minRatio > cut.maxRatio) {
    issues.push({
      path: ['rules', 'cut', 'minRatio'],
      message: `must not exceed cut.maxRatio (${cut.maxRatio})`,
    });
    return issues;
  }
  if (rules.helpersToFloor === undefined) {
    if (cut.strategy === 'ratio-of-remaining' || cut.strategy === 'double-mean') {
      issues.push({
        path: ['rules', 'helpersToFloor'],
        message: `is required by cut.strategy "${cut.strategy}" (it divides what is left among the helpers still to come); set helpersToFloor or use "uniform" / "fixed"`,
      });
    }
  } else {
    const n = totalCuts(rules);
    const { min, max } = cutBounds(cut);
    if (span < n * min) {
      issues.push({
        path: ['rules', 'helpersToFloor'],
        message: `cannot be reached: ${n} cut(s) of at least ${min} 分 need ${n * min} 分 but only ${span} 分 lie between originalPrice and floorPrice; lower helpersToFloor or the minimum cut`,
      });
    } else if (span > n * max) {
      issues.push({
        path: ['rules', 'helpersToFloor'],
        message: `cannot be reached: ${n} cut(s) of at most ${max} 分 cover only ${n * max} of ${span} 分; raise helpersToFloor or the maximum cut`,
      });
    } else if (cut.strategy === 'fixed' && span <= (n - 1) * cut.amount) {
      issues.push({
        path: ['rules', 'cut', 'amount'],
        message: `with ${n} cut(s) of ${cut.amount} 分 the floor would be reached before the last helper (${span} 分 to cut); use amount ≤ ${Math.ceil(span / n)} or fewer helpers`,
      });
    }
  }
  if (cut.strategy === 'fixed' && rules.helpersToFloor !== undefined && rules.newUserBoost !== undefined) {
    issues.push({
      path: ['rules', 'newUserBoost'],
      message:
        'cannot apply to a fixed cut with helpersToFloor: every cut is already planned to land friend N on the floor, so a boost would change nothing; remove newUserBoost or use "uniform"',
    });
  }
  if (rules.purchasableAt === 'helpers' && rules.purchasableAfterHelpers === undefined) {
    issues.push({
      path: ['rules', 'purchasableAfterHelpers'],
      message: 'is required when purchasableAt is "helpers"; set how many helps unlock buying',
    });
  }
  if (rules.purchasableAt !== 'helpers' && rules.purchasableAfterHelpers !== undefined) {
    issues.push({
      path: ['rules', 'purchasableAfterHelpers'],
      message: `only applies when purchasableAt is "helpers" (it is "${rules.purchasableAt}"); remove it or change purchasableAt`,
    });
  }
  return issues;
}

/** A bargain campaign: the common fields plus `kind: "bargain"` and its rules. */
export const bargainCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('bargain'), rules: bargainRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    for (const issue of bargainRuleIssues(campaign.rules)) ctx.addIssue({ code: 'custom', ...issue });
    const helper = campaign.rules.helperReward;
    if (helper && !campaign.rewards.some((r) => r.id === helper.rewardId))
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'helperReward', 'rewardId'],
        message: `must be the id of one of the campaign's rewards (${campaign.rewards.map((r) => r.id).join(', ')})`,
      });
    if (!campaign.rewards.some((r) => r.id === campaign.rules.rewardId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'rewardId'],
        message: `must be the id of one of the campaign's rewards (${campaign.rewards.map((r) => r.id).join(', ')})`,
      });
    }
  });
/**
 * A validated bargain campaign, as `defineCampaign(json, 'bargain')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: BargainCampaign = defineCampaign(json, 'bargain');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'bargain'>: only bargain commands compile
 */
export type BargainCampaign = z.output<typeof bargainCampaignSchema>;

/** Commands a client may send to a bargain instance. */
export const bargainCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('bargain.help') }),
    z.strictObject({
      type: z.literal('bargain.purchase'),
      orderId: z
        .string()
        .min(1, { error: 'must not be empty' })
        .max(128, { error: 'must be at most 128 characters' }),
    }),
    z.strictObject({ type: z.literal('bargain.cancel') }),
  ],
  { error: 'type must be one of bargain.help, bargain.purchase, bargain.cancel' },
);
export type BargainCommand = z.output<typeof bargainCommandSchema>;

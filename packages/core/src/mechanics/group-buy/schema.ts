import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { fenField, positiveFenField, positiveIntField, slugField } from '../../campaign/fields.js';

export const groupBuyRulesSchema = z.strictObject({
  rewardId: slugField,
  /** The usual price, shown for comparison. */
  originalPriceFen: positiveFenField,
  groupPriceFen: positiveFenField,
  /**
   * The leader's price (团长价), for the member who opens the group only; default the group price. 0 is 团长免单 (the
   * leader places a ¥0.00 order). A member who becomes leader because the leader left keeps the price they joined at.
   */
  leaderPriceFen: fenField.optional(),
  /**
   * 新人团: who must be a new user, as the integrator's authentication marks the actor (`Actor.newUser`), never the
   * request body. `members`: everyone who joins (the leader may be anyone); `everyone`: the leader too.
   */
  newUsersOnly: z.enum(['members', 'everyone'], { error: 'must be members or everyone' }).optional(),
  size: z
    .int()
    .min(2, { error: 'a group needs at least 2 people' })
    .max(100, { error: 'at most 100 people' }),
  /** How long a group has to fill; capped by the campaign end. */
  timeLimitMinutes: positiveIntField,
  /** How long a member who joined holds a seat before paying. */
  payWindowMinutes: positiveIntField.default(15),
  /** When time runs out: fail (refund everyone who paid) or fill the missing seats virtually (disclosed). */
  onTimeout: z.enum(['fail', 'virtual-fill'], { error: 'must be fail or virtual-fill' }).default('fail'),
  /** With virtual-fill: the paid members needed for the group to succeed anyway. */
  virtualFillThreshold: positiveIntField.optional(),
  /**
   * A join when every seat is taken: `reject` it, `overflow-to-open-group` (put the friend in another open group of
   * this campaign, else open a new one for them) or `open-new-group` (open a new group with the friend as leader).
   */
  whenFull: z
    .enum(['reject', 'overflow-to-open-group', 'open-new-group'], {
      error: 'must be reject, overflow-to-open-group or open-new-group',
    })
    .default('reject'),
  /** Groups one user may be in during the campaign. */
  perUserLimit: positiveIntField.default(1),
  launchesPerUser: positiveIntField.default(1),
});
export type GroupBuyRules = z.output<typeof groupBuyRulesSchema>;

export const leaderPrice = (rules: GroupBuyRules) => rules.leaderPriceFen ?? rules.groupPriceFen;

export const groupBuyCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('group-buy'), rules: groupBuyRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    const { rules } = campaign;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path: ['rules', ...path], message });
    if (!campaign.rewards.some((r) => r.id === rules.rewardId))
      issue(
        ['rewardId'],
        `must be one of the campaign's rewards (${campaign.rewards.map((r) => r.id).join(', ')})`,
      );
    if (rules.groupPriceFen >= rules.originalPriceFen)
      issue(
        ['groupPriceFen'],
        `must be below originalPriceFen (${rules.originalPriceFen}); a group price is a discount`,
      );
    if (rules.leaderPriceFen !== undefined && rules.leaderPriceFen > rules.groupPriceFen)
      issue(['leaderPriceFen'], `must not exceed groupPriceFen (${rules.groupPriceFen})`);
    if (rules.onTimeout === 'virtual-fill') {
      const t = rules.virtualFillThreshold;
      if (t === undefined)
        issue(
          ['virtualFillThreshold'],
          'is required with onTimeout "virtual-fill": how many paid members make the group succeed',
        );
      else if (t >= rules.size)
        issue(
          ['virtualFillThreshold'],
          `must be below size (${rules.size}); at size the group is simply full`,
        );
    } else if (rules.virtualFillThreshold !== undefined) {
      issue(
        ['virtualFillThreshold'],
        'only applies with onTimeout "virtual-fill"; remove it or change onTimeout',
      );
    }
  });
/**
 * A validated group-buy campaign, as `defineCampaign(json, 'group-buy')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: GroupBuyCampaign = defineCampaign(json, 'group-buy');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'group-buy'>: only group-buy commands compile
 */
export type GroupBuyCampaign = z.output<typeof groupBuyCampaignSchema>;

export const groupBuyCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('group-buy.join') }),
    z.strictObject({
      type: z.literal('group-buy.pay'),
      orderId: z.string().min(1, { error: 'must not be empty' }).max(128),
    }),
    z.strictObject({ type: z.literal('group-buy.leave') }),
    z.strictObject({ type: z.literal('group-buy.refund'), memberId: z.string().min(1).max(128) }),
  ],
  { error: 'type must be one of group-buy.join, group-buy.pay, group-buy.leave, group-buy.refund' },
);

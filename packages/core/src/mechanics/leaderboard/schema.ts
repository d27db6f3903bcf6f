import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { positiveIntField, slugField, textField } from '../../campaign/fields.js';

/** A member of a board: the integrator's user id (the id a score event names). */
export const memberIdField = z.string({ error: 'must be a string' }).regex(/^[^@\s][^\s]{0,127}$/, {
  error: 'must be a user id: 1–128 characters, no spaces, not starting with "@"',
});

export const prizeSchema = z.strictObject({
  fromRank: positiveIntField,
  toRank: positiveIntField,
  rewardId: slugField,
});
export type Prize = z.output<typeof prizeSchema>;

export const windowSchema = z.discriminatedUnion(
  'type',
  [
    /** A fixed length from the moment the board (or duel) starts. */
    z.strictObject({ type: z.literal('rolling'), minutes: positiveIntField }),
    /** The calendar day, week (from Monday) or month that contains the start, in the campaign's time zone. */
    z.strictObject({
      type: z.literal('calendar'),
      period: z.enum(['day', 'week', 'month'], { error: 'must be day, week or month' }),
    }),
  ],
  { error: 'type must be "rolling" ({ minutes }) or "calendar" ({ period })' },
);
export type ScoreWindow = z.output<typeof windowSchema>;

export const leaderboardRulesSchema = z.strictObject({
  /** A board ranks everyone who scores in a season; a duel (PK) sets two sides against each other. */
  format: z.enum(['board', 'duel'], { error: 'must be "board" or "duel"' }).default('board'),
  /** What is counted, in the words the page shows, e.g. { name: "邀请好友", unit: "人" }. */
  metric: z.strictObject({
    name: textField(20),
    unit: textField(6),
    /** The most one score event may add (a guard against a mistyped amount). */
    maxPointsPerEvent: positiveIntField.max(1_000_000).default(1),
  }),
  window: windowSchema,
  /** Competition ranking shares a rank and skips the next (1, 2, 2, 4); dense does not skip (1, 2, 2, 3). */
  ranking: z
    .enum(['competition', 'dense'], { error: 'must be "competition" or "dense"' })
    .default('competition'),
  /**
   * Members tied on the same score reached at the same instant: `share-rank` — all win the prize of the rank they
   * share (more members than places may win); `last-place` — all win the prize of the last place the tie takes,
   * so no prize is given more often than its places. Disclosed either way.
   */
  ties: z
    .enum(['share-rank', 'last-place'], { error: 'must be "share-rank" or "last-place"' })
    .default('share-rank'),
  /** Prizes by rank, from rank 1, in order, without gaps or overlaps. For a duel, rank 1 is the winning side. */
  prizes: z.array(prizeSchema).min(1, { error: 'needs at least one prize: { fromRank, toRank, rewardId }' }),
  /** `operator`: standings wait for a person's approval after the window closes; `automatic`: at the close. */
  approval: z
    .enum(['operator', 'automatic'], { error: 'must be "operator" or "automatic"' })
    .default('operator'),
  /** Results are published this long before prizes are issued, so anyone can object (0 = issue at once). */
  publicationHours: z.int({ error: 'must be a whole number of hours' }).min(0).max(720).default(24),
  /** Entries shown on the page. */
  showTop: positiveIntField.max(100).default(20),
  /** Duel only: members per side (1 = one against one). */
  teamSize: positiveIntField.max(50).default(1),
  /** Duel only: how long the challenger waits for an opponent before the duel is called off. */
  acceptMinutes: positiveIntField.default(1440),
  /** Duel only: duels one user may start in this campaign. Boards are started by an operator. */
  launchesPerUser: positiveIntField.default(3),
});
export type LeaderboardRules = z.output<typeof leaderboardRulesSchema>;

/** The last rank that wins a prize. */
export const lastPrizeRank = (rules: Pick<LeaderboardRules, 'prizes'>): number =>
  rules.prizes[rules.prizes.length - 1]?.toRank ?? 0;

/** The prize for a rank, if any. */
export const prizeFor = (rules: Pick<LeaderboardRules, 'prizes'>, rank: number): Prize | undefined =>
  rules.prizes.find((p) => rank >= p.fromRank && rank <= p.toRank);

/** A leaderboard (比) campaign: the common fields plus `kind: "leaderboard"` and its rules. */
export const leaderboardCampaignSchema = z
  .strictObject({ ...campaignCommonShape, kind: z.literal('leaderboard'), rules: leaderboardRulesSchema })
  .superRefine((campaign, ctx) => {
    checkDaily(campaign, ctx);
    const ids = campaign.rewards.map((r) => r.id);
    const { prizes, format } = campaign.rules;
    let next = 1;
    prizes.forEach((prize, i) => {
      const at = (field: string) => ['rules', 'prizes', i, field];
      if (!ids.includes(prize.rewardId)) {
        ctx.addIssue({
          code: 'custom',
          path: at('rewardId'),
          message: `must be one of the campaign's rewards (${ids.join(', ')})`,
        });
      }
      if (prize.fromRank !== next) {
        ctx.addIssue({
          code: 'custom',
          path: at('fromRank'),
          message: `must be ${next}: prizes start at rank 1 and follow each other without gaps or overlaps`,
        });
      }
      if (prize.toRank < prize.fromRank) {
        ctx.addIssue({ code: 'custom', path: at('toRank'), message: `must be ${prize.fromRank} or more` });
      }
      next = Math.max(prize.toRank, prize.fromRank) + 1;
    });
    if (format === 'duel' && next - 1 > 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'prizes'],
        message:
          'a duel has two sides: prizes may cover rank 1 (the winners) and rank 2 (the other side) only',
      });
    }
  });
/**
 * A validated leaderboard campaign, as `defineCampaign(json, 'leaderboard')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: LeaderboardCampaign = defineCampaign(json, 'leaderboard');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'leaderboard'>: only leaderboard commands compile
 */
export type LeaderboardCampaign = z.output<typeof leaderboardCampaignSchema>;

export const leaderboardCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('leaderboard.score'),
      member: memberIdField,
      points: positiveIntField,
    }),
    z.strictObject({ type: z.literal('leaderboard.flag'), member: memberIdField, note: textField(200) }),
    z.strictObject({ type: z.literal('leaderboard.unflag'), member: memberIdField }),
    z.strictObject({ type: z.literal('leaderboard.approve') }),
    z.strictObject({
      type: z.literal('leaderboard.join'),
      side: z.enum(['a', 'b'], { error: 'must be "a" or "b"' }),
    }),
    z.strictObject({ type: z.literal('leaderboard.cancel') }),
  ],
  {
    error:
      'type must be one of leaderboard.score, leaderboard.flag, leaderboard.unflag, leaderboard.approve, leaderboard.join, leaderboard.cancel',
  },
);

import type { ScoreEntry, ScoreIncrement } from '../../store/store.js';
import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { LeaderboardRules } from './schema.js';

export type LeaderboardStateValue = 'waiting' | 'live' | 'frozen' | 'reviewed' | 'settled' | 'cancelled';

export type SideId = 'a' | 'b';

/** One side of a duel. Its members' points are kept here: a duel has at most 2 × teamSize members. */
export interface Side {
  readonly id: SideId;
  readonly members: readonly { readonly id: string; readonly points: number }[];
  readonly score: number;
  /** When the side reached its score (ties go to the side that got there first). */
  readonly reachedAt: number;
}

/** A ranked entry of the final standings, with the prize its rank wins (null when none). */
export interface Standing {
  readonly member: string;
  readonly rank: number;
  readonly score: number;
  readonly reachedAt: number;
  readonly rewardId: string | null;
}

export interface LeaderboardContext extends InstanceBasics<LeaderboardRules> {
  /** The campaign's time zone and end, for a duel's window, which opens when the opponent joins. */
  readonly timezone: string;
  readonly campaignEndsAt: number;
  /** Scores count from this instant; `expiresAt` closes the window (freeze). */
  readonly windowStartsAt: number;
  /** Duel only: the opponent must join before this, or the duel is called off. */
  readonly acceptBy: number | null;
  /** Score events applied, and the points they added (exact totals). */
  readonly events: number;
  readonly points: number;
  /** Members excluded from the standings, with the operator's note. */
  readonly flagged: Readonly<Record<string, string>>;
  /** Duel only; null for a board (a board's scores live on the store's board). */
  readonly sides: readonly [Side, Side] | null;
  /**
   * Board only: score increments this state recorded that the store's board may not hold yet — an intent log the
   * engine posts after each commit (idempotent by key) and drops from the next one.
   */
  readonly scoreIntents: readonly ScoreIncrement[];
  /** Fixed when the standings are approved; prizes follow them. */
  readonly standings: readonly Standing[] | null;
  readonly reviewedAt: number | null;
  readonly recent: readonly { readonly by: string; readonly points: number; readonly at: number }[];
}

export type LeaderboardState = InstanceState<LeaderboardContext> & { readonly value: LeaderboardStateValue };

/** The board standings an event carries when the engine attached them (approval reads the store's board). */
type WithStandings = { readonly standings?: readonly ScoreEntry[] };

export type LeaderboardEvent =
  | (EventEnvelope & { readonly type: 'leaderboard.score'; readonly member: string; readonly points: number })
  | (EventEnvelope & { readonly type: 'leaderboard.flag'; readonly member: string; readonly note: string })
  | (EventEnvelope & { readonly type: 'leaderboard.unflag'; readonly member: string })
  | (EventEnvelope & WithStandings & { readonly type: 'leaderboard.approve' })
  | (EventEnvelope & { readonly type: 'leaderboard.join'; readonly side: SideId })
  | (EventEnvelope & { readonly type: 'leaderboard.cancel' })
  | (EventEnvelope &
      WithStandings & {
        readonly type: 'leaderboard.deadline';
        readonly deadline: 'accept' | 'freeze' | 'approve' | 'settle';
      });

export const asLeaderboardEvent = (event: AppliedEvent) => event as unknown as LeaderboardEvent;

/** The store board of a board instance. Named after the campaign like counters, so it shares its hash tag. */
/**
 * The store board (`topScores`, `scoreOf`) of a leaderboard instance.
 *
 * @example
 * await store.topScores(boardName('weekly-steps', instanceId), 20);
 */
export const boardName = (campaignId: string, instanceId: string) => `${campaignId}:board:${instanceId}`;

/** The side a member is on, if any. */
export const sideOf = (context: LeaderboardContext, member: string): Side | undefined =>
  context.sides?.find((side) => side.members.some((m) => m.id === member));

import { maskName } from '../../primitives/mask.js';
import type { ScoreEntry } from '../../store/store.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import { ALLOWED, type Availability, toAvailability } from '../shared/availability.js';
import { publicRecent } from '../shared/recent-activity.js';
import type { LeaderboardState, LeaderboardStateValue, SideId } from './context.js';
import { cancelDecision, joinDecision } from './decisions.js';
import type { Prize } from './schema.js';
import { ahead, rankEntries } from './standings.js';

/** Who is looking: who started it (an operator's board, a duel's challenger), someone ranked or on a side, anyone. */
export type LeaderboardRole = 'initiator' | 'member' | 'visitor';

export interface RankedRow {
  readonly rank: number;
  /** Masked, except the viewer's own. */
  readonly member: string;
  readonly score: number;
  readonly reachedAt: number;
  readonly me: boolean;
}

/**
 * What one viewer sees of a board season or a duel. JSON-serialisable.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'leaderboard') console.log(view.role, view.state); // a LeaderboardView here
 */
export interface LeaderboardView {
  readonly kind: 'leaderboard';
  readonly instanceId: string;
  readonly campaignId: string;
  readonly format: 'board' | 'duel';
  readonly role: LeaderboardRole;
  readonly state: LeaderboardStateValue;
  readonly metric: { readonly name: string; readonly unit: string };
  readonly window: { readonly startsAt: number; readonly endsAt: number };
  /** Score events counted and the points they added, exactly. */
  readonly totals: { readonly events: number; readonly points: number };
  /**
   * A board's live ranking, read from the store: null for a duel, and in a `send` result's view (which does not
   * read the board; `engine.view` does).
   */
  readonly board: {
    /** The top entries, flagged members left out. */
    readonly top: readonly RankedRow[];
    /**
     * The viewer's entry: `position` is its exact place in the order (score, then earliest, then id) among
     * unflagged entries; `rank` is set when the entry is within `top` (ties share a rank).
     */
    readonly me: {
      readonly score: number;
      readonly position: number;
      readonly rank: number | null;
      readonly flagged: boolean;
    } | null;
  } | null;
  readonly flaggedCount: number;
  /** A duel's two sides; null for a board. */
  readonly sides:
    | readonly {
        readonly id: SideId;
        readonly score: number;
        readonly seats: number;
        readonly members: readonly {
          readonly member: string;
          readonly points: number;
          readonly me: boolean;
        }[];
      }[]
    | null;
  /** Duel: the side a join would take (the empty side b first, then the side with fewer members); else null. */
  readonly joinSide: SideId | null;
  readonly prizes: readonly Prize[];
  /** Published standings once approved (masked names), each with its prize. */
  readonly standings: readonly (RankedRow & { readonly rewardId: string | null })[] | null;
  readonly deadline: { readonly kind: 'accept' | 'freeze' | 'settle'; readonly at: number } | null;
  readonly serverNow: number;
  readonly recentScores: readonly { readonly by: string; readonly points: number; readonly at: number }[];
  readonly can: {
    readonly join: Availability;
    readonly invite: Availability;
    readonly cancel: Availability;
  };
}

const shown = (member: string, viewerId: string) => (member === viewerId ? member : maskName(member));

function deadlineOf(state: LeaderboardState): LeaderboardView['deadline'] {
  const { value, context } = state;
  if (value === 'waiting' && context.acceptBy !== null) return { kind: 'accept', at: context.acceptBy };
  if (value === 'live') return { kind: 'freeze', at: context.expiresAt };
  if (value === 'reviewed' && context.reviewedAt !== null)
    return { kind: 'settle', at: context.reviewedAt + context.rules.publicationHours * 3_600_000 };
  return null;
}

/** The viewer's board entry and exact place among unflagged entries (the store's rank counts flagged ones too). */
type MyEntry = NonNullable<LeaderboardView['board']>['me'];

function myEntry(state: LeaderboardState, viewerId: string, facts: ViewFacts): MyEntry {
  const entries = facts.board?.entries;
  const mine = entries?.get(viewerId);
  if (!mine) return null;
  const flagged = state.context.flagged;
  const flaggedAhead = Object.keys(flagged).filter((m) => {
    const entry = entries?.get(m);
    return entry !== undefined && m !== viewerId && ahead(entry, mine) < 0;
  }).length;
  const isFlagged = Object.hasOwn(flagged, viewerId);
  return { score: mine.score, position: mine.rank - flaggedAhead, rank: null, flagged: isFlagged };
}

export function leaderboardView(
  state: LeaderboardState,
  viewer: Actor | null,
  facts: ViewFacts,
): LeaderboardView {
  const { value, context } = state;
  const { rules } = context;
  const viewerId = viewer?.id ?? '';
  const topEntries: readonly ScoreEntry[] = facts.board?.top ?? [];
  const ranked = rankEntries(topEntries, context.flagged, rules.ranking, Number.POSITIVE_INFINITY).slice(
    0,
    rules.showTop,
  );
  const top = ranked.map((row) => ({
    ...row,
    member: shown(row.member, viewerId),
    me: row.member === viewerId,
  }));
  let me = myEntry(state, viewerId, facts);
  const myRow = ranked.find((r) => r.member === viewerId);
  if (me && myRow) me = { ...me, rank: myRow.rank };
  const mySide = context.sides?.find((s) => s.members.some((m) => m.id === viewerId));
  const role: LeaderboardRole =
    viewerId === context.initiator ? 'initiator' : me || mySide ? 'member' : 'visitor';
  const open = (value === 'waiting' || value === 'live') && facts.now < context.expiresAt;
  // The side with fewer members and a free seat; side b first on a tie (an empty side b opens the duel).
  const freeSide = [...(context.sides ?? [])]
    .reverse()
    .filter((s) => s.members.length < rules.teamSize)
    .sort((x, y) => x.members.length - y.members.length)[0];
  return {
    kind: 'leaderboard',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    format: rules.format,
    role,
    state: value,
    metric: { name: rules.metric.name, unit: rules.metric.unit },
    window: { startsAt: context.windowStartsAt, endsAt: context.expiresAt },
    totals: { events: context.events, points: context.points },
    board: facts.board === undefined || context.sides !== null ? null : { top, me },
    flaggedCount: Object.keys(context.flagged).length,
    sides:
      context.sides?.map((side) => ({
        id: side.id,
        score: side.score,
        seats: rules.teamSize,
        members: side.members.map((m) => ({
          member: shown(m.id, viewerId),
          points: m.points,
          me: m.id === viewerId,
        })),
      })) ?? null,
    joinSide: freeSide?.id ?? null,
    prizes: rules.prizes,
    standings:
      context.standings?.map((s) => ({
        rank: s.rank,
        member: context.sides === null ? shown(s.member, viewerId) : s.member,
        score: s.score,
        reachedAt: s.reachedAt,
        me: s.member === viewerId || s.member === mySide?.id,
        rewardId: s.rewardId,
      })) ?? null,
    deadline: deadlineOf(state),
    serverNow: facts.now,
    recentScores: publicRecent(context.recent, viewerId),
    can: {
      join: toAvailability(joinDecision(value, context, viewerId, freeSide?.id ?? 'b', facts.now)),
      invite: !open
        ? { allowed: false, reason: 'instance-ended' }
        : role === 'visitor'
          ? { allowed: false, reason: 'not-member' }
          : ALLOWED,
      cancel:
        viewer === null
          ? { allowed: false, reason: 'not-initiator' }
          : toAvailability(cancelDecision(value, context, viewer)),
    },
  };
}

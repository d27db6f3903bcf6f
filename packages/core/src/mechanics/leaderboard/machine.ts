import { and, assign, setup } from 'xstate';
import type { EffectDraft } from '../../engine/machine-step.js';
import type { ScoreEntry } from '../../store/store.js';
import { appendRecent } from '../shared/recent-activity.js';
import {
  boardName,
  type LeaderboardContext,
  type LeaderboardEvent,
  type LeaderboardStateValue,
  type Side,
  type Standing,
} from './context.js';
import { decide } from './decisions.js';
import { lastPrizeRank } from './schema.js';
import { finalStandings } from './standings.js';
import { scoreWindow } from './window.js';

type In = { in: LeaderboardStateValue };
type Args = { context: LeaderboardContext; event: LeaderboardEvent };

/** Standings from the board entries the engine attached (a board) or from the two sides (a duel). */
function standingsOf({ context, event }: Args): Standing[] {
  const attached = 'standings' in event ? event.standings : undefined;
  const entries: readonly ScoreEntry[] =
    context.sides === null
      ? (attached ?? [])
      : context.sides.map((side) => ({ member: side.id, score: side.score, reachedAt: side.reachedAt }));
  const positive = entries.filter((e) => e.score > 0);
  const flagged = context.sides === null ? context.flagged : {};
  // A duel always shows both sides; a board keeps the prize ranks.
  const through = context.sides === null ? lastPrizeRank(context.rules) : 2;
  return finalStandings(positive, flagged, context.rules, through);
}

/** One prize effect per winner: per member of a winning side in a duel, unless flagged. */
function prizeEffects(context: LeaderboardContext): EffectDraft[] {
  return (context.standings ?? []).flatMap((standing): EffectDraft[] => {
    if (standing.rewardId === null) return [];
    const prize = { type: 'leaderboard.prize-awarded', rank: standing.rank, score: standing.score };
    if (context.sides === null) return [{ ...prize, member: standing.member, rewardId: standing.rewardId }];
    const side = context.sides.find((s) => s.id === standing.member) as Side;
    return side.members
      .filter((m) => !Object.hasOwn(context.flagged, m.id))
      .map((m) => ({ ...prize, member: m.id, side: side.id, rewardId: standing.rewardId }));
  });
}

const scoredEffect = (event: LeaderboardEvent): EffectDraft =>
  event.type === 'leaderboard.score'
    ? { type: 'leaderboard.scored', member: event.member, points: event.points }
    : { type: 'leaderboard.scored' };

function addToSide(sides: readonly [Side, Side], member: string, points: number, at: number): [Side, Side] {
  return sides.map((side) =>
    side.members.some((m) => m.id === member)
      ? {
          ...side,
          members: side.members.map((m) => (m.id === member ? { ...m, points: m.points + points } : m)),
          score: side.score + points,
          reachedAt: at,
        }
      : side,
  ) as [Side, Side];
}

const can = (state: LeaderboardStateValue) => ({ type: 'allowed' as const, params: { in: state } });
const flagHandlers = (state: LeaderboardStateValue) => ({
  'leaderboard.flag': { guard: can(state), actions: 'flag' as const },
  'leaderboard.unflag': { guard: can(state), actions: 'unflag' as const },
});

/**
 * 比 leaderboard / PK. A board ranks every member an operator reports scores for during its window; a duel sets two
 * sides against each other. At the close the standings freeze, are approved (by an operator, or at once), are
 * published for `publicationHours`, and then each prize is issued once.
 */
export const leaderboardMachine = setup({
  types: {
    context: {} as LeaderboardContext,
    events: {} as LeaderboardEvent,
    input: {} as LeaderboardContext,
  },
  guards: {
    allowed: ({ context, event }, p: In) => decide(p.in, context, event).ok,
    opensDuel: ({ event }) => event.type === 'leaderboard.join' && event.side === 'b',
  },
  actions: {
    effect: (_, _effect: EffectDraft) => {},
    effects: (_, _effects: EffectDraft[]) => {},
    recordScore: assign(({ context, event }) => {
      if (event.type !== 'leaderboard.score') return {};
      const { member, points, at, eventId } = event;
      const recent = appendRecent(context.recent, { by: member, points, at });
      const counted = { events: context.events + 1, points: context.points + points, recent };
      if (context.sides !== null) return { ...counted, sides: addToSide(context.sides, member, points, at) };
      const intent = {
        board: boardName(context.campaignId, context.instanceId),
        member,
        delta: points,
        at,
        key: eventId,
      };
      return { ...counted, scoreIntents: [...context.scoreIntents, intent] };
    }),
    join: assign(({ context, event }) => {
      if (event.type !== 'leaderboard.join' || context.sides === null) return {};
      const member = { id: event.actor.id, points: 0 };
      return {
        sides: context.sides.map((s) =>
          s.id === event.side ? { ...s, members: [...s.members, member] } : s,
        ) as [Side, Side],
      };
    }),
    openWindow: assign(({ context, event }) => {
      const window = scoreWindow(context.rules.window, event.at, context.timezone, context.campaignEndsAt);
      const sides = context.sides?.map((s) => ({ ...s, reachedAt: window.startsAt })) as
        | [Side, Side]
        | undefined;
      return { windowStartsAt: window.startsAt, expiresAt: window.endsAt, ...(sides ? { sides } : {}) };
    }),
    flag: assign(({ context, event }) =>
      event.type === 'leaderboard.flag'
        ? { flagged: { ...context.flagged, [event.member]: event.note } }
        : {},
    ),
    unflag: assign(({ context, event }) => {
      if (event.type !== 'leaderboard.unflag') return {};
      const { [event.member]: _, ...flagged } = context.flagged;
      return { flagged };
    }),
    fixStandings: assign((args) => ({ standings: standingsOf(args), reviewedAt: args.event.at })),
  },
}).createMachine({
  id: 'leaderboard',
  context: ({ input }) => input,
  initial: 'live',
  states: {
    waiting: {
      on: {
        'leaderboard.join': [
          { guard: and([can('waiting'), 'opensDuel']), actions: ['join', 'openWindow'], target: 'live' },
          { guard: can('waiting'), actions: 'join' },
        ],
        ...flagHandlers('waiting'),
        'leaderboard.cancel': { guard: can('waiting'), target: 'cancelled' },
        'leaderboard.deadline': { guard: can('waiting'), target: 'cancelled' },
      },
    },
    live: {
      on: {
        'leaderboard.score': {
          guard: can('live'),
          actions: [{ type: 'effect', params: ({ event }) => scoredEffect(event) }, 'recordScore'],
        },
        'leaderboard.join': { guard: can('live'), actions: 'join' },
        ...flagHandlers('live'),
        'leaderboard.cancel': { guard: can('live'), target: 'cancelled' },
        'leaderboard.deadline': { guard: can('live'), target: 'frozen' },
      },
    },
    frozen: {
      entry: {
        type: 'effect',
        params: ({ context }) => ({
          type: 'leaderboard.frozen',
          events: context.events,
          points: context.points,
        }),
      },
      on: {
        ...flagHandlers('frozen'),
        'leaderboard.approve': { guard: can('frozen'), actions: 'fixStandings', target: 'reviewed' },
        'leaderboard.deadline': { guard: can('frozen'), actions: 'fixStandings', target: 'reviewed' },
      },
    },
    reviewed: {
      entry: {
        type: 'effect',
        params: ({ context }) => ({ type: 'leaderboard.published', standings: context.standings }),
      },
      on: { 'leaderboard.deadline': { guard: can('reviewed'), target: 'settled' } },
    },
    settled: {
      type: 'final',
      entry: { type: 'effects', params: ({ context }) => prizeEffects(context) },
    },
    cancelled: {
      type: 'final',
      entry: {
        type: 'effect',
        params: ({ context }) => ({ type: 'leaderboard.cancelled', events: context.events }),
      },
    },
  },
});

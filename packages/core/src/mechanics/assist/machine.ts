import { and, assign, setup } from 'xstate';
import type { Release } from '../../engine/machine-step.js';
import { appendRecent } from '../shared/recent-activity.js';
import {
  type AssistContext,
  type AssistEvent,
  type AssistStateValue,
  pointsOf,
  tiersCrossed,
} from './context.js';
import { cancelDecision, decide, helpDecision } from './decisions.js';
import { unreachedReleases } from './offer-rewards.js';
import { goalOf } from './schema.js';

type Effect = { type: string } & Record<string, unknown>;

/** What one help grants, computed from the context before it: each tier it crosses, and the helper's reward. */
function helpEffects(context: AssistContext, event: AssistEvent): Effect[] {
  const after = context.points + pointsOf(context.rules, event.actor);
  const effects: Effect[] = tiersCrossed(context.rules, context.points, after).map((tier) => {
    const { helps, rewardId } = context.rules.tiers[tier] as { helps: number; rewardId: string };
    return { type: 'assist.tier-reached', tier, threshold: helps, rewardId, points: after };
  });
  if (context.rules.helperRewardId !== undefined) {
    effects.push({
      type: 'assist.helper-rewarded',
      helperId: event.actor.id,
      rewardId: context.rules.helperRewardId,
    });
  }
  return effects;
}

const help = [
  {
    type: 'effects' as const,
    params: ({ context, event }: { context: AssistContext; event: AssistEvent }) =>
      helpEffects(context, event),
  },
  'recordHelp' as const,
];
type In = { in: AssistStateValue };

/** Ending without completion: what the launch reserved and no help used goes back (see `offer-rewards.ts`). */
const releaseUnreached = {
  type: 'release' as const,
  params: ({ context }: { context: AssistContext }): Release[] => unreachedReleases(context),
};

/**
 * 帮 assist: friends help an initiator's task; weighted help points climb a reward ladder. Each tier is granted
 * exactly once (tiers are reached in order and counted), the last tier completes the task.
 */
export const assistMachine = setup({
  types: { context: {} as AssistContext, events: {} as AssistEvent, input: {} as AssistContext },
  guards: {
    canHelp: ({ context, event }, p: In) => helpDecision(p.in, context, event.actor.id, event.at).ok,
    canCancel: ({ context, event }, p: In) => cancelDecision(p.in, context, event.actor.id).ok,
    reachesGoal: ({ context, event }) =>
      context.points + pointsOf(context.rules, event.actor) >= goalOf(context.rules),
    deadlineDue: ({ context, event }) => decide('collecting', context, event).ok,
  },
  actions: {
    effect: (_, _effect: Effect) => {},
    effects: (_, _effects: Effect[]) => {},
    release: (_, _releases: Release[]) => {},
    recordHelp: assign(({ context, event }) => {
      const points = pointsOf(context.rules, event.actor);
      const after = context.points + points;
      return {
        points: after,
        helps: context.helps + 1,
        tiersReached: context.tiersReached + tiersCrossed(context.rules, context.points, after).length,
        recent: appendRecent(context.recent, { by: event.actor.id, points, at: event.at }),
      };
    }),
  },
}).createMachine({
  id: 'assist',
  context: ({ input }) => input,
  initial: 'collecting',
  states: {
    collecting: {
      on: {
        'assist.help': [
          {
            guard: and([{ type: 'canHelp', params: { in: 'collecting' as const } }, 'reachesGoal']),
            actions: help,
            target: 'completed',
          },
          { guard: { type: 'canHelp', params: { in: 'collecting' } }, actions: help },
        ],
        'assist.cancel': { guard: { type: 'canCancel', params: { in: 'collecting' } }, target: 'cancelled' },
        'assist.deadline': { guard: 'deadlineDue', target: 'expired' },
      },
    },
    completed: {
      type: 'final',
      entry: {
        type: 'effect',
        params: ({ context }) => ({ type: 'assist.completed', points: context.points, helps: context.helps }),
      },
    },
    expired: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({
            type: 'assist.expired',
            points: context.points,
            tiersReached: context.tiersReached,
          }),
        },
        releaseUnreached,
      ],
    },
    cancelled: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({ type: 'assist.cancelled', points: context.points }),
        },
        releaseUnreached,
      ],
    },
  },
});

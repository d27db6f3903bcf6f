import type { Actor, ViewFacts } from '../mechanic.js';
import {
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import { HELPER_CLAIM } from '../shared/instance-basics.js';
import { publicRecent } from '../shared/recent-activity.js';
import type { AssistState, AssistStateValue } from './context.js';
import { cancelDecision, helpDecision } from './decisions.js';
import { goalOf } from './schema.js';

/**
 * What one viewer sees of an assist task. JSON-serialisable.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'assist') console.log(view.role, view.state); // a AssistView here
 */
export interface AssistView {
  readonly kind: 'assist';
  readonly instanceId: string;
  readonly campaignId: string;
  readonly role: ViewerRole;
  readonly state: AssistStateValue;
  readonly progress: {
    /** Weighted help points so far, and the goal. */
    readonly points: number;
    readonly goal: number;
    /** Points still missing, exactly goal − points (0 once reached). */
    readonly left: number;
    /** Friends who helped. */
    readonly helps: number;
  };
  /** The reward ladder, with what is reached. */
  readonly tiers: readonly { readonly helps: number; readonly rewardId: string; readonly reached: boolean }[];
  readonly weights: { readonly newUser: number; readonly existing: number };
  readonly deadline: { readonly kind: 'expire'; readonly at: number } | null;
  readonly serverNow: number;
  /** Newest first; names masked except the viewer's. Only real helps. */
  readonly recentHelps: readonly { readonly by: string; readonly points: number; readonly at: number }[];
  readonly can: { readonly help: Availability; readonly cancel: Availability; readonly invite: Availability };
}

export function assistView(state: AssistState, viewer: Actor | null, facts: ViewFacts): AssistView {
  const { value, context } = state;
  const viewerId = viewer?.id ?? '';
  const helped = viewer !== null && facts.viewerClaims.has(HELPER_CLAIM(viewer.id));
  const role: ViewerRole = viewerId === context.initiator ? 'initiator' : helped ? 'helper' : 'visitor';
  const goal = goalOf(context.rules);
  const open = value === 'collecting' && facts.now < context.expiresAt;
  return {
    kind: 'assist',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    role,
    state: value,
    progress: {
      points: context.points,
      goal,
      left: Math.max(0, goal - context.points),
      helps: context.helps,
    },
    tiers: context.rules.tiers.map((tier, i) => ({ ...tier, reached: i < context.tiersReached })),
    weights: context.rules.weights,
    deadline: value === 'collecting' ? { kind: 'expire', at: context.expiresAt } : null,
    serverNow: facts.now,
    recentHelps: publicRecent(context.recent, viewerId),
    can: {
      help: helped
        ? { allowed: false, reason: 'already-helped' }
        : toAvailability(helpDecision(value, context, viewerId, facts.now)),
      cancel: toAvailability(cancelDecision(value, context, viewerId)),
      invite: inviteAvailability(role, open),
    },
  };
}

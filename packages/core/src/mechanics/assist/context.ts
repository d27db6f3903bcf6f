import type { Actor, AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { AssistRules } from './schema.js';

export type AssistStateValue = 'collecting' | 'completed' | 'expired' | 'cancelled';

export interface AssistHelp {
  readonly by: string;
  readonly points: number;
  readonly at: number;
}

export interface AssistContext extends InstanceBasics<AssistRules> {
  /** Weighted help points. */
  readonly points: number;
  /** Friends who helped. */
  readonly helps: number;
  /** Tiers reached so far, in order (tiers are reached in order, so a count says which ones). */
  readonly tiersReached: number;
  readonly recent: readonly AssistHelp[];
}

export type AssistState = InstanceState<AssistContext> & { readonly value: AssistStateValue };

export type AssistEvent =
  | (EventEnvelope & { readonly type: 'assist.help' })
  | (EventEnvelope & { readonly type: 'assist.cancel' })
  | (EventEnvelope & { readonly type: 'assist.deadline'; readonly deadline: 'expire' });

export const asAssistEvent = (event: AppliedEvent) => event as unknown as AssistEvent;

export const pointsOf = (rules: AssistRules, actor: Actor): number =>
  actor.newUser === true ? rules.weights.newUser : rules.weights.existing;

/** Indexes of the tiers a help moving from `before` to `after` points crosses. */
export function tiersCrossed(rules: AssistRules, before: number, after: number): number[] {
  return rules.tiers.flatMap((tier, i) => (tier.helps > before && tier.helps <= after ? [i] : []));
}

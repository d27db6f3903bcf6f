import type { Actor, AppliedEvent, InstanceState } from '../mechanic.js';
import type { AssistRules } from './schema.js';

export type AssistStateValue = 'collecting' | 'completed' | 'expired' | 'cancelled';

export interface AssistHelp {
  readonly by: string;
  readonly points: number;
  readonly at: number;
}

export interface AssistContext {
  readonly instanceId: string;
  readonly campaignId: string;
  readonly initiator: string;
  readonly initiatorDevice: string | null;
  /** The campaign's rules when this task started. */
  readonly rules: AssistRules;
  readonly startedAt: number;
  readonly expiresAt: number;
  /** Weighted help points. */
  readonly points: number;
  /** Friends who helped. */
  readonly helps: number;
  /** Tiers reached so far, in order (tiers are reached in order, so a count says which ones). */
  readonly tiersReached: number;
  readonly recent: readonly AssistHelp[];
}

export type AssistState = InstanceState<AssistContext> & { readonly value: AssistStateValue };

interface Envelope {
  readonly eventId: string;
  readonly actor: Actor;
  readonly at: number;
}

export type AssistEvent =
  | (Envelope & { readonly type: 'assist.help' })
  | (Envelope & { readonly type: 'assist.cancel' })
  | (Envelope & { readonly type: 'assist.deadline'; readonly deadline: 'expire' });

export const asAssistEvent = (event: AppliedEvent) => event as unknown as AssistEvent;

export const pointsOf = (rules: AssistRules, actor: Actor): number =>
  actor.newUser === true ? rules.weights.newUser : rules.weights.existing;

/** Indexes of the tiers a help moving from `before` to `after` points crosses. */
export function tiersCrossed(rules: AssistRules, before: number, after: number): number[] {
  return rules.tiers.flatMap((tier, i) => (tier.helps > before && tier.helps <= after ? [i] : []));
}

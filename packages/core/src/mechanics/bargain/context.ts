import type { Fen } from '../../primitives/money.js';
import type { Actor, AppliedEvent, InstanceState } from '../mechanic.js';
import type { BargainRules } from './schema.js';

/** One cut, as kept for the activity ticker (the newest 20 only; the count is exact). */
export interface BargainCut {
  readonly by: string;
  readonly amount: Fen;
  readonly at: number;
  readonly newUser: boolean;
}

export type BargainStateValue = 'cutting' | 'purchasable' | 'purchased' | 'expired' | 'unpaid' | 'cancelled';

export interface BargainContext {
  readonly instanceId: string;
  readonly campaignId: string;
  readonly initiator: string;
  readonly initiatorDevice: string | null;
  /** The campaign's rules when this instance started; later edits do not apply to it. */
  readonly rules: BargainRules;
  readonly startedAt: number;
  /** Helps are accepted until this instant (time limit, capped by the campaign end). */
  readonly expiresAt: number;
  /** Once purchasable: the initiator must pay before this instant. */
  readonly payBy: number | null;
  readonly purchasableBecause: 'floor' | 'timeout' | null;
  readonly price: Fen;
  /** Friend helps applied (the initiator's self-cut is not counted). */
  readonly helps: number;
  readonly selfCutAmount: Fen;
  readonly recent: readonly BargainCut[];
  readonly purchase: { readonly orderId: string; readonly price: Fen; readonly at: number } | null;
  /** State of the instance's seeded random source (mulberry32). */
  readonly rng: number;
}

export type BargainState = InstanceState<BargainContext> & { readonly value: BargainStateValue };

interface Envelope {
  readonly eventId: string;
  readonly actor: Actor;
  readonly at: number;
}

export type BargainEvent =
  | (Envelope & { readonly type: 'bargain.help' })
  | (Envelope & { readonly type: 'bargain.purchase'; readonly orderId: string })
  | (Envelope & { readonly type: 'bargain.cancel' })
  | (Envelope & { readonly type: 'bargain.deadline'; readonly deadline: 'expire' | 'pay-by' });

export function asBargainEvent(event: AppliedEvent): BargainEvent {
  return event as unknown as BargainEvent;
}

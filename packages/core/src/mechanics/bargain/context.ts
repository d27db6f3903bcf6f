import type { Fen } from '../../primitives/money.js';
import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { BargainRules } from './schema.js';

/** One cut, as kept for the activity ticker (the newest 20 only; the count is exact). */
export interface BargainCut {
  readonly by: string;
  readonly amount: Fen;
  readonly at: number;
  readonly newUser: boolean;
}

export type BargainStateValue = 'cutting' | 'purchasable' | 'purchased' | 'expired' | 'unpaid' | 'cancelled';

export interface BargainContext extends InstanceBasics<BargainRules> {
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

export type BargainEvent =
  | (EventEnvelope & { readonly type: 'bargain.help' })
  | (EventEnvelope & { readonly type: 'bargain.purchase'; readonly orderId: string })
  | (EventEnvelope & { readonly type: 'bargain.cancel' })
  | (EventEnvelope & { readonly type: 'bargain.deadline'; readonly deadline: 'expire' | 'pay-by' });

export function asBargainEvent(event: AppliedEvent): BargainEvent {
  return event as unknown as BargainEvent;
}

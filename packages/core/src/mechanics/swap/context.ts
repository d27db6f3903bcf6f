import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { Item, SwapRules } from './schema.js';

export type ProposalStatus =
  | 'pending'
  | 'countered'
  | 'accepted'
  | 'withdrawn'
  | 'declined'
  | 'expired'
  | 'lapsed'
  | 'completed';

export interface Proposal {
  /** The event id that made it. */
  readonly id: string;
  readonly proposer: string;
  readonly offer: Item;
  readonly status: ProposalStatus;
  readonly at: number;
  readonly expiresAt: number;
  readonly counterNote: string | null;
}

export type SwapStateValue = 'open' | 'reserved' | 'completed' | 'cancelled' | 'expired';

export interface SwapContext extends InstanceBasics<SwapRules> {
  /** The listed item; its owner is `initiator`. */
  readonly item: Item;
  readonly proposals: readonly Proposal[];
  /** While reserved: the accepted proposal and the handover deadline, and who confirmed. */
  readonly accepted: {
    readonly proposalId: string;
    readonly until: number;
    readonly confirmed: readonly string[];
  } | null;
}

export type SwapState = InstanceState<SwapContext> & { readonly value: SwapStateValue };

export type SwapEvent =
  | (EventEnvelope & { readonly type: 'swap.propose'; readonly offer: Item })
  | (EventEnvelope & { readonly type: 'swap.counter'; readonly proposalId: string; readonly note: string })
  | (EventEnvelope & { readonly type: 'swap.accept'; readonly proposalId: string })
  | (EventEnvelope & { readonly type: 'swap.withdraw'; readonly proposalId: string })
  | (EventEnvelope & { readonly type: 'swap.confirm' })
  | (EventEnvelope & { readonly type: 'swap.cancel' })
  | (EventEnvelope & {
      readonly type: 'swap.deadline';
      readonly deadline: 'expire' | 'proposals' | 'handover';
    });

export const asSwapEvent = (event: AppliedEvent) => event as unknown as SwapEvent;

export const isOpenProposal = (p: Proposal) => p.status === 'pending' || p.status === 'countered';

/** The promise counter of an item: one accepted swap at a time, across all listings of the campaign. */
export const itemCounter = (campaignId: string, itemId: string) => `${campaignId}:item:${itemId}`;

export function nextProposalExpiry(context: SwapContext): number | null {
  let next: number | null = null;
  for (const p of context.proposals)
    if (isOpenProposal(p) && (next === null || p.expiresAt < next)) next = p.expiresAt;
  return next;
}

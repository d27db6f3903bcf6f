import { maskName } from '../../primitives/mask.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import {
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import type { ProposalStatus, SwapState, SwapStateValue } from './context.js';
import { cancelDecision, confirmDecision, proposeDecision } from './decisions.js';
import type { Item } from './schema.js';

/**
 * What one viewer sees of a listing. The owner sees every proposal; a proposer sees their own.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'swap') console.log(view.role, view.state); // a SwapView here
 */
export interface SwapView {
  readonly kind: 'swap';
  readonly instanceId: string;
  readonly campaignId: string;
  readonly role: ViewerRole;
  readonly state: SwapStateValue;
  readonly item: Item;
  readonly owner: string;
  readonly proposals: readonly {
    readonly id: string;
    readonly proposer: string;
    readonly offer: Item;
    readonly status: ProposalStatus;
    readonly counterNote: string | null;
    readonly expiresAt: number;
  }[];
  /** Proposals waiting for an answer (a count everyone may see). */
  readonly openProposals: number;
  readonly handover: {
    readonly until: number;
    readonly confirmedByMe: boolean;
    readonly confirmations: number;
  } | null;
  readonly deadline: { readonly kind: 'expire' | 'handover'; readonly at: number } | null;
  readonly serverNow: number;
  readonly can: {
    readonly propose: Availability;
    readonly confirm: Availability;
    readonly cancel: Availability;
    readonly invite: Availability;
  };
}

export function swapView(state: SwapState, viewer: Actor | null, facts: ViewFacts): SwapView {
  const { value, context } = state;
  const viewerId = viewer?.id ?? '';
  const owner = viewerId === context.initiator;
  const mine = context.proposals.filter((p) => p.proposer === viewerId);
  const role: ViewerRole = owner ? 'initiator' : mine.length > 0 ? 'helper' : 'visitor';
  const visible = owner ? context.proposals : mine;
  return {
    kind: 'swap',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    role,
    state: value,
    item: context.item,
    owner: owner ? context.initiator : maskName(context.initiator),
    proposals: visible.map(({ id, proposer, offer, status, counterNote, expiresAt }) => ({
      id,
      proposer,
      offer,
      status,
      counterNote,
      expiresAt,
    })),
    openProposals: context.proposals.filter((p) => p.status === 'pending' || p.status === 'countered').length,
    handover: context.accepted
      ? {
          until: context.accepted.until,
          confirmedByMe: context.accepted.confirmed.includes(viewerId),
          confirmations: context.accepted.confirmed.length,
        }
      : null,
    deadline:
      value === 'open'
        ? { kind: 'expire', at: context.expiresAt }
        : value === 'reserved' && context.accepted
          ? { kind: 'handover', at: context.accepted.until }
          : null,
    serverNow: facts.now,
    can: {
      propose: toAvailability(proposeDecision(value, context, viewerId, facts.now)),
      confirm: toAvailability(confirmDecision(value, context, viewerId, facts.now)),
      cancel: toAvailability(cancelDecision(value, context, viewerId)),
      invite: inviteAvailability(role, value === 'open' && facts.now < context.expiresAt),
    },
  };
}

import { ALLOW, type Decision, deny } from '../mechanic.js';
import { isOpenProposal, type SwapContext, type SwapEvent, type SwapStateValue } from './context.js';

const openAt = (value: SwapStateValue, context: SwapContext, at: number) =>
  value === 'open' && at < context.expiresAt;
const find = (context: SwapContext, id: string) => context.proposals.find((p) => p.id === id);

export function proposeDecision(
  value: SwapStateValue,
  context: SwapContext,
  actorId: string,
  at: number,
): Decision {
  if (!openAt(value, context, at)) return deny('instance-ended');
  if (actorId === context.initiator) return deny('self-help');
  if (context.proposals.some((p) => p.proposer === actorId && isOpenProposal(p)))
    return deny('already-helped');
  const open = context.proposals.filter(isOpenProposal).length;
  if (open >= context.rules.maxOpenProposals || context.proposals.length >= context.rules.maxProposals)
    return deny('proposals-full');
  return ALLOW;
}

export function counterDecision(
  value: SwapStateValue,
  context: SwapContext,
  actorId: string,
  proposalId: string,
  at: number,
): Decision {
  if (actorId !== context.initiator) return deny('not-initiator');
  if (!context.rules.allowCounter) return deny('not-applicable');
  if (!openAt(value, context, at)) return deny('instance-ended');
  const p = find(context, proposalId);
  return p?.status === 'pending' && at < p.expiresAt ? ALLOW : deny('proposal-not-open');
}

/** The owner accepts a pending proposal; the proposer accepts the owner's counter-proposal. */
export function acceptDecision(
  value: SwapStateValue,
  context: SwapContext,
  actorId: string,
  proposalId: string,
  at: number,
): Decision {
  if (!openAt(value, context, at)) return deny('instance-ended');
  const p = find(context, proposalId);
  if (!p || !isOpenProposal(p) || at >= p.expiresAt) return deny('proposal-not-open');
  const accepter = p.status === 'pending' ? context.initiator : p.proposer;
  return actorId === accepter ? ALLOW : deny(p.status === 'pending' ? 'not-initiator' : 'not-member');
}

export function withdrawDecision(
  value: SwapStateValue,
  context: SwapContext,
  actorId: string,
  proposalId: string,
): Decision {
  const p = find(context, proposalId);
  if (!p) return deny('proposal-not-open');
  if (p.proposer !== actorId) return deny('not-member');
  if (isOpenProposal(p) && value === 'open') return ALLOW;
  return p.status === 'accepted' && value === 'reserved' ? ALLOW : deny('proposal-not-open');
}

export function confirmDecision(
  value: SwapStateValue,
  context: SwapContext,
  actorId: string,
  at: number,
): Decision {
  if (value !== 'reserved' || !context.accepted || at >= context.accepted.until)
    return deny('instance-ended');
  const p = find(context, context.accepted.proposalId);
  if (actorId !== context.initiator && actorId !== p?.proposer) return deny('not-member');
  return context.accepted.confirmed.includes(actorId) ? deny('already-helped') : ALLOW;
}

export function cancelDecision(value: SwapStateValue, context: SwapContext, actorId: string): Decision {
  if (actorId !== context.initiator) return deny('not-initiator');
  return value === 'open' || value === 'reserved' ? ALLOW : deny('instance-ended');
}

export function decide(value: SwapStateValue, context: SwapContext, event: SwapEvent): Decision {
  switch (event.type) {
    case 'swap.propose':
      return proposeDecision(value, context, event.actor.id, event.at);
    case 'swap.counter':
      return counterDecision(value, context, event.actor.id, event.proposalId, event.at);
    case 'swap.accept':
      return acceptDecision(value, context, event.actor.id, event.proposalId, event.at);
    case 'swap.withdraw':
      return withdrawDecision(value, context, event.actor.id, event.proposalId);
    case 'swap.confirm':
      return confirmDecision(value, context, event.actor.id, event.at);
    case 'swap.cancel':
      return cancelDecision(value, context, event.actor.id);
    case 'swap.deadline':
      return ALLOW;
  }
}

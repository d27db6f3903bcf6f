import { type Actor, ALLOW, type Decision, deny } from '../mechanic.js';
import { type GroupBuyContext, type GroupBuyEvent, type GroupBuyStateValue, seatsTaken } from './context.js';

const forming = (value: GroupBuyStateValue, context: GroupBuyContext, at: number) =>
  value === 'forming' && at < context.expiresAt;

export function joinDecision(
  value: GroupBuyStateValue,
  context: GroupBuyContext,
  actorId: string,
  at: number,
): Decision {
  if (value === 'succeeded') return deny('group-full');
  if (!forming(value, context, at)) return deny('instance-ended');
  if (context.members.some((m) => m.id === actorId)) return deny('already-helped');
  if (seatsTaken(context) >= context.rules.size) return deny('group-full');
  return ALLOW;
}

export function payDecision(
  value: GroupBuyStateValue,
  context: GroupBuyContext,
  actorId: string,
  at: number,
): Decision {
  if (!forming(value, context, at)) return deny('instance-ended');
  const member = context.members.find((m) => m.id === actorId);
  if (!member) return deny('not-member');
  if (member.status !== 'pending' || (member.holdUntil !== null && at >= member.holdUntil))
    return deny('not-payable');
  return ALLOW;
}

export function leaveDecision(
  value: GroupBuyStateValue,
  context: GroupBuyContext,
  actorId: string,
): Decision {
  if (value !== 'forming') return deny('instance-ended');
  return context.members.some((m) => m.id === actorId) ? ALLOW : deny('not-member');
}

export function refundDecision(
  value: GroupBuyStateValue,
  context: GroupBuyContext,
  actor: Actor,
  memberId: string,
): Decision {
  if (actor.operator !== true) return deny('not-operator');
  if (value !== 'succeeded') return deny('instance-ended');
  return context.members.some((m) => m.id === memberId && m.status === 'paid') ? ALLOW : deny('not-member');
}

export function decide(value: GroupBuyStateValue, context: GroupBuyContext, event: GroupBuyEvent): Decision {
  switch (event.type) {
    case 'group-buy.join':
      return joinDecision(value, context, event.actor.id, event.at);
    case 'group-buy.pay':
      return payDecision(value, context, event.actor.id, event.at);
    case 'group-buy.leave':
      return leaveDecision(value, context, event.actor.id);
    case 'group-buy.refund':
      return refundDecision(value, context, event.actor, event.memberId);
    case 'group-buy.deadline':
      return ALLOW;
  }
}

import { type Actor, ALLOW, type Decision, deny } from '../mechanic.js';
import { type GroupBuyContext, type GroupBuyEvent, type GroupBuyStateValue, seatsTaken } from './context.js';
import type { GroupBuyRules } from './schema.js';

const forming = (value: GroupBuyStateValue, context: GroupBuyContext, at: number) =>
  value === 'forming' && at < context.expiresAt;

/** Who joins: the id, and whether the integrator's authentication marked them new (undefined: not known yet). */
export type Joiner = Pick<Actor, 'id' | 'newUser'>;

/**
 * Whether `joiner` may take a seat. In a 新人团 (`rules.newUsersOnly`) only an actor the integrator marked new may
 * join; a viewer not signed in (`newUser` unknown, id '') is not refused for it, since signing in decides.
 */
export function joinDecision(
  value: GroupBuyStateValue,
  context: GroupBuyContext,
  joiner: Joiner,
  at: number,
): Decision {
  if (value === 'succeeded') return deny('group-full');
  if (!forming(value, context, at)) return deny('instance-ended');
  if (context.members.some((m) => m.id === joiner.id)) return deny('already-helped');
  if (context.rules.newUsersOnly !== undefined && joiner.id !== '' && joiner.newUser !== true)
    return deny('new-users-only');
  if (seatsTaken(context) >= context.rules.size) return deny('group-full');
  return ALLOW;
}

/** Whether `initiator` may open a group: in a 新人团 for everyone, only a new user. */
export function openDecision(rules: GroupBuyRules, initiator: Pick<Actor, 'newUser'>): Decision {
  return rules.newUsersOnly === 'everyone' && initiator.newUser !== true ? deny('new-users-only') : ALLOW;
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
      return joinDecision(value, context, event.actor, event.at);
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

import { type Actor, ALLOW, type Decision, deny } from '../mechanic.js';
import {
  type LeaderboardContext,
  type LeaderboardEvent,
  type LeaderboardStateValue,
  sideOf,
} from './context.js';

const operatorOnly = (actor: Actor): Decision => (actor.operator === true ? ALLOW : deny('not-operator'));

/** A score counts when an operator reports it inside the window, for a member who may score. */
export function scoreDecision(
  value: LeaderboardStateValue,
  context: LeaderboardContext,
  event: { actor: Actor; member: string; points: number; at: number },
): Decision {
  const operator = operatorOnly(event.actor);
  if (!operator.ok) return operator;
  if (value === 'waiting') return deny('not-live');
  if (value !== 'live' || event.at >= context.expiresAt) return deny('instance-ended');
  if (event.at < context.windowStartsAt) return deny('not-live');
  if (event.points > context.rules.metric.maxPointsPerEvent) return deny('over-limit');
  if (Object.hasOwn(context.flagged, event.member)) return deny('flagged');
  if (context.sides !== null && sideOf(context, event.member) === undefined) return deny('not-member');
  return ALLOW;
}

/** Flags change who is ranked, so they stop once the standings are approved. */
export function flagDecision(value: LeaderboardStateValue, actor: Actor): Decision {
  const operator = operatorOnly(actor);
  if (!operator.ok) return operator;
  return value === 'waiting' || value === 'live' || value === 'frozen' ? ALLOW : deny('instance-ended');
}

export function approveDecision(value: LeaderboardStateValue, actor: Actor): Decision {
  const operator = operatorOnly(actor);
  if (!operator.ok) return operator;
  if (value === 'waiting' || value === 'live') return deny('not-live');
  return value === 'frozen' ? ALLOW : deny('instance-ended');
}

/** A duel member joins a side while the duel has not closed; the challenger is on side a from the start. */
export function joinDecision(
  value: LeaderboardStateValue,
  context: LeaderboardContext,
  actorId: string,
  side: 'a' | 'b',
  at: number,
): Decision {
  if (context.sides === null) return deny('not-applicable');
  if (value !== 'waiting' && value !== 'live') return deny('instance-ended');
  if (at >= context.expiresAt || (value === 'waiting' && context.acceptBy !== null && at >= context.acceptBy))
    return deny('instance-ended');
  if (sideOf(context, actorId) !== undefined) return deny('already-joined');
  const target = context.sides.find((s) => s.id === side);
  if (target === undefined || target.members.length >= context.rules.teamSize) return deny('side-full');
  return ALLOW;
}

/** The challenger may call a duel off before anyone accepts; an operator may stop any duel or board before the close. */
export function cancelDecision(
  value: LeaderboardStateValue,
  context: LeaderboardContext,
  actor: Actor,
): Decision {
  if (value !== 'waiting' && value !== 'live') return deny('instance-ended');
  if (actor.operator === true) return ALLOW;
  if (actor.id !== context.initiator) return deny('not-initiator');
  return value === 'waiting' ? ALLOW : deny('not-applicable');
}

/** Which deadline is due in which state. */
export function deadlineDecision(
  value: LeaderboardStateValue,
  context: LeaderboardContext,
  deadline: string,
  at: number,
): Decision {
  const due =
    (deadline === 'accept' && value === 'waiting' && context.acceptBy !== null && at >= context.acceptBy) ||
    (deadline === 'freeze' && value === 'live' && at >= context.expiresAt) ||
    (deadline === 'approve' && value === 'frozen' && context.rules.approval === 'automatic') ||
    (deadline === 'settle' &&
      value === 'reviewed' &&
      context.reviewedAt !== null &&
      at >= context.reviewedAt + context.rules.publicationHours * 3_600_000);
  return due ? ALLOW : deny('instance-ended');
}

export function decide(
  value: LeaderboardStateValue,
  context: LeaderboardContext,
  event: LeaderboardEvent,
): Decision {
  switch (event.type) {
    case 'leaderboard.score':
      return scoreDecision(value, context, event);
    case 'leaderboard.flag':
    case 'leaderboard.unflag':
      return flagDecision(value, event.actor);
    case 'leaderboard.approve':
      return approveDecision(value, event.actor);
    case 'leaderboard.join':
      return joinDecision(value, context, event.actor.id, event.side, event.at);
    case 'leaderboard.cancel':
      return cancelDecision(value, context, event.actor);
    case 'leaderboard.deadline':
      return deadlineDecision(value, context, event.deadline, event.at);
  }
}

import { type Actor, ALLOW, type Decision, deny, NOTICE_ACTOR } from '../mechanic.js';
import {
  type LedgerStatus,
  type ReferralContext,
  type ReferralEvent,
  type ReferralStateValue,
  referralOf,
} from './context.js';
import { dueTiers } from './tiers.js';

const DAY = 86_400_000;

export function acceptDecision(
  value: ReferralStateValue,
  context: ReferralContext,
  actor: Pick<Actor, 'id' | 'newUser'>,
  at: number,
): Decision {
  if (value !== 'open' || at >= context.expiresAt) return deny('instance-ended');
  if (actor.id === context.initiator) return deny('self-help');
  if (referralOf(context, actor.id)) return deny('already-referred');
  if (context.rules.attribution === 'registration-only' && actor.newUser !== true)
    return deny('new-users-only');
  if (context.referrals.length >= context.rules.maxRefereesPerLink) return deny('quota-exhausted');
  return ALLOW;
}

const operator = (actor: Actor): Decision => (actor.operator === true ? ALLOW : deny('not-operator'));

/**
 * Conversions are reported by your back end for a friend this link brought in, within the window; with
 * `minOrderFen`, only a first order of at least that amount (`orderFen`, reported with it) counts.
 */
export function convertDecision(
  context: ReferralContext,
  actor: Actor,
  referee: string,
  at: number,
  orderFen?: number,
): Decision {
  const who = operator(actor);
  if (!who.ok) return who;
  const referral = referralOf(context, referee);
  if (!referral) return deny('not-referred');
  if (referral.convertedAt !== null) return deny('already-converted');
  if (referral.movedAt !== undefined) return deny('referred-elsewhere');
  if (at > referral.acceptedAt + context.rules.windowDays * DAY) return deny('window-passed');
  const min = context.rules.minOrderFen;
  if (min !== undefined && (orderFen === undefined || orderFen < min)) return deny('threshold-not-met');
  return ALLOW;
}

/** The referral an accept of this link made, if it has committed here (last-touch). */
export const referralByAccept = (context: ReferralContext, acceptEventId: string) =>
  context.referrals.find((r) => r.slot === `${context.instanceId}#${acceptEventId}`);

/**
 * The engine's notice that a later invite took a friend over from one of this link's accepts: recorded once. The
 * accept may not have committed here yet (it ran in another process), so a notice for an accept not seen yet is
 * kept for it (`movedAway`).
 */
export function movedDecision(context: ReferralContext, actor: Actor, acceptEventId: string): Decision {
  if (actor.id !== NOTICE_ACTOR.id) return deny('not-operator');
  const referral = referralByAccept(context, acceptEventId);
  if (referral)
    return referral.movedAt === undefined && referral.convertedAt === null ? ALLOW : deny('not-referred');
  return context.movedAway?.includes(acceptEventId) ? deny('not-referred') : ALLOW;
}

export function refundDecision(context: ReferralContext, actor: Actor, referee: string): Decision {
  const who = operator(actor);
  if (!who.ok) return who;
  const referral = referralOf(context, referee);
  if (!referral || referral.convertedAt === null) return deny('not-referred');
  return referral.refunded ? deny('already-converted') : ALLOW;
}

/** An operator acts on a friend's reward for `side`, which must be in `status` (else `not-rewardable`). */
function ledgerDecision(
  status: LedgerStatus,
  context: ReferralContext,
  actor: Actor,
  referee: string,
  side: string,
): Decision {
  const who = operator(actor);
  if (!who.ok) return who;
  const entry = referralOf(context, referee)?.ledger.find((e) => e.side === side);
  return entry?.status === status ? ALLOW : deny('not-rewardable');
}

/** An operator approves a friend's pending reward ahead of its freeze; only a pending one (not reversed) can be. */
export const approveDecision = (context: ReferralContext, actor: Actor, referee: string, side: string) =>
  ledgerDecision('pending', context, actor, referee, side);

export const issuedDecision = (context: ReferralContext, actor: Actor, referee: string, side: string) =>
  ledgerDecision('approved', context, actor, referee, side);

/** Pending rewards due for approval at `at`, as [referee, side] pairs. */
export function dueApprovals(context: ReferralContext, at: number): { referee: string; side: string }[] {
  return context.referrals.flatMap((r) =>
    r.ledger
      .filter((e) => e.status === 'pending' && e.approvesAt <= at)
      .map((e) => ({ referee: r.referee, side: e.side })),
  );
}

export function decide(value: ReferralStateValue, context: ReferralContext, event: ReferralEvent): Decision {
  switch (event.type) {
    case 'referral.accept':
      return acceptDecision(value, context, event.actor, event.at);
    case 'referral.convert':
      return convertDecision(context, event.actor, event.referee, event.at, event.orderFen);
    case 'referral.refund':
      return refundDecision(context, event.actor, event.referee);
    case 'referral.approve':
      return approveDecision(context, event.actor, event.referee, event.side);
    case 'referral.issued':
      return issuedDecision(context, event.actor, event.referee, event.side);
    case 'referral.moved':
      return movedDecision(context, event.actor, event.acceptEventId);
    case 'referral.close':
      if (event.actor.id !== context.initiator && event.actor.operator !== true) return deny('not-initiator');
      return value === 'open' ? ALLOW : deny('instance-ended');
    case 'referral.deadline':
      if (event.deadline === 'close')
        return value === 'open' && event.at >= context.expiresAt ? ALLOW : deny('instance-ended');
      return event.deadline === 'approve' &&
        (dueApprovals(context, event.at).length > 0 || dueTiers(context, event.at).length > 0)
        ? ALLOW
        : deny('not-rewardable');
  }
}

import type { Fen } from '../../primitives/money.js';
import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import { type GroupBuyRules, leaderPrice } from './schema.js';

export type MemberStatus = 'pending' | 'paid' | 'refunded';

export interface Member {
  readonly id: string;
  readonly joinedAt: number;
  readonly status: MemberStatus;
  /** A pending member holds the seat until then. */
  readonly holdUntil: number | null;
  readonly orderId: string | null;
  readonly priceFen: Fen;
}

export type GroupBuyStateValue = 'forming' | 'succeeded' | 'failed';

export interface GroupBuyContext extends InstanceBasics<GroupBuyRules> {
  /** The current leader; `initiator` launched the group (and is what anti-abuse checks). */
  readonly leader: string;
  /** In join order. Members who left are removed; refunded members stay, marked. */
  readonly members: readonly Member[];
  /** Seats filled virtually at timeout (disclosed). */
  readonly virtualMembers: number;
}

export type GroupBuyState = InstanceState<GroupBuyContext> & { readonly value: GroupBuyStateValue };

export type GroupBuyEvent =
  | (EventEnvelope & { readonly type: 'group-buy.join' })
  | (EventEnvelope & { readonly type: 'group-buy.pay'; readonly orderId: string })
  | (EventEnvelope & { readonly type: 'group-buy.leave' })
  | (EventEnvelope & { readonly type: 'group-buy.refund'; readonly memberId: string })
  | (EventEnvelope & { readonly type: 'group-buy.deadline'; readonly deadline: 'expire' | 'holds' });

export const asGroupBuyEvent = (event: AppliedEvent) => event as unknown as GroupBuyEvent;

const MINUTE = 60_000;

export function newMember(
  context: Pick<GroupBuyContext, 'rules'>,
  id: string,
  at: number,
  leader: boolean,
): Member {
  return {
    id,
    joinedAt: at,
    status: 'pending',
    holdUntil: at + context.rules.payWindowMinutes * MINUTE,
    orderId: null,
    priceFen: leader ? leaderPrice(context.rules) : context.rules.groupPriceFen,
  };
}

/** Seats taken: pending and paid members (refunded ones gave theirs back only after success, when seats no longer matter). */
export const seatsTaken = (context: GroupBuyContext) =>
  context.members.filter((m) => m.status !== 'refunded').length;
export const paidCount = (context: GroupBuyContext) =>
  context.members.filter((m) => m.status === 'paid').length;

/** The earliest seat hold still running, if any. */
export function nextHoldExpiry(context: GroupBuyContext): number | null {
  let next: number | null = null;
  for (const m of context.members)
    if (m.status === 'pending' && m.holdUntil !== null && (next === null || m.holdUntil < next))
      next = m.holdUntil;
  return next;
}

/** The holder of a member's unit of stock and subsidy: what their payment takes (or the launch reserves for the opener). */
export const memberHolder = (instanceId: string, memberId: string): string => `${instanceId}:${memberId}`;

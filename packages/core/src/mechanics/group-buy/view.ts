import { maskName } from '../../primitives/mask.js';
import type { Fen } from '../../primitives/money.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import {
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import {
  type GroupBuyState,
  type GroupBuyStateValue,
  type MemberStatus,
  paidCount,
  seatsTaken,
} from './context.js';
import { joinDecision, leaveDecision, payDecision } from './decisions.js';
import { leaderPrice } from './schema.js';

/**
 * What one viewer sees of a group. JSON-serialisable.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'group-buy') console.log(view.role, view.state); // a GroupBuyView here
 */
export interface GroupBuyView {
  readonly kind: 'group-buy';
  readonly instanceId: string;
  readonly campaignId: string;
  /** `initiator` is the current leader; `helper` any other member. */
  readonly role: ViewerRole;
  readonly state: GroupBuyStateValue;
  readonly price: {
    readonly original: Fen;
    readonly group: Fen;
    /** For the member who opened the group; 0 is 团长免单. */
    readonly leader: Fen;
    readonly mine: Fen | null;
  };
  /** 新人团: who must be a new user (`rules.newUsersOnly`), null when anyone may take part. */
  readonly newUsersOnly: 'members' | 'everyone' | null;
  readonly seats: {
    readonly size: number;
    readonly taken: number;
    readonly paid: number;
    readonly left: number;
    readonly virtual: number;
  };
  /** In join order; names masked except the viewer's. */
  readonly members: readonly {
    readonly name: string;
    readonly status: MemberStatus;
    readonly leader: boolean;
  }[];
  readonly deadline: { readonly kind: 'expire' | 'pay-by'; readonly at: number } | null;
  readonly serverNow: number;
  readonly can: {
    readonly join: Availability;
    readonly pay: Availability;
    readonly leave: Availability;
    readonly invite: Availability;
  };
}

export function groupBuyView(state: GroupBuyState, viewer: Actor | null, facts: ViewFacts): GroupBuyView {
  const { value, context } = state;
  const { rules } = context;
  const viewerId = viewer?.id ?? '';
  const me = context.members.find((m) => m.id === viewerId);
  const role: ViewerRole = viewerId === context.leader ? 'initiator' : me ? 'helper' : 'visitor';
  const taken = seatsTaken(context);
  const paid = paidCount(context);
  const payBy = me?.status === 'pending' ? me.holdUntil : null;
  return {
    kind: 'group-buy',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    role,
    state: value,
    price: {
      original: rules.originalPriceFen,
      group: rules.groupPriceFen,
      leader: leaderPrice(rules),
      mine: me?.priceFen ?? null,
    },
    newUsersOnly: rules.newUsersOnly ?? null,
    seats: {
      size: rules.size,
      taken,
      paid,
      left: Math.max(0, rules.size - taken - context.virtualMembers),
      virtual: context.virtualMembers,
    },
    members: context.members.map((m) => ({
      name: m.id === viewerId ? m.id : maskName(m.id),
      status: m.status,
      leader: m.id === context.leader,
    })),
    deadline:
      value !== 'forming'
        ? null
        : payBy !== null
          ? { kind: 'pay-by', at: Math.min(payBy, context.expiresAt) }
          : { kind: 'expire', at: context.expiresAt },
    serverNow: facts.now,
    can: {
      join: toAvailability(joinDecision(value, context, viewer ?? { id: '' }, facts.now)),
      pay: toAvailability(payDecision(value, context, viewerId, facts.now)),
      leave: toAvailability(leaveDecision(value, context, viewerId)),
      invite: me
        ? value === 'forming' && facts.now < context.expiresAt
          ? { allowed: true }
          : { allowed: false, reason: 'instance-ended' }
        : inviteAvailability(role, false),
    },
  };
}

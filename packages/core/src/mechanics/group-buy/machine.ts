import { and, assign, setup } from 'xstate';
import { offerReleases } from '../shared/binding-offer.js';
import {
  type GroupBuyContext,
  type GroupBuyEvent,
  type GroupBuyStateValue,
  type Member,
  memberHolder,
  newMember,
  nextHoldExpiry,
  paidCount,
} from './context.js';
import { joinDecision, leaveDecision, payDecision, refundDecision } from './decisions.js';

type Effect = { type: string } & Record<string, unknown>;
type Release = { counter: string; holder: string };
type In = { in: GroupBuyStateValue };
type Args = { context: GroupBuyContext; event: GroupBuyEvent };

const refundDue = (m: Member): Effect => ({
  type: 'group-buy.refund-due',
  memberId: m.id,
  orderId: m.orderId,
  amountFen: m.priceFen,
});
/** Refunds owed to these members: none for a ¥0.00 order (团长免单), which took no money. */
const refundsDue = (members: readonly Member[]): Effect[] =>
  members.filter((m) => m.priceFen > 0).map(refundDue);
/**
 * A seat given up: the member's group allowance, and the unit and subsidy reserved for the seat (by the launch for
 * the opener and by the join for the others, consumed by the payment; a give of what a member has not reserved, as
 * for a seat taken before binding offers existed, changes nothing).
 */
const seatRelease = (c: GroupBuyContext, m: Member): Release[] => [
  { counter: `${c.campaignId}:groups:${m.id}`, holder: c.instanceId },
  ...paidRelease(c, m.id),
];
/** What is reserved for a seat: a unit of stock and its subsidy from the budget. */
const paidRelease = (c: GroupBuyContext, memberId: string): Release[] =>
  offerReleases(c.campaignId, memberHolder(c.instanceId, memberId));

/** Removes members; if the leader is among them, leadership passes to the earliest member who stays. */
function without(context: GroupBuyContext, leaving: (m: Member) => boolean) {
  const members = context.members.filter((m) => !leaving(m));
  const leaderLeaves = context.members.some((m) => m.id === context.leader && leaving(m));
  const leader = leaderLeaves ? (members[0]?.id ?? context.leader) : context.leader;
  return { members, leader };
}

function leaderChange(context: GroupBuyContext, after: { leader: string }): Effect[] {
  return after.leader === context.leader
    ? []
    : [{ type: 'group-buy.leader-changed', from: context.leader, to: after.leader }];
}

const holdsOver = (at: number) => (m: Member) =>
  m.status === 'pending' && m.holdUntil !== null && m.holdUntil <= at;

/** Effects and releases, computed from the context before the change they describe. */
const leaveEffects = {
  type: 'effects' as const,
  params: ({ context, event }: Args): Effect[] => {
    const member = context.members.find((m) => m.id === event.actor.id);
    const after = without(context, (m) => m.id === event.actor.id);
    return [
      { type: 'group-buy.left', memberId: event.actor.id },
      ...(member?.status === 'paid' ? refundsDue([member]) : []),
      ...leaderChange(context, after),
    ];
  },
};
const leaveReleases = {
  type: 'release' as const,
  params: ({ context, event }: Args): Release[] =>
    context.members.filter((m) => m.id === event.actor.id).flatMap((m) => seatRelease(context, m)),
};
const holdEffects = {
  type: 'effects' as const,
  params: ({ context, event }: Args): Effect[] => [
    ...context.members
      .filter(holdsOver(event.at))
      .map((m) => ({ type: 'group-buy.seat-released', memberId: m.id })),
    ...leaderChange(context, without(context, holdsOver(event.at))),
  ],
};
const holdReleases = {
  type: 'release' as const,
  params: ({ context, event }: Args): Release[] =>
    context.members.filter(holdsOver(event.at)).flatMap((m) => seatRelease(context, m)),
};
/** A failed group: every paid member is refunded on their own order (never the leader's order for all). */
const failEffects = {
  type: 'effects' as const,
  params: ({ context }: Args): Effect[] => [
    ...refundsDue(context.members.filter((m) => m.status === 'paid')),
    { type: 'group-buy.failed', paid: paidCount(context), size: context.rules.size },
  ],
};
const failReleases = {
  type: 'release' as const,
  params: ({ context }: Args): Release[] => context.members.flatMap((m) => seatRelease(context, m)),
};
const succeededEffect = {
  type: 'effects' as const,
  params: ({ context }: Args): Effect[] => [
    {
      type: 'group-buy.succeeded',
      rewardId: context.rules.rewardId,
      members: context.members
        .filter((m) => m.status === 'paid')
        .map((m) => ({ id: m.id, orderId: m.orderId, priceFen: m.priceFen })),
      virtualMembers: context.virtualMembers,
    },
  ],
};
/** At a virtual-fill success, members still pending lose their seats. */
const unpaidReleases = {
  type: 'release' as const,
  params: ({ context }: Args): Release[] =>
    context.members.filter((m) => m.status === 'pending').flatMap((m) => seatRelease(context, m)),
};

/**
 * 拼 group buy: members join (holding a seat for the pay window), pay, and the group succeeds when every seat is
 * paid — or, with virtual-fill, when time runs out with enough paid members (the virtual seats are disclosed).
 * A failed group refunds each paid member on their own order; a member who leaves is refunded; a leaving leader
 * passes leadership to the earliest member who stays.
 */
export const groupBuyMachine = setup({
  types: { context: {} as GroupBuyContext, events: {} as GroupBuyEvent, input: {} as GroupBuyContext },
  guards: {
    canJoin: ({ context, event }, p: In) => joinDecision(p.in, context, event.actor, event.at).ok,
    canPay: ({ context, event }, p: In) => payDecision(p.in, context, event.actor.id, event.at).ok,
    payCompletes: ({ context }) => paidCount(context) + 1 >= context.rules.size,
    canLeave: ({ context, event }, p: In) => leaveDecision(p.in, context, event.actor.id).ok,
    lastMember: ({ context }) => context.members.length === 1,
    canRefund: ({ context, event }) =>
      event.type === 'group-buy.refund' &&
      refundDecision('succeeded', context, event.actor, event.memberId).ok,
    holdsDue: ({ context, event }) => {
      const next = nextHoldExpiry(context);
      return (
        event.type === 'group-buy.deadline' && event.deadline === 'holds' && next !== null && event.at >= next
      );
    },
    expireDue: ({ context, event }) =>
      event.type === 'group-buy.deadline' && event.deadline === 'expire' && event.at >= context.expiresAt,
    virtualFill: ({ context }) =>
      context.rules.onTimeout === 'virtual-fill' &&
      paidCount(context) >= (context.rules.virtualFillThreshold ?? context.rules.size),
  },
  actions: {
    effect: (_, _effect: Effect) => {},
    effects: (_, _effects: Effect[]) => {},
    release: (_, _releases: Release[]) => {},
    join: assign({
      members: ({ context, event }) => [
        ...context.members,
        newMember(context, event.actor.id, event.at, false),
      ],
    }),
    pay: assign({
      members: ({ context, event }) =>
        context.members.map((m) =>
          m.id === event.actor.id && event.type === 'group-buy.pay'
            ? { ...m, status: 'paid' as const, holdUntil: null, orderId: event.orderId }
            : m,
        ),
    }),
    leave: assign(({ context, event }) => without(context, (m) => m.id === event.actor.id)),
    expireHolds: assign(({ context, event }) => without(context, holdsOver(event.at))),
    fillVirtually: assign(({ context }) => ({
      virtualMembers: context.rules.size - paidCount(context),
      members: context.members.filter((m) => m.status === 'paid'),
    })),
    refund: assign({
      members: ({ context, event }) =>
        context.members.map((m) =>
          event.type === 'group-buy.refund' && m.id === event.memberId
            ? { ...m, status: 'refunded' as const }
            : m,
        ),
    }),
  },
}).createMachine({
  id: 'group-buy',
  context: ({ input }) => input,
  initial: 'forming',
  states: {
    forming: {
      on: {
        'group-buy.join': {
          guard: { type: 'canJoin', params: { in: 'forming' } },
          actions: [
            'join',
            {
              type: 'effect',
              params: ({ event }) => ({ type: 'group-buy.joined', memberId: event.actor.id }),
            },
          ],
        },
        'group-buy.pay': [
          {
            guard: and([{ type: 'canPay', params: { in: 'forming' as const } }, 'payCompletes']),
            target: 'succeeded',
            actions: ['pay', succeededEffect],
          },
          {
            guard: { type: 'canPay', params: { in: 'forming' } },
            actions: [
              'pay',
              {
                type: 'effect',
                params: ({ event }) => ({ type: 'group-buy.paid', memberId: event.actor.id }),
              },
            ],
          },
        ],
        'group-buy.leave': [
          {
            guard: and([{ type: 'canLeave', params: { in: 'forming' as const } }, 'lastMember']),
            target: 'failed',
            actions: [leaveEffects, leaveReleases, 'leave'],
          },
          {
            guard: { type: 'canLeave', params: { in: 'forming' } },
            actions: [leaveEffects, leaveReleases, 'leave'],
          },
        ],
        'group-buy.deadline': [
          { guard: 'holdsDue', actions: [holdEffects, holdReleases, 'expireHolds'] },
          {
            guard: and(['expireDue', 'virtualFill']),
            target: 'succeeded',
            actions: [unpaidReleases, 'fillVirtually', succeededEffect],
          },
          { guard: 'expireDue', target: 'failed', actions: [failEffects, failReleases] },
        ],
      },
    },
    succeeded: {
      on: {
        'group-buy.refund': {
          guard: 'canRefund',
          actions: [
            {
              type: 'effects',
              params: ({ context, event }) =>
                refundsDue(
                  context.members.filter((m) => event.type === 'group-buy.refund' && m.id === event.memberId),
                ),
            },
            {
              type: 'release',
              params: ({ context, event }) =>
                event.type === 'group-buy.refund' ? paidRelease(context, event.memberId) : [],
            },
            'refund',
          ],
        },
      },
    },
    failed: { type: 'final' },
  },
});

import { and, assign, setup } from 'xstate';
import {
  isOpenProposal,
  itemCounter,
  nextProposalExpiry,
  type Proposal,
  type SwapContext,
  type SwapEvent,
  type SwapStateValue,
} from './context.js';
import {
  acceptDecision,
  cancelDecision,
  confirmDecision,
  counterDecision,
  proposeDecision,
  withdrawDecision,
} from './decisions.js';

type Effect = { type: string } & Record<string, unknown>;
type Release = { counter: string; holder: string };
type In = { in: SwapStateValue };
type Args = { context: SwapContext; event: SwapEvent };

const MINUTE = 60_000;
const idOf = (event: SwapEvent) => ('proposalId' in event ? event.proposalId : '');
const setStatus = (context: SwapContext, pick: (p: Proposal) => boolean, status: Proposal['status']) =>
  context.proposals.map((p) => (pick(p) ? { ...p, status } : p));
const acceptedProposal = (context: SwapContext) =>
  context.proposals.find((p) => p.id === context.accepted?.proposalId);

/** The two promises an accepted swap holds: the listed item and the offered one. */
function promiseReleases(context: SwapContext): Release[] {
  const p = acceptedProposal(context);
  if (!p) return [];
  const holder = `${context.instanceId}:${p.id}`;
  return [
    { counter: itemCounter(context.campaignId, context.item.id), holder },
    { counter: itemCounter(context.campaignId, p.offer.id), holder },
  ];
}
const releasePromises = { type: 'release' as const, params: ({ context }: Args) => promiseReleases(context) };
const statusEffects = (type: string, pick: (p: Proposal) => boolean) => ({
  type: 'effects' as const,
  params: ({ context }: Args): Effect[] =>
    context.proposals.filter(pick).map((p) => ({ type, proposalId: p.id, proposer: p.proposer })),
});

/**
 * 换 swap: a listing receives proposals (an item for an item); the owner accepts one or counters it; an accepted
 * swap promises both items (no item is ever promised to two swaps, across listings) until both sides confirm the
 * handover, or the handover window lapses and the listing reopens.
 */
export const swapMachine = setup({
  types: { context: {} as SwapContext, events: {} as SwapEvent, input: {} as SwapContext },
  guards: {
    canPropose: ({ context, event }) => proposeDecision('open', context, event.actor.id, event.at).ok,
    canCounter: ({ context, event }) =>
      counterDecision('open', context, event.actor.id, idOf(event), event.at).ok,
    canAccept: ({ context, event }) =>
      acceptDecision('open', context, event.actor.id, idOf(event), event.at).ok,
    canWithdraw: ({ context, event }, p: In) =>
      withdrawDecision(p.in, context, event.actor.id, idOf(event)).ok,
    canConfirm: ({ context, event }) => confirmDecision('reserved', context, event.actor.id, event.at).ok,
    bothConfirmed: ({ context }) => (context.accepted?.confirmed.length ?? 0) + 1 >= 2,
    canCancel: ({ context, event }, p: In) => cancelDecision(p.in, context, event.actor.id).ok,
    expireDue: ({ context, event }) =>
      event.type === 'swap.deadline' && event.deadline === 'expire' && event.at >= context.expiresAt,
    proposalsDue: ({ context, event }) => {
      const next = nextProposalExpiry(context);
      return (
        event.type === 'swap.deadline' && event.deadline === 'proposals' && next !== null && event.at >= next
      );
    },
    handoverDue: ({ context, event }) =>
      event.type === 'swap.deadline' &&
      event.deadline === 'handover' &&
      context.accepted !== null &&
      event.at >= context.accepted.until,
  },
  actions: {
    effect: (_, _effect: Effect) => {},
    effects: (_, _effects: Effect[]) => {},
    release: (_, _releases: Release[]) => {},
    propose: assign({
      proposals: ({ context, event }) => [
        ...context.proposals,
        {
          id: event.eventId,
          proposer: event.actor.id,
          offer: (event as Extract<SwapEvent, { type: 'swap.propose' }>).offer,
          status: 'pending' as const,
          at: event.at,
          expiresAt: event.at + context.rules.proposalTtlMinutes * MINUTE,
          counterNote: null,
        },
      ],
    }),
    counter: assign({
      proposals: ({ context, event }) =>
        context.proposals.map((p) =>
          p.id === idOf(event)
            ? {
                ...p,
                status: 'countered' as const,
                counterNote: (event as { note: string }).note,
                expiresAt: event.at + context.rules.proposalTtlMinutes * MINUTE,
              }
            : p,
        ),
    }),
    accept: assign(({ context, event }) => ({
      proposals: context.proposals.map((p) =>
        p.id === idOf(event)
          ? { ...p, status: 'accepted' as const }
          : isOpenProposal(p)
            ? { ...p, status: 'declined' as const }
            : p,
      ),
      accepted: {
        proposalId: idOf(event),
        until: event.at + context.rules.handoverMinutes * MINUTE,
        confirmed: [],
      },
    })),
    withdrawOpen: assign({
      proposals: ({ context, event }) => setStatus(context, (p) => p.id === idOf(event), 'withdrawn'),
    }),
    withdrawAccepted: assign(({ context }) => ({
      proposals: setStatus(context, (p) => p.id === context.accepted?.proposalId, 'withdrawn'),
      accepted: null,
    })),
    confirm: assign({
      accepted: ({ context, event }) =>
        context.accepted
          ? { ...context.accepted, confirmed: [...context.accepted.confirmed, event.actor.id] }
          : null,
    }),
    complete: assign({
      proposals: ({ context }) =>
        setStatus(context, (p) => p.id === context.accepted?.proposalId, 'completed'),
    }),
    lapse: assign(({ context }) => ({
      proposals: setStatus(context, (p) => p.id === context.accepted?.proposalId, 'lapsed'),
      accepted: null,
    })),
    declineOpen: assign({ proposals: ({ context }) => setStatus(context, isOpenProposal, 'declined') }),
    expireOpen: assign({ proposals: ({ context }) => setStatus(context, isOpenProposal, 'expired') }),
    expireDueProposals: assign({
      proposals: ({ context, event }) =>
        setStatus(context, (p) => isOpenProposal(p) && p.expiresAt <= event.at, 'expired'),
    }),
  },
}).createMachine({
  id: 'swap',
  context: ({ input }) => input,
  initial: 'open',
  states: {
    open: {
      on: {
        'swap.propose': {
          guard: 'canPropose',
          actions: [
            'propose',
            {
              type: 'effect',
              params: ({ event }) => ({
                type: 'swap.proposed',
                proposalId: event.eventId,
                proposer: event.actor.id,
              }),
            },
          ],
        },
        'swap.counter': {
          guard: 'canCounter',
          actions: [
            'counter',
            { type: 'effect', params: ({ event }) => ({ type: 'swap.countered', proposalId: idOf(event) }) },
          ],
        },
        'swap.accept': {
          guard: 'canAccept',
          target: 'reserved',
          actions: [
            statusEffects('swap.declined', (p) => isOpenProposal(p)),
            'accept',
            {
              type: 'effect',
              params: ({ context }) => {
                const p = acceptedProposal(context);
                return {
                  type: 'swap.accepted',
                  proposalId: p?.id,
                  proposer: p?.proposer,
                  offerItemId: p?.offer.id,
                  listedItemId: context.item.id,
                  until: context.accepted?.until,
                };
              },
            },
          ],
        },
        'swap.withdraw': {
          guard: { type: 'canWithdraw', params: { in: 'open' } },
          actions: [
            'withdrawOpen',
            { type: 'effect', params: ({ event }) => ({ type: 'swap.withdrawn', proposalId: idOf(event) }) },
          ],
        },
        'swap.cancel': {
          guard: { type: 'canCancel', params: { in: 'open' } },
          target: 'cancelled',
          actions: [statusEffects('swap.declined', isOpenProposal), 'declineOpen'],
        },
        'swap.deadline': [
          { guard: 'proposalsDue', actions: 'expireDueProposals' },
          { guard: 'expireDue', target: 'expired', actions: 'expireOpen' },
        ],
      },
    },
    reserved: {
      on: {
        'swap.confirm': [
          {
            guard: and(['canConfirm', 'bothConfirmed']),
            target: 'completed',
            actions: ['confirm', 'complete'],
          },
          {
            guard: 'canConfirm',
            actions: [
              'confirm',
              { type: 'effect', params: ({ event }) => ({ type: 'swap.confirmed', by: event.actor.id }) },
            ],
          },
        ],
        'swap.withdraw': {
          guard: { type: 'canWithdraw', params: { in: 'reserved' } },
          target: 'open',
          actions: [
            releasePromises,
            'withdrawAccepted',
            { type: 'effect', params: ({ event }) => ({ type: 'swap.withdrawn', proposalId: idOf(event) }) },
          ],
        },
        'swap.cancel': {
          guard: { type: 'canCancel', params: { in: 'reserved' } },
          target: 'cancelled',
          actions: [
            releasePromises,
            {
              type: 'effect',
              params: ({ context }) => ({ type: 'swap.cancelled', proposalId: context.accepted?.proposalId }),
            },
          ],
        },
        'swap.deadline': {
          guard: 'handoverDue',
          target: 'open',
          actions: [
            releasePromises,
            {
              type: 'effect',
              params: ({ context }) => ({ type: 'swap.lapsed', proposalId: context.accepted?.proposalId }),
            },
            'lapse',
          ],
        },
      },
    },
    completed: {
      type: 'final',
      entry: {
        type: 'effect',
        params: ({ context }) => {
          const p = acceptedProposal(context);
          return {
            type: 'swap.completed',
            owner: context.initiator,
            listedItemId: context.item.id,
            proposer: p?.proposer,
            offerItemId: p?.offer.id,
          };
        },
      },
    },
    cancelled: { type: 'final' },
    expired: { type: 'final' },
  },
});

import { and, assign, setup } from 'xstate';
import type { EffectDraft, Release } from '../../engine/machine-step.js';
import {
  type LedgerEntry,
  type Referral,
  type ReferralContext,
  type ReferralEvent,
  type ReferralStateValue,
  referralOf,
} from './context.js';
import { decide, dueApprovals, referralByAccept } from './decisions.js';
import { conversionReleases, newEntries, recipientOf, referrerEarns, slotHolder } from './ledger.js';
import { approveTiers, tierStep } from './tiers.js';

type In = { in: ReferralStateValue };
type Args = { context: ReferralContext; event: ReferralEvent };

const refereeOf = (event: ReferralEvent): string =>
  event.type === 'referral.accept' ? event.actor.id : 'referee' in event ? event.referee : '';

/** Replaces one friend's referral. */
const updateReferral = (context: ReferralContext, referee: string, change: (r: Referral) => Referral) =>
  context.referrals.map((r) => (r.referee === referee ? change(r) : r));

const approvedEffect = (context: ReferralContext, referral: Referral, entry: LedgerEntry): EffectDraft => ({
  type: 'referral.reward-approved',
  referee: referral.referee,
  side: entry.side,
  rewardId: entry.rewardId,
  recipient: recipientOf(context, referral, entry.side),
});

/** Effects of a step, computed from the context before it. */
function stepEffects({ context, event }: Args): EffectDraft[] {
  const referee = refereeOf(event);
  switch (event.type) {
    case 'referral.accept': {
      const referral: Referral = {
        referee,
        acceptedAt: event.at,
        convertedAt: null,
        refunded: false,
        ledger: [],
      };
      return [
        { type: 'referral.accepted', referee },
        ...newEntries(context.rules, 'upfront', event.at).map((e) => approvedEffect(context, referral, e)),
        // Taken over by another invite before this accept committed here: it lands already moved.
        ...(context.movedAway?.includes(event.eventId) ? [{ type: 'referral.moved', referee }] : []),
      ];
    }
    case 'referral.convert': {
      const referral = referralOf(context, referee) as Referral;
      return [
        {
          type: 'referral.converted',
          referee,
          trigger: context.rules.trigger,
          ...(event.orderFen !== undefined && { orderFen: event.orderFen }),
        },
        ...newEntries(context.rules, 'on-conversion', event.at, !referrerEarns(context)).map((e) =>
          e.status === 'approved'
            ? approvedEffect(context, referral, e)
            : {
                type: 'referral.reward-pending',
                referee,
                side: e.side,
                rewardId: e.rewardId,
                approvesAt: e.approvesAt,
              },
        ),
        ...tierStep(context, 1, event.at).effects,
      ];
    }
    case 'referral.refund': {
      const referral = referralOf(context, referee) as Referral;
      const tiers = tierStep(context, -1, event.at).effects;
      return referral.ledger
        .flatMap((e): EffectDraft[] => {
          const reward = {
            referee,
            side: e.side,
            rewardId: e.rewardId,
            recipient: recipientOf(context, referral, e.side),
          };
          if (e.status === 'pending') return [{ type: 'referral.reward-reversed', ...reward }];
          if (e.status === 'approved' || e.status === 'issued')
            return [{ type: 'referral.reward-clawback', ...reward }];
          return [];
        })
        .concat(tiers);
    }
    case 'referral.approve': {
      const referral = referralOf(context, referee) as Referral;
      const entry = referral.ledger.find((e) => e.side === event.side) as LedgerEntry;
      return [approvedEffect(context, referral, entry)];
    }
    case 'referral.moved':
      // For an accept not committed here yet, the effect comes when it does.
      return referralByAccept(context, event.acceptEventId) ? [{ type: 'referral.moved', referee }] : [];
    case 'referral.deadline':
      return [
        ...dueApprovals(context, event.at).map(({ referee: who, side }) => {
          const referral = referralOf(context, who) as Referral;
          return approvedEffect(
            context,
            referral,
            referral.ledger.find((e) => e.side === side) as LedgerEntry,
          );
        }),
        ...approveTiers(context, event.at).effects,
      ];
    default:
      return [];
  }
}

/** The tiers field of a context, only when the campaign has tiers (older snapshots and others stay as they were). */
const withTiers = (context: ReferralContext, tiers: ReferralContext['tiers']): Partial<ReferralContext> =>
  context.rules.referrerTiers === undefined ? {} : { tiers: tiers ?? [] };

/** The new context of a step. */
function stepContext({ context, event }: Args): Partial<ReferralContext> {
  const referee = refereeOf(event);
  switch (event.type) {
    case 'referral.accept': {
      const ledger = newEntries(context.rules, 'upfront', event.at);
      const referral: Referral = {
        referee,
        acceptedAt: event.at,
        convertedAt: null,
        refunded: false,
        ledger,
        ...(context.rules.attribution === 'last-touch' && {
          slot: slotHolder(context.rules, context.instanceId, event.eventId),
        }),
        ...(context.movedAway?.includes(event.eventId) && { movedAt: event.at }),
      };
      const movedAway = context.movedAway?.filter((id) => id !== event.eventId);
      return { referrals: [...context.referrals, referral], ...(movedAway && { movedAway }) };
    }
    case 'referral.convert':
      return {
        ...withTiers(context, tierStep(context, 1, event.at).tiers),
        referrals: updateReferral(context, referee, (r) => ({
          ...r,
          convertedAt: event.at,
          ledger: [
            ...r.ledger,
            ...newEntries(context.rules, 'on-conversion', event.at, !referrerEarns(context)),
          ],
        })),
      };
    case 'referral.refund':
      return {
        ...withTiers(context, tierStep(context, -1, event.at).tiers),
        referrals: updateReferral(context, referee, (r) => ({
          ...r,
          refunded: true,
          ledger: r.ledger.map((e) => ({
            ...e,
            status: e.status === 'pending' ? 'reversed' : e.status === 'reversed' ? e.status : 'clawed-back',
          })),
        })),
      };
    case 'referral.approve':
      return {
        referrals: updateReferral(context, referee, (r) => ({
          ...r,
          ledger: r.ledger.map((e) => (e.side === event.side ? { ...e, status: 'approved' } : e)),
        })),
      };
    case 'referral.issued':
      return {
        referrals: updateReferral(context, referee, (r) => ({
          ...r,
          ledger: r.ledger.map((e) => (e.side === event.side ? { ...e, status: 'issued' } : e)),
        })),
      };
    case 'referral.moved': {
      const referral = referralByAccept(context, event.acceptEventId);
      if (!referral) return { movedAway: [...(context.movedAway ?? []), event.acceptEventId] };
      return { referrals: updateReferral(context, referral.referee, (r) => ({ ...r, movedAt: event.at })) };
    }
    case 'referral.deadline':
      return {
        ...withTiers(context, approveTiers(context, event.at).tiers),
        referrals: context.referrals.map((r) => ({
          ...r,
          ledger: r.ledger.map((e) =>
            e.status === 'pending' && e.approvesAt <= event.at ? { ...e, status: 'approved' } : e,
          ),
        })),
      };
    default:
      return {};
  }
}

/** A refund during the freeze returns the conversion's cap slot, stock unit and budget. */
function refundReleases({ context, event }: Args): Release[] {
  const referral = event.type === 'referral.refund' ? referralOf(context, event.referee) : undefined;
  const tiers = referral ? tierStep(context, -1, event.at).releases : [];
  return [
    ...(referral?.ledger.some((e) => e.status === 'pending') ? conversionReleases(context, referral) : []),
    ...tiers,
  ];
}

const step = [
  { type: 'effects' as const, params: stepEffects },
  { type: 'release' as const, params: refundReleases },
  'record' as const,
];
const on = (state: ReferralStateValue) => ({
  'referral.convert': { guard: { type: 'allowed' as const, params: { in: state } }, actions: step },
  'referral.refund': { guard: { type: 'allowed' as const, params: { in: state } }, actions: step },
  'referral.approve': { guard: { type: 'allowed' as const, params: { in: state } }, actions: step },
  'referral.issued': { guard: { type: 'allowed' as const, params: { in: state } }, actions: step },
  'referral.moved': { guard: { type: 'allowed' as const, params: { in: state } }, actions: step },
});

/**
 * 送 referral: a referrer's link brings in friends. Each friend is attributed to one referrer campaign-wide (the
 * first whose invite they accept); conversions reported by your back end earn rewards that wait out a freeze
 * (a refund reverses them), are approved, and are marked issued once delivered; a refund after approval claws back.
 * The link closes at its expiry; its ledger keeps running after that.
 */
export const referralMachine = setup({
  types: { context: {} as ReferralContext, events: {} as ReferralEvent, input: {} as ReferralContext },
  guards: {
    allowed: ({ context, event }, p: In) => decide(p.in, context, event).ok,
    isApproval: ({ event }) => event.type === 'referral.deadline' && event.deadline === 'approve',
  },
  actions: {
    effect: (_, _effect: EffectDraft) => {},
    effects: (_, _effects: EffectDraft[]) => {},
    release: (_, _releases: Release[]) => {},
    record: assign(stepContext),
  },
}).createMachine({
  id: 'referral',
  context: ({ input }) => input,
  initial: 'open',
  states: {
    open: {
      on: {
        'referral.accept': { guard: { type: 'allowed', params: { in: 'open' } }, actions: step },
        ...on('open'),
        'referral.close': { guard: { type: 'allowed', params: { in: 'open' } }, target: 'closed' },
        'referral.deadline': [
          { guard: and([{ type: 'allowed', params: { in: 'open' as const } }, 'isApproval']), actions: step },
          { guard: { type: 'allowed', params: { in: 'open' } }, target: 'closed' },
        ],
      },
    },
    closed: {
      entry: {
        type: 'effect',
        params: ({ context }) => ({ type: 'referral.closed', referrals: context.referrals.length }),
      },
      on: {
        ...on('closed'),
        'referral.deadline': { guard: { type: 'allowed', params: { in: 'closed' } }, actions: step },
      },
    },
  },
});

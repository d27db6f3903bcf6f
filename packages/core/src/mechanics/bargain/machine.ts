import { and, assign, setup } from 'xstate';
import type { Release } from '../../engine/machine-step.js';
import { offerReleases, subsidyRelease } from '../shared/binding-offer.js';
import { appendRecent } from '../shared/recent-activity.js';
import type { BargainContext, BargainEvent, BargainStateValue } from './context.js';
import { nextCut } from './cut-strategy.js';
import {
  cancelDecision,
  deadlineDue,
  helpDecision,
  purchasableOnTimeout,
  purchaseDecision,
} from './decisions.js';
import { earnsHelperReward, unusedSeats } from './helper-reward.js';

const MINUTE = 60_000;

type Effect = { type: string } & Record<string, unknown>;
type In = { in: BargainStateValue };

const purchasable = (context: BargainContext): Effect => ({
  type: 'bargain.purchasable',
  reason: context.purchasableBecause,
  price: context.price,
  payBy: context.payBy,
});

const finalEffect = (type: string) => ({
  type: 'effect' as const,
  params: ({ context }: { context: BargainContext }): Effect => ({
    type,
    price: context.price,
    helps: context.helps,
  }),
});

/** Entering a final state: the helper reward seats nobody took go back to the budget. */
const releaseSeats = {
  type: 'release' as const,
  params: ({ context }: { context: BargainContext }): Release[] => unusedSeats(context),
};

/** Ending without a purchase: the unit and the subsidy the launch reserved go back (see `binding-offer.ts`). */
const releaseOffer = {
  type: 'release' as const,
  params: ({ context }: { context: BargainContext }): Release[] =>
    offerReleases(context.campaignId, context.instanceId),
};

/** Purchased: the subsidy reserved at the maximum goes back; the purchase takes what it spends in the same commit. */
const releaseUnspentSubsidy = {
  type: 'release' as const,
  params: ({ context }: { context: BargainContext }): Release[] =>
    subsidyRelease(context.campaignId, context.instanceId),
};

/** 帮砍得券: the friend whose help takes a seat receives the helper reward (computed before the help counts). */
const helperRewardEffect = {
  type: 'effects' as const,
  params: ({ context, event }: { context: BargainContext; event: BargainEvent }): Effect[] =>
    earnsHelperReward(context) && context.rules.helperReward
      ? [
          {
            type: 'bargain.helper-rewarded',
            helper: event.actor.id,
            rewardId: context.rules.helperReward.rewardId,
            seat: context.helps,
          },
        ]
      : [],
};

/**
 * 砍 bargain: friends cut the price toward a floor.
 *
 * Deadlines are absolute instants in context (never relative `after` delays, which restart when a state is
 * re-entered and are not persisted by xstate); the engine turns them into durable timers and delivers
 * `bargain.deadline`. Effects are `effect` actions whose params the engine writes to the outbox.
 */
export const bargainMachine = setup({
  types: {
    context: {} as BargainContext,
    events: {} as BargainEvent,
    input: {} as BargainContext,
  },
  guards: {
    canHelp: ({ context, event }, p: In) => helpDecision(p.in, context, event.actor.id, event.at).ok,
    canPurchase: ({ context, event }, p: In) => purchaseDecision(p.in, context, event.actor.id).ok,
    canCancel: ({ context, event }, p: In) => cancelDecision(p.in, context, event.actor.id).ok,
    deadlineDue: ({ context, event }, p: In) => deadlineDue(p.in, context, event),
    timedOutPurchasable: ({ context, event }) =>
      deadlineDue('cutting', context, event) && purchasableOnTimeout(context),
    cutReachesFloor: ({ context, event }) =>
      context.price - nextCut(context, event.actor).amount === context.rules.floorPrice,
  },
  actions: {
    effect: (_, _effect: Effect) => {},
    effects: (_, _effects: Effect[]) => {},
    release: (_, _releases: Release[]) => {},
    applyCut: assign(({ context, event }) => {
      const { amount, rng } = nextCut(context, event.actor);
      const price = context.price - amount;
      const atFloor = price === context.rules.floorPrice;
      const cut = { by: event.actor.id, amount, at: event.at, newUser: event.actor.newUser === true };
      return {
        rng,
        price,
        helps: context.helps + 1,
        recent: appendRecent(context.recent, cut),
        purchasableBecause: atFloor ? ('floor' as const) : null,
        payBy: atFloor ? event.at + context.rules.payWindowMinutes * MINUTE : null,
      };
    }),
    openPayWindowAtTimeout: assign({
      purchasableBecause: 'timeout' as const,
      payBy: ({ context }) => context.expiresAt + context.rules.payWindowMinutes * MINUTE,
    }),
    recordPurchase: assign({
      purchase: ({ context, event }) => ({
        orderId: event.type === 'bargain.purchase' ? event.orderId : '',
        price: context.price,
        at: event.at,
      }),
    }),
  },
}).createMachine({
  id: 'bargain',
  context: ({ input }) => input,
  initial: 'cutting',
  states: {
    cutting: {
      on: {
        'bargain.help': [
          {
            guard: and([{ type: 'canHelp', params: { in: 'cutting' as const } }, 'cutReachesFloor']),
            target: 'purchasable',
            actions: [
              helperRewardEffect,
              'applyCut',
              { type: 'effect', params: ({ context }) => purchasable(context) },
            ],
          },
          // No target: the instance stays in `cutting` without exit or entry, one cheap microstep per help.
          {
            guard: { type: 'canHelp', params: { in: 'cutting' } },
            actions: [helperRewardEffect, 'applyCut'],
          },
        ],
        'bargain.purchase': {
          guard: { type: 'canPurchase', params: { in: 'cutting' } },
          target: 'purchased',
          actions: 'recordPurchase',
        },
        'bargain.cancel': { guard: { type: 'canCancel', params: { in: 'cutting' } }, target: 'cancelled' },
        'bargain.deadline': [
          {
            guard: 'timedOutPurchasable',
            target: 'purchasable',
            actions: [
              'openPayWindowAtTimeout',
              { type: 'effect', params: ({ context }) => purchasable(context) },
            ],
          },
          { guard: { type: 'deadlineDue', params: { in: 'cutting' } }, target: 'expired' },
        ],
      },
    },
    purchasable: {
      on: {
        'bargain.purchase': {
          guard: { type: 'canPurchase', params: { in: 'purchasable' } },
          target: 'purchased',
          actions: 'recordPurchase',
        },
        'bargain.cancel': {
          guard: { type: 'canCancel', params: { in: 'purchasable' } },
          target: 'cancelled',
        },
        'bargain.deadline': {
          guard: { type: 'deadlineDue', params: { in: 'purchasable' } },
          target: 'unpaid',
        },
      },
    },
    purchased: {
      type: 'final',
      entry: [
        releaseSeats,
        releaseUnspentSubsidy,
        {
          type: 'effect',
          params: ({ context }) => ({
            type: 'bargain.purchased',
            rewardId: context.rules.rewardId,
            orderId: context.purchase?.orderId,
            price: context.price,
            subsidy: context.rules.originalPrice - context.price,
          }),
        },
      ],
    },
    expired: { type: 'final', entry: [finalEffect('bargain.expired'), releaseSeats, releaseOffer] },
    unpaid: { type: 'final', entry: [finalEffect('bargain.unpaid'), releaseSeats, releaseOffer] },
    cancelled: { type: 'final', entry: [finalEffect('bargain.cancelled'), releaseSeats, releaseOffer] },
  },
});

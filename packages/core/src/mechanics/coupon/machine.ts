import { and, assign, setup } from 'xstate';
import { budgetCounter, stockCounter } from '../shared/instance-basics.js';
import {
  type Coupon,
  type CouponContext,
  type CouponEvent,
  type CouponStateValue,
  makeCoupon,
  nextCouponExpiry,
} from './context.js';
import { claimDecision, joinDecision, redeemDecision, revokeDecision } from './decisions.js';
import { splitPool } from './pool-split.js';
import type { PoolRules, ShareRules } from './schema.js';

type Effect = { type: string } & Record<string, unknown>;
type Release = { counter: string; holder: string };
type In = { in: CouponStateValue };
type Args = { context: CouponContext; event: CouponEvent };

const issued = (c: Coupon): Effect => ({
  type: 'coupon.issued',
  couponId: c.id,
  holder: c.holder,
  discountFen: c.discountFen,
  thresholdFen: c.thresholdFen,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
});

/** Coupons a friend's claim issues: the friend's, and the sharer's while the share can still earn one. */
function claimCoupons(
  context: CouponContext,
  friend: string,
  at: number,
): { coupons: Coupon[]; sharer: boolean } {
  const rules = context.rules as ShareRules;
  const n = context.coupons.length;
  const coupons = [makeCoupon(context, friend, rules.coupon, at, n + 1)];
  const sharer = context.sharerCoupons < rules.sharerCouponsPerShare;
  if (sharer)
    coupons.push(makeCoupon(context, context.initiator, rules.sharerCoupon ?? rules.coupon, at, n + 2));
  return { coupons, sharer };
}

/** The pool's coupons once it splits among `members`. */
function splitCoupons(
  context: CouponContext,
  members: readonly string[],
  at: number,
): { coupons: Coupon[]; rng: number } {
  const rules = context.rules as PoolRules;
  const { parts, rng } = splitPool(
    rules.amountFen,
    members.length,
    rules.minPartFen,
    rules.split,
    context.rng,
  );
  const coupons = members.map((holder, i) =>
    makeCoupon(
      context,
      holder,
      { discountFen: parts[i] as number, thresholdFen: rules.thresholdFen, validity: rules.validity },
      at,
      i + 1,
    ),
  );
  return { coupons, rng };
}

const joined = ({ context, event }: Args) => [...context.members, event.actor.id];

/** Effects computed from the context before the change they describe (placed before the assign). */
const claimEffects = {
  type: 'effects' as const,
  params: ({ context, event }: Args): Effect[] =>
    claimCoupons(context, event.actor.id, event.at).coupons.map(issued),
};
const expiryEffects = {
  type: 'effects' as const,
  params: ({ context, event }: Args): Effect[] =>
    context.coupons
      .filter((c) => c.status === 'issued' && c.validUntil <= event.at)
      .map((c) => ({ type: 'coupon.expired', couponId: c.id, holder: c.holder })),
};

/** What a failed pool gives back: its budget, and each member's stock unit and per-user allowance. */
function failedPoolReleases(context: CouponContext): Release[] {
  const releases: Release[] = [{ counter: budgetCounter(context.campaignId), holder: context.instanceId }];
  for (const member of context.members) {
    releases.push({ counter: stockCounter(context.campaignId), holder: `${context.instanceId}:${member}` });
    releases.push({ counter: `${context.campaignId}:per-user:${member}`, holder: context.instanceId });
  }
  return releases;
}

const updateCoupon = (context: CouponContext, id: string, change: Partial<Coupon>) =>
  context.coupons.map((c) => (c.id === id ? { ...c, ...change } : c));

/**
 * 券 coupon sharing and 瓜分券 pool split. A share issues coupons as friends claim; a pool issues them when it is
 * full (or, if the rules say so, splits among those who joined when time runs out). Coupons then live here until
 * each is redeemed, expired or revoked; the instance settles when none is usable any more.
 */
export const couponMachine = setup({
  types: { context: {} as CouponContext, events: {} as CouponEvent, input: {} as CouponContext },
  guards: {
    canClaim: ({ context, event }, p: In) => claimDecision(p.in, context, event.actor.id, event.at).ok,
    canJoin: ({ context, event }, p: In) => joinDecision(p.in, context, event.actor.id, event.at).ok,
    shareFull: ({ context }) => context.members.length + 1 >= (context.rules as ShareRules).friendsPerShare,
    poolFull: ({ context }) => context.members.length + 1 >= (context.rules as PoolRules).size,
    canRedeem: ({ context, event }) =>
      event.type === 'coupon.redeem' &&
      redeemDecision(context, event.actor.id, event.couponId, event.orderTotalFen, event.at).ok,
    canRevoke: ({ context, event }) =>
      event.type === 'coupon.revoke' && revokeDecision(context, event.actor, event.couponId).ok,
    openExpired: ({ context, event }) =>
      event.type === 'coupon.deadline' && event.deadline === 'expire' && event.at >= context.expiresAt,
    splitsOnTimeout: ({ context }) =>
      context.rules.mode === 'pool' &&
      context.rules.onTimeout === 'split-among-joined' &&
      context.members.length >= 2,
    isShare: ({ context }) => context.rules.mode === 'share',
    couponsDue: ({ context, event }) => {
      const next = nextCouponExpiry(context.coupons);
      return (
        event.type === 'coupon.deadline' && event.deadline === 'coupons' && next !== null && event.at >= next
      );
    },
    allSettled: ({ context }) => context.coupons.every((c) => c.status !== 'issued'),
  },
  actions: {
    effect: (_, _effect: Effect) => {},
    effects: (_, _effects: Effect[]) => {},
    release: (_, _releases: Release[]) => {},
    claim: assign(({ context, event }) => {
      const { coupons, sharer } = claimCoupons(context, event.actor.id, event.at);
      return {
        members: [...context.members, event.actor.id],
        coupons: [...context.coupons, ...coupons],
        sharerCoupons: context.sharerCoupons + (sharer ? 1 : 0),
      };
    }),
    join: assign({ members: joined }),
    split: assign(({ context, event }) => ({ ...splitCoupons(context, context.members, event.at) })),
    redeem: assign(({ context, event }) =>
      event.type === 'coupon.redeem'
        ? { coupons: updateCoupon(context, event.couponId, { status: 'redeemed', orderId: event.orderId }) }
        : {},
    ),
    revoke: assign(({ context, event }) =>
      event.type === 'coupon.revoke'
        ? { coupons: updateCoupon(context, event.couponId, { status: 'revoked' }) }
        : {},
    ),
    expireCoupons: assign(({ context, event }) => ({
      coupons: context.coupons.map((c) =>
        c.status === 'issued' && c.validUntil <= event.at ? { ...c, status: 'expired' as const } : c,
      ),
    })),
  },
}).createMachine({
  id: 'coupon',
  context: ({ input }) => input,
  initial: 'open',
  on: {
    'coupon.redeem': {
      guard: 'canRedeem',
      actions: [
        'redeem',
        {
          type: 'effect',
          params: ({ event }) => ({
            type: 'coupon.redeemed',
            couponId: (event as { couponId: string }).couponId,
            orderId: (event as { orderId: string }).orderId,
            holder: event.actor.id,
          }),
        },
      ],
    },
    'coupon.revoke': {
      guard: 'canRevoke',
      actions: [
        'revoke',
        {
          type: 'effect',
          params: ({ event }) => ({
            type: 'coupon.revoked',
            couponId: (event as { couponId: string }).couponId,
          }),
        },
      ],
    },
  },
  states: {
    open: {
      on: {
        'coupon.claim': [
          {
            guard: and([{ type: 'canClaim', params: { in: 'open' as const } }, 'shareFull']),
            target: 'closed',
            actions: [claimEffects, 'claim'],
          },
          { guard: { type: 'canClaim', params: { in: 'open' } }, actions: [claimEffects, 'claim'] },
        ],
        'coupon.join': [
          {
            guard: and([{ type: 'canJoin', params: { in: 'open' as const } }, 'poolFull']),
            target: 'closed',
            actions: [
              'join',
              'split',
              { type: 'effects', params: ({ context }) => poolSplitEffects(context) },
            ],
          },
          {
            guard: { type: 'canJoin', params: { in: 'open' } },
            actions: [
              'join',
              {
                type: 'effect',
                params: ({ context }) => ({ type: 'coupon.pool-joined', members: context.members.length }),
              },
            ],
          },
        ],
        'coupon.deadline': [
          { guard: 'couponsDue', actions: [expiryEffects, 'expireCoupons'] },
          { guard: and(['openExpired', 'isShare']), target: 'closed' },
          {
            guard: and(['openExpired', 'splitsOnTimeout']),
            target: 'closed',
            actions: ['split', { type: 'effects', params: ({ context }) => poolSplitEffects(context) }],
          },
          {
            guard: 'openExpired',
            target: 'failed',
            actions: [
              { type: 'release', params: ({ context }) => failedPoolReleases(context) },
              {
                type: 'effect',
                params: ({ context }) => ({ type: 'coupon.pool-failed', members: context.members }),
              },
            ],
          },
        ],
      },
    },
    closed: {
      always: { guard: 'allSettled', target: 'settled' },
      on: {
        'coupon.deadline': {
          guard: 'couponsDue',
          actions: [expiryEffects, 'expireCoupons'],
        },
      },
    },
    failed: { type: 'final' },
    settled: { type: 'final' },
  },
});

function poolSplitEffects(context: CouponContext): Effect[] {
  return [
    { type: 'coupon.pool-split', parts: context.coupons.map((c) => c.discountFen) },
    ...context.coupons.map(issued),
  ];
}

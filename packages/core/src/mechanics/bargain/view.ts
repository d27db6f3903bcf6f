import type { Fen } from '../../primitives/money.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import {
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import { HELPER_CLAIM } from '../shared/instance-basics.js';
import { publicRecent } from '../shared/recent-activity.js';
import type { BargainState, BargainStateValue } from './context.js';
import { cancelDecision, helpDecision, purchaseDecision } from './decisions.js';

/**
 * What one viewer sees of a bargain. JSON-serialisable; the H5 page renders only this.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'bargain') console.log(view.role, view.state); // a BargainView here
 */
export interface BargainView {
  readonly kind: 'bargain';
  readonly instanceId: string;
  readonly campaignId: string;
  readonly role: ViewerRole;
  readonly state: BargainStateValue;
  readonly price: {
    readonly original: Fen;
    readonly floor: Fen;
    readonly current: Fen;
    /** Cut so far (friends and self), exactly original − current. */
    readonly cut: Fen;
    /** Still to cut to reach the floor, exactly current − floor. */
    readonly remaining: Fen;
  };
  readonly helps: {
    readonly count: number;
    /** Friends needed to reach the floor, when the rules fix it. */
    readonly toFloor: number | null;
    /** Friends still needed, when the rules fix it. */
    readonly left: number | null;
  };
  readonly selfCut: Fen;
  readonly deadline: { readonly kind: 'expire' | 'pay-by'; readonly at: number } | null;
  readonly serverNow: number;
  /** Newest first; names masked. Only real cuts. */
  readonly recentCuts: readonly { readonly by: string; readonly amount: Fen; readonly at: number }[];
  readonly purchase: { readonly orderId: string; readonly price: Fen; readonly at: number } | null;
  /** 帮砍得券 (`rules.helperReward`): the reward and the helper seats still open, null without it. */
  readonly helperReward: {
    readonly rewardId: string;
    readonly firstHelpers: number;
    readonly left: number;
  } | null;
  readonly can: {
    readonly help: Availability;
    readonly purchase: Availability;
    readonly cancel: Availability;
    readonly invite: Availability;
  };
}

/** Projects a bargain for one viewer (or an anonymous visitor when `viewer` is null). */
export function bargainView(state: BargainState, viewer: Actor | null, facts: ViewFacts): BargainView {
  const { value, context } = state;
  const { rules } = context;
  const viewerId = viewer?.id ?? '';
  const helped = viewer !== null && facts.viewerClaims.has(HELPER_CLAIM(viewer.id));
  const role: ViewerRole = viewerId === context.initiator ? 'initiator' : helped ? 'helper' : 'visitor';
  const help = helped
    ? { allowed: false as const, reason: 'already-helped' as const }
    : toAvailability(helpDecision(value, context, viewerId, facts.now));
  const open = value === 'cutting' && facts.now < context.expiresAt;
  const deadline =
    value === 'cutting'
      ? { kind: 'expire' as const, at: context.expiresAt }
      : value === 'purchasable' && context.payBy !== null
        ? { kind: 'pay-by' as const, at: context.payBy }
        : null;
  return {
    kind: 'bargain',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    role,
    state: value,
    price: {
      original: rules.originalPrice,
      floor: rules.floorPrice,
      current: context.price,
      cut: rules.originalPrice - context.price,
      remaining: context.price - rules.floorPrice,
    },
    helps: {
      count: context.helps,
      toFloor: rules.helpersToFloor ?? null,
      left: rules.helpersToFloor === undefined ? null : Math.max(0, rules.helpersToFloor - context.helps),
    },
    selfCut: context.selfCutAmount,
    deadline,
    serverNow: facts.now,
    recentCuts: publicRecent(context.recent, viewerId).map(({ by, amount, at }) => ({ by, amount, at })),
    purchase: context.purchase,
    helperReward:
      rules.helperReward === undefined
        ? null
        : { ...rules.helperReward, left: Math.max(0, rules.helperReward.firstHelpers - context.helps) },
    can: {
      help,
      purchase: toAvailability(purchaseDecision(value, context, viewerId)),
      cancel: toAvailability(cancelDecision(value, context, viewerId)),
      invite: inviteAvailability(role, open),
    },
  };
}

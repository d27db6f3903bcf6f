import { maskName } from '../../primitives/mask.js';
import type { Fen } from '../../primitives/money.js';
import type { Actor, RejectionReason, ViewFacts } from '../mechanic.js';
import { type BargainState, type BargainStateValue, HELPER_CLAIM } from './context.js';
import { cancelDecision, helpDecision, purchaseDecision } from './decisions.js';

/** Whether the viewer may do something now, and if not, why (a reason the UI maps to copy). */
export type Availability =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: RejectionReason };

export type ViewerRole = 'initiator' | 'helper' | 'visitor';

/** What one viewer sees of a bargain. JSON-serialisable; the H5 page renders only this. */
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
  readonly can: {
    readonly help: Availability;
    readonly purchase: Availability;
    readonly cancel: Availability;
    readonly invite: Availability;
  };
}

const allowed: Availability = { allowed: true };
const toAvailability = (d: { ok: true } | { ok: false; reason: RejectionReason }): Availability =>
  d.ok ? allowed : { allowed: false, reason: d.reason };

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
    recentCuts: context.recent
      .map((cut) => ({ by: cut.by === viewerId ? cut.by : maskName(cut.by), amount: cut.amount, at: cut.at }))
      .reverse(),
    purchase: context.purchase,
    can: {
      help,
      purchase: toAvailability(purchaseDecision(value, context, viewerId)),
      cancel: toAvailability(cancelDecision(value, context, viewerId)),
      invite:
        role !== 'initiator'
          ? { allowed: false, reason: 'not-initiator' }
          : open
            ? allowed
            : { allowed: false, reason: 'instance-ended' },
    },
  };
}

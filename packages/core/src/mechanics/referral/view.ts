import { maskName } from '../../primitives/mask.js';
import type { Actor, ViewFacts } from '../mechanic.js';
import {
  type Availability,
  inviteAvailability,
  toAvailability,
  type ViewerRole,
} from '../shared/availability.js';
import type { LedgerStatus, ReferralState, ReferralStateValue, RewardSide } from './context.js';
import { acceptDecision } from './decisions.js';
import { referrerRewards } from './ledger.js';
import { standingConversions } from './tiers.js';

/**
 * What one viewer sees of a referral link. JSON-serialisable.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'referral') console.log(view.role, view.state); // a ReferralView here
 */
export interface ReferralView {
  readonly kind: 'referral';
  readonly instanceId: string;
  readonly campaignId: string;
  /** `helper` is a friend this link brought in. */
  readonly role: ViewerRole;
  readonly state: ReferralStateValue;
  readonly trigger: 'signup' | 'first-order' | 'custom';
  /** The least first order (分) that counts (`rules.minOrderFen`), null when any does. */
  readonly minOrderFen: number | null;
  readonly rewards: {
    readonly referrer: { readonly rewardId: string; readonly timing: 'upfront' | 'on-conversion' } | null;
    readonly referee: { readonly rewardId: string; readonly timing: 'upfront' | 'on-conversion' } | null;
  };
  /** Exact counts: friends brought in, converted, and rewarded conversions left under the referrer's cap. */
  readonly counts: {
    readonly accepted: number;
    /** Last-touch: friends who accepted this invite and then a later one (they count for that referrer now). */
    readonly moved: number;
    readonly converted: number;
    readonly refunded: number;
    /** Conversions that earned the referrer's reward (a refund during the freeze gives the slot back). */
    readonly rewarded: number;
    /** Referrer rewards still to earn under the cap (0 without a referrer reward). */
    readonly capLeft: number;
  };
  /** The referrer sees every friend (masked) with their rewards; a friend sees only their own entry. */
  readonly referrals: readonly {
    readonly referee: string;
    readonly me: boolean;
    readonly acceptedAt: number;
    readonly convertedAt: number | null;
    /** Last-touch: when a later invite took this friend over. */
    readonly movedAt: number | null;
    readonly ledger: readonly {
      readonly side: RewardSide;
      readonly rewardId: string;
      readonly status: LedgerStatus;
      readonly approvesAt: number;
    }[];
  }[];
  /**
   * The referrer's tiers (`rules.referrerTiers`), each with the status of its standing reward (null: not reached,
   * or lost to refunds), and the standing conversions they count.
   */
  readonly tiers: {
    readonly standing: number;
    readonly levels: readonly {
      readonly conversions: number;
      readonly rewardId: string;
      readonly status: LedgerStatus | null;
    }[];
  } | null;
  /** Referrer's rewards by ledger status (counts of entries). */
  readonly ledgerTotals: Readonly<Record<LedgerStatus, number>>;
  readonly deadline: { readonly kind: 'close'; readonly at: number } | null;
  readonly serverNow: number;
  readonly can: { readonly accept: Availability; readonly invite: Availability };
}

export function referralView(state: ReferralState, viewer: Actor | null, facts: ViewFacts): ReferralView {
  const { value, context } = state;
  const { rules } = context;
  const viewerId = viewer?.id ?? '';
  const mine = context.referrals.find((r) => r.referee === viewerId);
  const role: ViewerRole = viewerId === context.initiator ? 'initiator' : mine ? 'helper' : 'visitor';
  const visible = role === 'initiator' ? context.referrals : mine ? [mine] : [];
  const totals: Record<LedgerStatus, number> = {
    pending: 0,
    approved: 0,
    issued: 0,
    reversed: 0,
    'clawed-back': 0,
  };
  for (const r of context.referrals)
    for (const e of r.ledger) if (e.side === 'referrer') totals[e.status] += 1;
  const converted = context.referrals.filter((r) => r.convertedAt !== null);
  const refunded = converted.filter((r) => r.refunded).length;
  const open = value === 'open' && facts.now < context.expiresAt;
  return {
    kind: 'referral',
    instanceId: context.instanceId,
    campaignId: context.campaignId,
    role,
    state: value,
    trigger: rules.trigger,
    minOrderFen: rules.minOrderFen ?? null,
    rewards: { referrer: rules.referrerReward ?? null, referee: rules.refereeReward ?? null },
    counts: {
      accepted: context.referrals.length,
      moved: context.referrals.filter((r) => r.movedAt !== undefined).length,
      converted: converted.length,
      refunded,
      rewarded: referrerRewards(context),
      capLeft: rules.referrerReward ? Math.max(0, rules.capPerReferrer - referrerRewards(context)) : 0,
    },
    referrals: visible.map((r) => ({
      referee: r.referee === viewerId ? r.referee : maskName(r.referee),
      me: r.referee === viewerId,
      acceptedAt: r.acceptedAt,
      convertedAt: r.convertedAt,
      movedAt: r.movedAt ?? null,
      ledger: r.ledger,
    })),
    tiers:
      rules.referrerTiers === undefined
        ? null
        : {
            standing: standingConversions(context),
            levels: rules.referrerTiers.map((t) => ({
              ...t,
              status:
                [...(context.tiers ?? [])]
                  .reverse()
                  .find(
                    (e) =>
                      e.conversions === t.conversions &&
                      e.status !== 'reversed' &&
                      e.status !== 'clawed-back',
                  )?.status ?? null,
            })),
          },
    ledgerTotals: totals,
    deadline: value === 'open' ? { kind: 'close', at: context.expiresAt } : null,
    serverNow: facts.now,
    can: {
      accept:
        viewer === null
          ? { allowed: false, reason: 'not-applicable' }
          : toAvailability(acceptDecision(value, context, viewer, facts.now)),
      invite: inviteAvailability(role, open),
    },
  };
}

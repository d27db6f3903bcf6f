import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { ReferralRules } from './schema.js';
import type { TierEntry } from './tiers.js';

export type ReferralStateValue = 'open' | 'closed';

export type RewardSide = 'referrer' | 'referee';

/**
 * One reward in the ledger. `pending` waits out the freeze (a refund reverses it), `approved` is due to be issued,
 * `issued` was delivered (reported by your back end); a refund after approval claws it back.
 */
export type LedgerStatus = 'pending' | 'approved' | 'issued' | 'reversed' | 'clawed-back';

export interface LedgerEntry {
  readonly side: RewardSide;
  readonly rewardId: string;
  readonly status: LedgerStatus;
  /** When a pending entry is approved (conversion + freeze). */
  readonly approvesAt: number;
}

/** A friend this link brought in. */
export interface Referral {
  readonly referee: string;
  readonly acceptedAt: number;
  readonly convertedAt: number | null;
  readonly refunded: boolean;
  readonly ledger: readonly LedgerEntry[];
  /** Last-touch: when a later invite took the friend over (this link can no longer convert them). */
  readonly movedAt?: number;
  /** Last-touch: the holder of the friend's attribution slot this referral took (see `slotHolder`). */
  readonly slot?: string;
}

export interface ReferralContext extends InstanceBasics<ReferralRules> {
  /** Oldest first; bounded by `maxRefereesPerLink`. */
  readonly referrals: readonly Referral[];
  /**
   * Last-touch: accepts (event ids) whose friend another invite took over before the accept itself committed here
   * (two processes); the accept applies already moved.
   */
  readonly movedAway?: readonly string[];
  /** The referrer's tier rewards (`rules.referrerTiers`), one entry per tier granted, in the order granted. */
  readonly tiers?: readonly TierEntry[];
}

export type ReferralState = InstanceState<ReferralContext> & { readonly value: ReferralStateValue };

export type ReferralEvent =
  | (EventEnvelope & { readonly type: 'referral.accept' })
  | (EventEnvelope & {
      readonly type: 'referral.convert';
      readonly referee: string;
      readonly orderFen?: number;
    })
  | (EventEnvelope & { readonly type: 'referral.refund'; readonly referee: string })
  /** An operator approves a pending reward before its freeze ends (e.g. the order can no longer be refunded). */
  | (EventEnvelope & {
      readonly type: 'referral.approve';
      readonly referee: string;
      readonly side: RewardSide;
    })
  | (EventEnvelope & {
      readonly type: 'referral.issued';
      readonly referee: string;
      readonly side: RewardSide;
    })
  | (EventEnvelope & { readonly type: 'referral.close' })
  /** Sent by the engine to a link whose friend another link took over (last-touch); never by a client. */
  | (EventEnvelope & {
      readonly type: 'referral.moved';
      readonly referee: string;
      readonly acceptEventId: string;
    })
  | (EventEnvelope & { readonly type: 'referral.deadline'; readonly deadline: string });

export const asReferralEvent = (event: AppliedEvent) => event as unknown as ReferralEvent;

export const referralOf = (context: ReferralContext, referee: string): Referral | undefined =>
  context.referrals.find((r) => r.referee === referee);

import type { AppliedEvent, EventEnvelope, InstanceState } from '../mechanic.js';
import type { InstanceBasics } from '../shared/instance-basics.js';
import type { ReferralRules } from './schema.js';

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
}

export interface ReferralContext extends InstanceBasics<ReferralRules> {
  /** Oldest first; bounded by `maxRefereesPerLink`. */
  readonly referrals: readonly Referral[];
}

export type ReferralState = InstanceState<ReferralContext> & { readonly value: ReferralStateValue };

export type ReferralEvent =
  | (EventEnvelope & { readonly type: 'referral.accept' })
  | (EventEnvelope & { readonly type: 'referral.convert'; readonly referee: string })
  | (EventEnvelope & { readonly type: 'referral.refund'; readonly referee: string })
  | (EventEnvelope & {
      readonly type: 'referral.issued';
      readonly referee: string;
      readonly side: RewardSide;
    })
  | (EventEnvelope & { readonly type: 'referral.close' })
  | (EventEnvelope & { readonly type: 'referral.deadline'; readonly deadline: string });

export const asReferralEvent = (event: AppliedEvent) => event as unknown as ReferralEvent;

export const referralOf = (context: ReferralContext, referee: string): Referral | undefined =>
  context.referrals.find((r) => r.referee === referee);

import type { EffectDraft, Release } from '../../engine/machine-step.js';
import type { Campaign, Reservation } from '../mechanic.js';
import { budgetCounter, budgetSpend } from '../shared/instance-basics.js';
import type { LedgerStatus, ReferralContext } from './context.js';
import type { ReferralRules } from './schema.js';

const DAY = 86_400_000;

/** A referrer's tier reward (邀请满 3 人得 A): one entry per tier while it stands, in the link's context. */
export interface TierEntry {
  /** The tier's threshold: standing conversions on this link. */
  readonly conversions: number;
  readonly rewardId: string;
  readonly status: LedgerStatus;
  readonly approvesAt: number;
}

/** Statuses of a tier reward that stand (count as granted): a tier is granted at most once while one stands. */
const STANDING: ReadonlySet<LedgerStatus> = new Set(['pending', 'approved', 'issued']);

/** Conversions on this link that stand: converted and not refunded. What tiers count. */
export const standingConversions = (context: Pick<ReferralContext, 'referrals'>): number =>
  context.referrals.filter((r) => r.convertedAt !== null && !r.refunded).length;

const tiersOf = (rules: ReferralRules) => rules.referrerTiers ?? [];
const entries = (context: ReferralContext) => context.tiers ?? [];
const standingEntry = (context: ReferralContext, conversions: number) =>
  entries(context).find((e) => e.conversions === conversions && STANDING.has(e.status));

/** Tiers reached at `count` standing conversions that hold no standing reward yet. */
function reached(context: ReferralContext, count: number) {
  return tiersOf(context.rules).filter(
    (t) => t.conversions <= count && !standingEntry(context, t.conversions),
  );
}

/** Standing tier rewards whose threshold is above `count`: a refund took the link below them. */
function lost(context: ReferralContext, count: number) {
  return entries(context).filter((e) => STANDING.has(e.status) && e.conversions > count);
}

/** The budget holder of a tier's reward, so its reversal returns exactly what it took. */
export const tierHolder = (instanceId: string, conversions: number) => `${instanceId}:tier:${conversions}`;

const recipient = (context: ReferralContext) => context.initiator;

/**
 * After a conversion (`delta` 1) or a refund (`delta` -1): the tier entries and effects. A tier reached gets one
 * entry (pending through the freeze); a tier the link falls below is reversed (pending) or clawed back.
 */
export function tierStep(
  context: ReferralContext,
  delta: 1 | -1,
  at: number,
): { tiers: TierEntry[]; effects: EffectDraft[]; releases: Release[] } {
  const count = standingConversions(context) + delta;
  const freeze = context.rules.freezeDays * DAY;
  const effects: EffectDraft[] = [];
  const releases: Release[] = [];
  const fallen = new Set(lost(context, count));
  const tiers: TierEntry[] = entries(context).map((e) => {
    if (!fallen.has(e)) return e;
    const reward = { conversions: e.conversions, rewardId: e.rewardId, recipient: recipient(context) };
    if (e.status === 'pending') {
      effects.push({ type: 'referral.tier-reversed', ...reward });
      releases.push({
        counter: budgetCounter(context.campaignId),
        holder: tierHolder(context.instanceId, e.conversions),
      });
      return { ...e, status: 'reversed' };
    }
    effects.push({ type: 'referral.tier-clawback', ...reward });
    return { ...e, status: 'clawed-back' };
  });
  for (const t of delta > 0 ? reached(context, count) : []) {
    const entry: TierEntry = {
      conversions: t.conversions,
      rewardId: t.rewardId,
      status: freeze === 0 ? 'approved' : 'pending',
      approvesAt: at + freeze,
    };
    tiers.push(entry);
    effects.push({
      type: freeze === 0 ? 'referral.tier-approved' : 'referral.tier-pending',
      conversions: t.conversions,
      rewardId: t.rewardId,
      recipient: recipient(context),
      ...(freeze === 0 ? {} : { approvesAt: entry.approvesAt }),
    });
  }
  return { tiers, effects, releases };
}

/** Pending tier rewards due at `at`. */
export const dueTiers = (context: ReferralContext, at: number) =>
  entries(context).filter((e) => e.status === 'pending' && e.approvesAt <= at);

/** Approves the tier rewards due at `at`, with their effects. */
export function approveTiers(
  context: ReferralContext,
  at: number,
): { tiers: TierEntry[]; effects: EffectDraft[] } {
  const due = new Set(dueTiers(context, at));
  return {
    tiers: entries(context).map((e) => (due.has(e) ? { ...e, status: 'approved' } : e)),
    effects: [...due].map((e) => ({
      type: 'referral.tier-approved',
      conversions: e.conversions,
      rewardId: e.rewardId,
      recipient: recipient(context),
    })),
  };
}

/** The budget the tiers a conversion reaches take (their rewards' `valueFen`). */
export function tierBudget(
  campaign: Campaign<'referral', ReferralRules>,
  context: ReferralContext,
): Reservation[] {
  const value = (id: string) => campaign.rewards.find((r) => r.id === id)?.valueFen ?? 0;
  return reached(context, standingConversions(context) + 1).flatMap((t) =>
    budgetSpend(campaign, tierHolder(context.instanceId, t.conversions), value(t.rewardId)),
  );
}

/** When the earliest pending tier reward is approved, if any. */
export const nextTierApproval = (context: ReferralContext): number | null => {
  const pending = entries(context)
    .filter((e) => e.status === 'pending')
    .map((e) => e.approvesAt);
  return pending.length === 0 ? null : Math.min(...pending);
};

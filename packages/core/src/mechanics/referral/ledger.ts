import type { Release } from '../../engine/machine-step.js';
import type { Campaign, Reservation } from '../mechanic.js';
import { budgetCounter, budgetSpend, stockCounter, stockUnits } from '../shared/instance-basics.js';
import type { LedgerEntry, Referral, ReferralContext, RewardSide } from './context.js';
import type { ReferralRules } from './schema.js';
import { tierBudget } from './tiers.js';

const DAY = 86_400_000;

/**
 * Conversions on this link whose referrer reward stands (pending, approved, issued or clawed back after the
 * freeze): what `capPerReferrer` counts. A refund during the freeze gives the slot back.
 */
export const referrerRewards = (context: Pick<ReferralContext, 'referrals'>): number =>
  context.referrals.filter((r) => r.ledger.some((e) => e.side === 'referrer' && e.status !== 'reversed'))
    .length;

/**
 * Whether a conversion now earns the referrer's reward: the cap limits the referrer's rewards only, so a friend
 * converting after it is reached still receives theirs, as the rules promise.
 */
export const referrerEarns = (context: Pick<ReferralContext, 'referrals' | 'rules'>): boolean =>
  context.rules.referrerReward !== undefined && referrerRewards(context) < context.rules.capPerReferrer;

/** The rewards a step of a referral earns: at acceptance (upfront) or at conversion (`capped`: not the referrer's). */
export function rewardsEarned(
  rules: ReferralRules,
  when: 'upfront' | 'on-conversion',
  capped = false,
): { side: RewardSide; rewardId: string }[] {
  const out: { side: RewardSide; rewardId: string }[] = [];
  if (rules.referrerReward?.timing === when && !capped)
    out.push({ side: 'referrer', rewardId: rules.referrerReward.rewardId });
  if (rules.refereeReward?.timing === when)
    out.push({ side: 'referee', rewardId: rules.refereeReward.rewardId });
  return out;
}

/** Ledger entries for rewards earned at `at`: pending through the freeze (upfront ones are approved at once). */
export function newEntries(
  rules: ReferralRules,
  when: 'upfront' | 'on-conversion',
  at: number,
  capped = false,
): LedgerEntry[] {
  const freeze = when === 'upfront' ? 0 : rules.freezeDays * DAY;
  return rewardsEarned(rules, when, capped).map(({ side, rewardId }) => ({
    side,
    rewardId,
    status: freeze === 0 ? 'approved' : 'pending',
    approvesAt: at + freeze,
  }));
}

/** Who receives a reward of a side. */
export const recipientOf = (context: ReferralContext, referral: Referral, side: RewardSide) =>
  side === 'referrer' ? context.initiator : referral.referee;

/** Counter holders of one referral's rewards, so a reversal can return exactly what it took. */
export const budgetHolder = (instanceId: string, referee: string, side: RewardSide) =>
  `${instanceId}:${referee}:${side}`;
export const conversionHolder = (instanceId: string, referee: string) => `${instanceId}:${referee}`;
export const capCounter = (campaignId: string, referrer: string) => `${campaignId}:rewarded:${referrer}`;
export const referredCounter = (campaignId: string, user: string) => `${campaignId}:referred:${user}`;

/**
 * Who holds a friend's attribution slot for a link: the link itself (first-touch), or with last-touch the link and
 * the accept that took it (`<instanceId>#<eventId>`), so the link told it lost the friend knows which accept that
 * was even if that accept has not committed yet (ids never contain "#").
 */
export const slotHolder = (rules: ReferralRules, instanceId: string, acceptEventId: string) =>
  rules.attribution === 'last-touch' ? `${instanceId}#${acceptEventId}` : instanceId;

/** The link and the accept of a last-touch slot holder. */
export function splitSlotHolder(holder: string): { instanceId: string; acceptEventId: string } {
  const at = holder.indexOf('#');
  return at < 0
    ? { instanceId: holder, acceptEventId: '' }
    : { instanceId: holder.slice(0, at), acceptEventId: holder.slice(at + 1) };
}

/** The budget each reward earned at this step takes. */
export function rewardBudget(
  campaign: Campaign<'referral', ReferralRules>,
  instanceId: string,
  referee: string,
  when: 'upfront' | 'on-conversion',
  capped = false,
): Reservation[] {
  const value = (id: string) => campaign.rewards.find((r) => r.id === id)?.valueFen ?? 0;
  return rewardsEarned(campaign.rules, when, capped).flatMap(({ side, rewardId }) =>
    budgetSpend(campaign, budgetHolder(instanceId, referee, side), value(rewardId)),
  );
}

/** What a refund during the freeze gives back: the conversion's cap slot, stock unit and budget. */
export function conversionReleases(context: ReferralContext, referral: Referral): Release[] {
  const holder = conversionHolder(context.instanceId, referral.referee);
  return [
    { counter: capCounter(context.campaignId, context.initiator), holder },
    { counter: stockCounter(context.campaignId), holder },
    ...referral.ledger
      .filter((e) => e.status === 'pending')
      .map((e) => ({
        counter: budgetCounter(context.campaignId),
        holder: budgetHolder(context.instanceId, referral.referee, e.side),
      })),
  ];
}

/**
 * Reservations a conversion takes: with last-touch, the friend's attribution, settled here (refused if another
 * referrer has taken the friend over since); then, while the referrer earns (see {@link referrerEarns}), a slot of
 * the referrer's cap; a unit of stock, and its rewards' budget. Past the cap the friend's reward is still taken.
 */
export function conversionReservations(
  campaign: Campaign<'referral', ReferralRules>,
  context: ReferralContext,
  referee: string,
  at: number,
): Reservation[] {
  const holder = conversionHolder(context.instanceId, referee);
  const slot = context.referrals.find((r) => r.referee === referee)?.slot;
  const settled: Reservation[] =
    campaign.rules.attribution === 'last-touch' && slot !== undefined
      ? [
          {
            counter: referredCounter(campaign.id, referee),
            holder: slot,
            qty: 1,
            capacity: 1,
            reason: 'referred-elsewhere',
            // Through `store.reserve`: re-reserving its own replaceable hold makes the attribution final.
            mode: 'hold',
          },
        ]
      : [];
  const earns = referrerEarns(context);
  // A referrer-only campaign has nothing to give past the cap: the conversion is refused (and counts later if a
  // refund during the freeze gives a slot back).
  const cap: Reservation[] =
    earns || campaign.rules.refereeReward === undefined
      ? [
          {
            counter: capCounter(campaign.id, context.initiator),
            holder,
            qty: 1,
            capacity: campaign.rules.capPerReferrer,
            reason: 'quota-exhausted',
          },
        ]
      : [];
  return [
    ...settled,
    ...cap,
    ...stockUnits(campaign, holder, 1, at),
    ...rewardBudget(campaign, context.instanceId, referee, 'on-conversion', !earns),
    ...tierBudget(campaign, context),
  ];
}

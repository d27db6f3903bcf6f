import type { Release } from '../../engine/machine-step.js';
import type { Campaign, Reservation } from '../mechanic.js';
import { offerReservations } from '../shared/binding-offer.js';
import { budgetCounter, budgetSpend, stockCounter } from '../shared/instance-basics.js';
import type { AssistContext } from './context.js';
import type { AssistRules } from './schema.js';

/** The budget holder of a tier's reward on one assist instance (0-based tier index). */
export const tierHolder = (instanceId: string, tier: number): string => `${instanceId}:tier:${tier}`;

/** A reward's value in 分 (0 when the campaign does not price it). */
export const rewardValue = (campaign: Campaign, rewardId: string): number =>
  campaign.rewards.find((r) => r.id === rewardId)?.valueFen ?? 0;

/**
 * A binding offer for 帮 assist: at launch, the completion reward's unit of stock (under the instance, the holder
 * the completing help takes under) and every tier's reward from the budget (under each tier's holder), so a page
 * never asks friends to help toward a reward that is gone. Helper rewards (one per friend, as many as come) are not
 * reserved: they are taken at each help, and a help is refused `budget-exhausted` once the budget is spent.
 * @example assistOfferReservations(campaign, 'inst-1') // stock 1 under 'inst-1', each tier's value under 'inst-1:tier:<i>'
 */
export function assistOfferReservations(
  campaign: Campaign<'assist', AssistRules>,
  instanceId: string,
): Reservation[] {
  return [
    ...offerReservations(campaign, instanceId, 0),
    ...campaign.rules.tiers.flatMap((tier, i) =>
      budgetSpend(campaign, tierHolder(instanceId, i), rewardValue(campaign, tier.rewardId)),
    ),
  ];
}

/** Ending without completion: the unit and the rewards of the tiers not reached go back. */
export function unreachedReleases(context: AssistContext): Release[] {
  const tiers = context.rules.tiers.slice(context.tiersReached).map((_, i) => ({
    counter: budgetCounter(context.campaignId),
    holder: tierHolder(context.instanceId, context.tiersReached + i),
  }));
  return [{ counter: stockCounter(context.campaignId), holder: context.instanceId }, ...tiers];
}

import type { Release } from '../../engine/machine-step.js';
import type { Campaign, Reservation } from '../mechanic.js';
import { budgetCounter, budgetSpend } from '../shared/instance-basics.js';
import type { BargainContext } from './context.js';
import type { BargainRules } from './schema.js';

/** The budget holder of the n-th helper's reward seat (0-based) of a bargain. */
export const helperSeatHolder = (instanceId: string, n: number) => `${instanceId}:helper-reward:${n}`;

/**
 * 帮砍得券 at launch: one budget reservation per helper seat (`firstHelpers` of them, each the reward's `valueFen`),
 * so every promised helper reward is covered before anyone helps. No budget or a free reward: nothing to reserve.
 */
export function helperSeats(campaign: Campaign<'bargain', BargainRules>, instanceId: string): Reservation[] {
  const helper = campaign.rules.helperReward;
  if (!helper) return [];
  const value = campaign.rewards.find((r) => r.id === helper.rewardId)?.valueFen ?? 0;
  return Array.from({ length: helper.firstHelpers }, (_, n) =>
    budgetSpend(campaign, helperSeatHolder(instanceId, n), value),
  ).flat();
}

/** Whether the friend helping now (the `helps + 1`-th) takes a helper reward seat. */
export const earnsHelperReward = (context: BargainContext): boolean =>
  context.rules.helperReward !== undefined && context.helps < context.rules.helperReward.firstHelpers;

/** At the end of a bargain: the seats no friend took go back to the budget. */
export function unusedSeats(context: BargainContext): Release[] {
  const helper = context.rules.helperReward;
  if (!helper) return [];
  return Array.from({ length: Math.max(0, helper.firstHelpers - context.helps) }, (_, i) => ({
    counter: budgetCounter(context.campaignId),
    holder: helperSeatHolder(context.instanceId, context.helps + i),
  }));
}

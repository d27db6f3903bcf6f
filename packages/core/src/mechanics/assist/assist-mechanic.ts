import type { Mechanic, Reservation, StartArgs } from '../mechanic.js';
import {
  type AssistContext,
  type AssistState,
  asAssistEvent,
  HELPER_CLAIM,
  pointsOf,
  tiersCrossed,
} from './context.js';
import { decide } from './decisions.js';
import { discloseAssist } from './disclosure.js';
import { assistMachine } from './machine.js';
import {
  type AssistCampaign,
  type AssistRules,
  assistCampaignSchema,
  assistCommandSchema,
  goalOf,
} from './schema.js';
import { type AssistView, assistView } from './view.js';

const MINUTE = 60_000;

function initialState({ campaign, instanceId, initiator, now }: StartArgs<AssistRules>): AssistState {
  const context: AssistContext = {
    instanceId,
    campaignId: campaign.id,
    initiator: initiator.id,
    initiatorDevice: initiator.deviceId ?? null,
    rules: campaign.rules,
    startedAt: now,
    expiresAt: Math.min(now + campaign.rules.timeLimitMinutes * MINUTE, campaign.schedule.endsAt),
    points: 0,
    helps: 0,
    tiersReached: 0,
    recent: [],
  };
  return { value: 'collecting', context };
}

/** 帮 assist, assembled for the engine. */
export const assistMechanic: Mechanic<'assist', AssistRules, AssistContext, AssistView> = {
  kind: 'assist',
  campaignSchema: assistCampaignSchema,
  commandSchema: assistCommandSchema,
  machine: assistMachine,
  initialState,
  initiatorOf: (context) => ({ id: context.initiator, deviceId: context.initiatorDevice }),
  claimTakenReason: 'already-helped',
  check: (state, event) => decide((state as AssistState).value, state.context, asAssistEvent(event)),
  claims: (event) => (event.type === 'assist.help' ? [HELPER_CLAIM(event.actor.id)] : []),
  viewerClaims: (viewerId) => [HELPER_CLAIM(viewerId)],
  reservations(state, event, campaign) {
    const { context } = state;
    if (event.type !== 'assist.help') return [];
    const out: Reservation[] = [];
    const { rules } = context;
    if (rules.helperQuotaPerCampaign !== undefined) {
      out.push({
        counter: `${campaign.id}:helper-quota:${event.actor.id}`,
        holder: context.instanceId,
        qty: 1,
        capacity: rules.helperQuotaPerCampaign,
        reason: 'quota-exhausted',
      });
    }
    const after = context.points + pointsOf(rules, event.actor);
    // Every reward this help grants is paid from the budget; the completing help also takes a unit of stock.
    const budget = campaign.budget;
    if (budget !== undefined) {
      const value = (rewardId: string) => campaign.rewards.find((r) => r.id === rewardId)?.valueFen ?? 0;
      const grants = tiersCrossed(rules, context.points, after).map((tier) => ({
        holder: `${context.instanceId}:tier:${tier}`,
        qty: value((rules.tiers[tier] as { rewardId: string }).rewardId),
      }));
      if (rules.helperRewardId !== undefined)
        grants.push({
          holder: `${context.instanceId}:helper:${event.actor.id}`,
          qty: value(rules.helperRewardId),
        });
      for (const grant of grants.filter((g) => g.qty > 0)) {
        out.push({
          counter: `${campaign.id}:budget`,
          ...grant,
          capacity: budget.totalFen,
          reason: 'budget-exhausted',
        });
      }
    }
    if (campaign.stock !== undefined && context.points < goalOf(rules) && after >= goalOf(rules)) {
      out.push({
        counter: `${campaign.id}:stock`,
        holder: context.instanceId,
        qty: 1,
        capacity: campaign.stock.total,
        reason: 'sold-out',
      });
    }
    return out;
  },
  startReservations: (campaign, initiator, instanceId) => [
    {
      counter: `${campaign.id}:launches:${initiator.id}`,
      holder: instanceId,
      qty: 1,
      capacity: campaign.rules.launchesPerUser,
      reason: 'launch-limit',
    },
  ],
  isFriendAction: (type) => type === 'assist.help',
  deadlines(state) {
    return state.value === 'collecting' ? [{ name: 'expire', dueAt: state.context.expiresAt }] : [];
  },
  view: (state, viewer, facts) => assistView(state as AssistState, viewer, facts),
  disclose: (campaign, locale) => discloseAssist(campaign as AssistCampaign, locale),
};

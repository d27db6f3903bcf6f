import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, Reservation, StartArgs } from '../mechanic.js';
import {
  budgetSpend,
  expiryOf,
  HELPER_CLAIM,
  helperQuota,
  initiatorOf,
  launchedBy,
  launchLimit,
  stockUnits,
} from '../shared/instance-basics.js';
import { compareAssistRules } from './compare-rules.js';
import { type AssistContext, type AssistState, asAssistEvent, pointsOf, tiersCrossed } from './context.js';
import { decide } from './decisions.js';
import { discloseAssist } from './disclosure.js';
import { assistMachine } from './machine.js';
import { assistOfferReservations, rewardValue, tierHolder } from './offer-rewards.js';
import {
  type AssistCampaign,
  type AssistRules,
  assistCampaignSchema,
  assistCommandSchema,
  goalOf,
} from './schema.js';
import { type AssistView, assistView } from './view.js';

function initialState({ campaign, instanceId, initiator, now }: StartArgs<AssistRules>): AssistState {
  const context: AssistContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules: campaign.rules,
    startedAt: now,
    expiresAt: expiryOf(campaign, now, campaign.rules.timeLimitMinutes),
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
  initiatorOf,
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
      out.push(helperQuota(campaign, event.actor.id, context.instanceId, rules.helperQuotaPerCampaign));
    }
    const after = context.points + pointsOf(rules, event.actor);
    // Every reward this help grants is paid from the budget; the completing help also takes a unit of stock. The
    // launch reserved the tiers' rewards and the unit under these same holders, so these take nothing more.
    for (const tier of tiersCrossed(rules, context.points, after)) {
      out.push(
        ...budgetSpend(
          campaign,
          tierHolder(context.instanceId, tier),
          rewardValue(campaign, (rules.tiers[tier] as { rewardId: string }).rewardId),
        ),
      );
    }
    if (rules.helperRewardId !== undefined) {
      out.push(
        ...budgetSpend(
          campaign,
          `${context.instanceId}:helper:${event.actor.id}`,
          rewardValue(campaign, rules.helperRewardId),
        ),
      );
    }
    if (context.points < goalOf(rules) && after >= goalOf(rules))
      out.push(...stockUnits(campaign, context.instanceId, 1, event.at));
    return out;
  },
  startReservations: (campaign, initiator, instanceId) => [
    launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser),
    ...assistOfferReservations(campaign, instanceId),
  ],
  isFriendAction: (type) => isFriendAction('assist', type),
  deadlines(state) {
    return state.value === 'collecting' ? [{ name: 'expire', dueAt: state.context.expiresAt }] : [];
  },
  view: (state, viewer, facts) => assistView(state as AssistState, viewer, facts),
  disclose: (campaign, locale) => discloseAssist(campaign as AssistCampaign, locale),
  compareRules: (previous, next) => compareAssistRules(previous as AssistCampaign, next as AssistCampaign),
};

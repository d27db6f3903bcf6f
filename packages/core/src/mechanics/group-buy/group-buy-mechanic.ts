import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, Reservation, StartArgs } from '../mechanic.js';
import { offerReservations } from '../shared/binding-offer.js';
import {
  budgetSpend,
  expiryOf,
  initiatorOf,
  launchedBy,
  launchLimit,
  MEMBER_CLAIM,
  stockUnits,
} from '../shared/instance-basics.js';
import { compareGroupBuyRules } from './compare-rules.js';
import {
  asGroupBuyEvent,
  type GroupBuyContext,
  type GroupBuyState,
  memberHolder,
  newMember,
  nextHoldExpiry,
  seatsTaken,
} from './context.js';
import { decide, openDecision } from './decisions.js';
import { discloseGroupBuy } from './disclosure.js';
import { groupBuyMachine } from './machine.js';
import {
  type GroupBuyCampaign,
  type GroupBuyRules,
  groupBuyCampaignSchema,
  groupBuyCommandSchema,
  leaderPrice,
} from './schema.js';
import { type GroupBuyView, groupBuyView } from './view.js';

function initialState({ campaign, instanceId, initiator, now }: StartArgs<GroupBuyRules>): GroupBuyState {
  const rules = campaign.rules;
  const context: GroupBuyContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    leader: initiator.id,
    rules,
    startedAt: now,
    expiresAt: expiryOf(campaign, now, rules.timeLimitMinutes),
    members: [newMember({ rules }, initiator.id, now, true)],
    virtualMembers: 0,
  };
  return { value: 'forming', context };
}

const groupsOf = (campaign: GroupBuyCampaign, instanceId: string, person: string): Reservation => ({
  counter: `${campaign.id}:groups:${person}`,
  holder: instanceId,
  qty: 1,
  capacity: campaign.rules.perUserLimit,
  reason: 'quota-exhausted',
});

/** 拼 group buy, assembled for the engine. */
export const groupBuyMechanic: Mechanic<'group-buy', GroupBuyRules, GroupBuyContext, GroupBuyView> = {
  kind: 'group-buy',
  campaignSchema: groupBuyCampaignSchema,
  commandSchema: groupBuyCommandSchema,
  machine: groupBuyMachine,
  initialState,
  startDecision: (campaign, initiator) => openDecision(campaign.rules, initiator),
  initiatorOf,
  claimTakenReason: 'already-helped',
  check: (state, event) => decide((state as GroupBuyState).value, state.context, asGroupBuyEvent(event)),
  claims: (event) => (event.type === 'group-buy.join' ? [MEMBER_CLAIM(event.actor.id)] : []),
  viewerClaims: (viewerId) => [MEMBER_CLAIM(viewerId)],
  reservations(state, event, campaign) {
    const { context } = state;
    const c = campaign as GroupBuyCampaign;
    // A joiner's seat reserves their unit and subsidy for the pay window: refused at the join, never at the payment.
    if (event.type === 'group-buy.join')
      return [
        groupsOf(c, context.instanceId, event.actor.id),
        ...offerReservations(
          c,
          memberHolder(context.instanceId, event.actor.id),
          context.rules.originalPriceFen - context.rules.groupPriceFen,
        ),
      ];
    if (event.type !== 'group-buy.pay') return [];
    const member = context.members.find((m) => m.id === event.actor.id);
    const holder = memberHolder(context.instanceId, event.actor.id);
    const subsidy = context.rules.originalPriceFen - (member?.priceFen ?? context.rules.groupPriceFen);
    return [...stockUnits(c, holder, 1, event.at), ...budgetSpend(c, holder, subsidy)];
  },
  startReservations: (campaign, initiator, instanceId) => [
    launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser),
    groupsOf(campaign as GroupBuyCampaign, instanceId, initiator.id),
    // The opener's own unit and subsidy, under the holder their payment takes under (see `binding-offer.ts`).
    ...offerReservations(
      campaign,
      memberHolder(instanceId, initiator.id),
      campaign.rules.originalPriceFen - leaderPrice(campaign.rules),
    ),
  ],
  isFriendAction: (type) => isFriendAction('group-buy', type),
  overflow(campaign, event, reason) {
    if (event.type !== 'group-buy.join' || reason !== 'group-full') return 'reject';
    const policy = (campaign as GroupBuyCampaign).rules.whenFull;
    return policy === 'overflow-to-open-group'
      ? 'overflow'
      : policy === 'open-new-group'
        ? 'open-new'
        : 'reject';
  },
  listing(state) {
    const { value, context } = state as GroupBuyState;
    const taken = seatsTaken(context);
    return value === 'forming' && taken < context.rules.size ? taken : 0;
  },
  deadlines(state) {
    const { value, context } = state as GroupBuyState;
    if (value !== 'forming') return [];
    const out = [{ name: 'expire', dueAt: context.expiresAt }];
    const hold = nextHoldExpiry(context);
    if (hold !== null && hold < context.expiresAt) out.push({ name: 'holds', dueAt: hold });
    return out;
  },
  view: (state, viewer, facts) => groupBuyView(state as GroupBuyState, viewer, facts),
  disclose: (campaign, locale) => discloseGroupBuy(campaign as GroupBuyCampaign, locale),
  compareRules: (previous, next) =>
    compareGroupBuyRules(previous as GroupBuyCampaign, next as GroupBuyCampaign),
};

import { stepRandom } from '../../primitives/random.js';
import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, Reservation, StartArgs } from '../mechanic.js';
import { offerReservations } from '../shared/binding-offer.js';
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
import { compareBargainRules } from './compare-rules.js';
import { asBargainEvent, type BargainContext, type BargainState } from './context.js';
import { drawCut } from './cut-strategy.js';
import { decide } from './decisions.js';
import { discloseBargain } from './disclosure.js';
import { helperSeats } from './helper-reward.js';
import { bargainMachine } from './machine.js';
import {
  type BargainCampaign,
  type BargainRules,
  bargainCampaignSchema,
  bargainCommandSchema,
} from './schema.js';
import { type BargainView, bargainView } from './view.js';

const MINUTE = 60_000;

function initialState({ campaign, instanceId, initiator, now, seed }: StartArgs<BargainRules>): BargainState {
  const { rules } = campaign;
  const context: BargainContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules,
    startedAt: now,
    expiresAt: expiryOf(campaign, now, rules.timeLimitMinutes),
    payBy: null,
    purchasableBecause: null,
    price: rules.originalPrice,
    helps: 0,
    selfCutAmount: 0,
    recent: [],
    purchase: null,
    rng: seed,
  };
  if (!rules.selfCut) return { value: 'cutting', context };
  const random = stepRandom(seed);
  const amount = drawCut(rules, {
    remaining: rules.originalPrice - rules.floorPrice,
    cutsAfter: rules.helpersToFloor,
    u: random.value,
    newUser: false,
  });
  const price = rules.originalPrice - amount;
  const atFloor = price === rules.floorPrice;
  return {
    value: atFloor ? 'purchasable' : 'cutting',
    context: {
      ...context,
      rng: random.state,
      price,
      selfCutAmount: amount,
      recent: [{ by: initiator.id, amount, at: now, newUser: false }],
      purchasableBecause: atFloor ? 'floor' : null,
      payBy: atFloor ? now + rules.payWindowMinutes * MINUTE : null,
    },
  };
}

/** 砍 bargain, assembled for the engine. */
export const bargainMechanic: Mechanic<'bargain', BargainRules, BargainContext, BargainView> = {
  kind: 'bargain',
  campaignSchema: bargainCampaignSchema,
  commandSchema: bargainCommandSchema,
  machine: bargainMachine,
  initialState,
  initiatorOf,
  claimTakenReason: 'already-helped',
  check: (state, event) => decide((state as BargainState).value, state.context, asBargainEvent(event)),
  claims: (event) => (event.type === 'bargain.help' ? [HELPER_CLAIM(event.actor.id)] : []),
  viewerClaims: (viewerId) => [HELPER_CLAIM(viewerId)],
  reservations(state, event, campaign) {
    const { context } = state;
    const out: Reservation[] = [];
    if (event.type === 'bargain.help' && context.rules.helperQuotaPerCampaign !== undefined) {
      out.push(
        helperQuota(campaign, event.actor.id, context.instanceId, context.rules.helperQuotaPerCampaign),
      );
    }
    if (event.type === 'bargain.purchase') {
      out.push(...stockUnits(campaign, context.instanceId, 1, event.at));
      out.push(...budgetSpend(campaign, context.instanceId, context.rules.originalPrice - context.price));
    }
    return out;
  },
  startReservations: (campaign, initiator, instanceId) => [
    launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser),
    // The unit and the most subsidy the bargain can lead to (bought at the floor), reserved under the purchase's holder.
    ...offerReservations(campaign, instanceId, campaign.rules.originalPrice - campaign.rules.floorPrice),
    ...helperSeats(campaign, instanceId),
  ],
  isFriendAction: (type) => isFriendAction('bargain', type),
  deadlines(state) {
    const { value, context } = state as BargainState;
    if (value === 'cutting') return [{ name: 'expire', dueAt: context.expiresAt }];
    if (value === 'purchasable' && context.payBy !== null) return [{ name: 'pay-by', dueAt: context.payBy }];
    return [];
  },
  view: (state, viewer, facts) => bargainView(state as BargainState, viewer, facts),
  disclose: (campaign, locale) => discloseBargain(campaign as BargainCampaign, locale),
  compareRules: (previous, next) => compareBargainRules(previous as BargainCampaign, next as BargainCampaign),
};

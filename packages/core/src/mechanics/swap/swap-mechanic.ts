import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, StartArgs } from '../mechanic.js';
import { expiryOf, initiatorOf, launchedBy, launchLimit } from '../shared/instance-basics.js';
import { compareSwapRules } from './compare-rules.js';
import { asSwapEvent, itemCounter, nextProposalExpiry, type SwapContext, type SwapState } from './context.js';
import { decide } from './decisions.js';
import { discloseSwap } from './disclosure.js';
import { swapMachine } from './machine.js';
import {
  type Item,
  type SwapCampaign,
  type SwapRules,
  swapCampaignSchema,
  swapCommandSchema,
  swapStartSchema,
} from './schema.js';
import { type SwapView, swapView } from './view.js';

function initialState({ campaign, instanceId, initiator, now, input }: StartArgs<SwapRules>): SwapState {
  const context: SwapContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules: campaign.rules,
    item: (input as { item: Item }).item,
    startedAt: now,
    expiresAt: expiryOf(campaign, now, campaign.rules.timeLimitMinutes),
    proposals: [],
    accepted: null,
  };
  return { value: 'open', context };
}

/** 换 swap, assembled for the engine. */
export const swapMechanic: Mechanic<'swap', SwapRules, SwapContext, SwapView> = {
  kind: 'swap',
  campaignSchema: swapCampaignSchema,
  commandSchema: swapCommandSchema,
  startSchema: swapStartSchema,
  machine: swapMachine,
  initialState,
  initiatorOf,
  claimTakenReason: 'already-helped',
  check: (state, event) => decide((state as SwapState).value, state.context, asSwapEvent(event)),
  claims: () => [],
  viewerClaims: () => [],
  reservations(state, event, campaign) {
    if (event.type !== 'swap.accept') return [];
    const { context } = state;
    const proposal = context.proposals.find((p) => p.id === (event as { proposalId?: string }).proposalId);
    if (!proposal) return [];
    // Ownership re-check at accept: both items must still be free to promise, across every listing.
    const holder = `${context.instanceId}:${proposal.id}`;
    return [context.item.id, proposal.offer.id].map((itemId) => ({
      counter: itemCounter(campaign.id, itemId),
      holder,
      qty: 1,
      capacity: 1,
      reason: 'item-promised' as const,
    }));
  },
  startReservations: (campaign, initiator, instanceId) => [
    launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser),
  ],
  isFriendAction: (type) => isFriendAction('swap', type),
  deadlines(state) {
    const { value, context } = state as SwapState;
    if (value === 'reserved' && context.accepted)
      return [{ name: 'handover', dueAt: context.accepted.until }];
    if (value !== 'open') return [];
    const out = [{ name: 'expire', dueAt: context.expiresAt }];
    const next = nextProposalExpiry(context);
    if (next !== null && next < context.expiresAt) out.push({ name: 'proposals', dueAt: next });
    return out;
  },
  view: (state, viewer, facts) => swapView(state as SwapState, viewer, facts),
  disclose: (campaign, locale) => discloseSwap(campaign as SwapCampaign, locale),
  compareRules: (previous, next) => compareSwapRules(previous as SwapCampaign, next as SwapCampaign),
};

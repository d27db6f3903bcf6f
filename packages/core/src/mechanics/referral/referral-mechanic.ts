import { isFriendAction } from '../friend-actions.js';
import type { Mechanic, StartArgs } from '../mechanic.js';
import { expiryOf, initiatorOf, launchedBy, launchLimit, MEMBER_CLAIM } from '../shared/instance-basics.js';
import { compareReferralRules } from './compare-rules.js';
import { asReferralEvent, type ReferralContext, type ReferralState } from './context.js';
import { decide } from './decisions.js';
import { discloseReferral } from './disclosure.js';
import {
  conversionReservations,
  referredCounter,
  rewardBudget,
  slotHolder,
  splitSlotHolder,
} from './ledger.js';
import { referralMachine } from './machine.js';
import {
  type ReferralCampaign,
  type ReferralRules,
  referralCampaignSchema,
  referralCommandSchema,
} from './schema.js';
import { nextTierApproval } from './tiers.js';
import { type ReferralView, referralView } from './view.js';

function initialState({ campaign, instanceId, initiator, now }: StartArgs<ReferralRules>): ReferralState {
  const context: ReferralContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules: campaign.rules,
    startedAt: now,
    // A link accepts friends until the campaign ends; its ledger keeps running after that.
    expiresAt: expiryOf(campaign, now, Number.MAX_SAFE_INTEGER / 60_000),
    referrals: [],
  };
  return { value: 'open', context };
}

/** 送 referral, assembled for the engine. */
export const referralMechanic: Mechanic<'referral', ReferralRules, ReferralContext, ReferralView> = {
  kind: 'referral',
  campaignSchema: referralCampaignSchema,
  commandSchema: referralCommandSchema,
  machine: referralMachine,
  initialState,
  initiatorOf,
  claimTakenReason: 'already-referred',
  check: (state, event) => decide((state as ReferralState).value, state.context, asReferralEvent(event)),
  claims: (event) => (event.type === 'referral.accept' ? [MEMBER_CLAIM(event.actor.id)] : []),
  viewerClaims: (viewerId) => [MEMBER_CLAIM(viewerId)],
  reservations(state, event, campaign) {
    const { context } = state;
    if (event.type === 'referral.accept') {
      const friend = event.actor.id;
      return [
        // The campaign-wide attribution record: a friend belongs to one referrer, the first to take this slot or,
        // with last-touch, the last to take it over (until the friend converts or refers someone).
        {
          counter: referredCounter(campaign.id, friend),
          holder: slotHolder(context.rules, context.instanceId, event.eventId),
          qty: 1,
          capacity: 1,
          reason: 'already-referred',
          // First-touch: taken in the accept's commit (all or nothing with it). Last-touch: take a free slot, or find
          // who holds it and take it over once the accept has committed (through `store.reserve`).
          ...(context.rules.attribution === 'last-touch' ? { mode: 'touch' as const } : {}),
        },
        // Marks the referrer as someone who refers: if nobody referred them yet, nobody can now, and if someone
        // did, that attribution is settled (no loops either way). The link's first accepted friend took the mark;
        // later ones need not.
        ...(context.referrals.length > 0
          ? []
          : [
              {
                counter: referredCounter(campaign.id, context.initiator),
                holder: '@refers',
                qty: 1,
                capacity: 1,
                reason: 'already-referred' as const,
                optional: true,
                mode: 'settle' as const,
              },
            ]),
        ...rewardBudget(campaign, context.instanceId, friend, 'upfront'),
      ];
    }
    if (event.type === 'referral.convert' && typeof event.referee === 'string') {
      return conversionReservations(campaign, context, event.referee, event.at);
    }
    return [];
  },
  // The accept holding the friend's slot until now is told it lost them — or, when this accept could not take the
  // slot (another was quicker, or the friend's attribution became final), this accept itself.
  takenOver(event, _reservation, from) {
    if (event.type !== 'referral.accept') return null;
    const { instanceId, acceptEventId } = splitSlotHolder(from);
    return { instanceId, event: { type: 'referral.moved', referee: event.actor.id, acceptEventId } };
  },
  startReservations: (campaign, initiator, instanceId) => [
    launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser),
  ],
  isFriendAction: (type) => isFriendAction('referral', type),
  deadlines(state) {
    const { value, context } = state as ReferralState;
    const tier = nextTierApproval(context);
    const pending = [
      ...context.referrals.flatMap((r) =>
        r.ledger.filter((e) => e.status === 'pending').map((e) => e.approvesAt),
      ),
      ...(tier === null ? [] : [tier]),
    ];
    return [
      ...(value === 'open' ? [{ name: 'close', dueAt: context.expiresAt }] : []),
      ...(pending.length > 0 ? [{ name: 'approve', dueAt: Math.min(...pending) }] : []),
    ];
  },
  view: (state, viewer, facts) => referralView(state as ReferralState, viewer, facts),
  disclose: (campaign, locale) => discloseReferral(campaign as ReferralCampaign, locale),
  compareRules: (previous, next) =>
    compareReferralRules(previous as ReferralCampaign, next as ReferralCampaign),
};

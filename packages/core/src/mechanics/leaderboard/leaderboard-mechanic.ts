import { isFriendAction } from '../friend-actions.js';
import { ALLOW, deny, type Mechanic, type StartArgs } from '../mechanic.js';
import { initiatorOf, launchedBy, launchLimit, MEMBER_CLAIM } from '../shared/instance-basics.js';
import { compareLeaderboardRules } from './compare-rules.js';
import { asLeaderboardEvent, boardName, type LeaderboardContext, type LeaderboardState } from './context.js';
import { decide } from './decisions.js';
import { discloseLeaderboard } from './disclosure.js';
import { leaderboardMachine } from './machine.js';
import {
  type LeaderboardCampaign,
  type LeaderboardRules,
  lastPrizeRank,
  leaderboardCampaignSchema,
  leaderboardCommandSchema,
} from './schema.js';
import { type LeaderboardView, leaderboardView } from './view.js';
import { scoreWindow } from './window.js';

function initialState({
  campaign,
  instanceId,
  initiator,
  now,
}: StartArgs<LeaderboardRules>): LeaderboardState {
  const { rules } = campaign;
  const duel = rules.format === 'duel';
  const window = scoreWindow(rules.window, now, campaign.timezone, campaign.schedule.endsAt);
  const context: LeaderboardContext = {
    instanceId,
    campaignId: campaign.id,
    ...launchedBy(initiator),
    rules,
    startedAt: now,
    timezone: campaign.timezone,
    campaignEndsAt: campaign.schedule.endsAt,
    // A duel's window opens when the opponent joins; until then it only waits for one.
    windowStartsAt: window.startsAt,
    expiresAt: window.endsAt,
    acceptBy: duel ? Math.min(now + rules.acceptMinutes * 60_000, campaign.schedule.endsAt) : null,
    events: 0,
    points: 0,
    flagged: {},
    sides: duel
      ? [
          { id: 'a', members: [{ id: initiator.id, points: 0 }], score: 0, reachedAt: now },
          { id: 'b', members: [], score: 0, reachedAt: now },
        ]
      : null,
    scoreIntents: [],
    standings: null,
    reviewedAt: null,
    recent: [],
  };
  return { value: duel ? 'waiting' : 'live', context };
}

/** 比 leaderboard / PK, assembled for the engine. */
export const leaderboardMechanic: Mechanic<
  'leaderboard',
  LeaderboardRules,
  LeaderboardContext,
  LeaderboardView
> = {
  kind: 'leaderboard',
  campaignSchema: leaderboardCampaignSchema,
  commandSchema: leaderboardCommandSchema,
  machine: leaderboardMachine,
  initialState,
  startDecision: (campaign, initiator) =>
    campaign.rules.format === 'board' && initiator.operator !== true ? deny('not-operator') : ALLOW,
  board: {
    name: (context) => (context.sides === null ? boardName(context.campaignId, context.instanceId) : null),
    intents: (context) => context.scoreIntents,
    withoutIntents: (context) => ({ ...context, scoreIntents: [] }),
    standingsFor(state, event) {
      const { context } = state;
      if (context.sides !== null || !decide(state.value as never, context, asLeaderboardEvent(event)).ok)
        return 0;
      const approving =
        event.type === 'leaderboard.approve' ||
        (event.type === 'leaderboard.deadline' && event.deadline === 'approve');
      return approving ? lastPrizeRank(context.rules) + Object.keys(context.flagged).length : 0;
    },
    viewReads: (state, viewer) =>
      state.context.sides !== null
        ? { top: 0, members: [] }
        : {
            top: state.context.rules.showTop + Object.keys(state.context.flagged).length,
            members: [...(viewer ? [viewer.id] : []), ...Object.keys(state.context.flagged)],
          },
  },
  initiatorOf,
  claimTakenReason: 'already-joined',
  check: (state, event) =>
    decide((state as LeaderboardState).value, state.context, asLeaderboardEvent(event)),
  // A duel seat is taken once per member; score events are made idempotent by their event id (e.g. the order id).
  claims: (event) => (event.type === 'leaderboard.join' ? [MEMBER_CLAIM(event.actor.id)] : []),
  viewerClaims: () => [],
  reservations: () => [],
  startReservations: (campaign, initiator, instanceId) =>
    campaign.rules.format === 'duel'
      ? [launchLimit(campaign, initiator, instanceId, campaign.rules.launchesPerUser)]
      : [],
  isFriendAction: (type) => isFriendAction('leaderboard', type),
  deadlines(state) {
    const { value, context } = state as LeaderboardState;
    if (value === 'waiting' && context.acceptBy !== null)
      return [{ name: 'accept', dueAt: context.acceptBy }];
    if (value === 'live') return [{ name: 'freeze', dueAt: context.expiresAt }];
    if (value === 'frozen' && context.rules.approval === 'automatic')
      return [{ name: 'approve', dueAt: context.expiresAt }];
    if (value === 'reviewed' && context.reviewedAt !== null)
      return [{ name: 'settle', dueAt: context.reviewedAt + context.rules.publicationHours * 3_600_000 }];
    return [];
  },
  view: (state, viewer, facts) => leaderboardView(state as LeaderboardState, viewer, facts),
  disclose: (campaign, locale) => discloseLeaderboard(campaign as LeaderboardCampaign, locale),
  compareRules: (previous, next) =>
    compareLeaderboardRules(previous as LeaderboardCampaign, next as LeaderboardCampaign),
};

export {
  boardName,
  type LeaderboardContext,
  type LeaderboardEvent,
  type LeaderboardState,
  type LeaderboardStateValue,
  type Side,
  type SideId,
  type Standing,
} from './context.js';
export { discloseLeaderboard } from './disclosure.js';
export { leaderboardMechanic } from './leaderboard-mechanic.js';
export { leaderboardMachine } from './machine.js';
export {
  type LeaderboardCampaign,
  type LeaderboardRules,
  leaderboardCampaignSchema,
  leaderboardCommandSchema,
  leaderboardRulesSchema,
  type Prize,
} from './schema.js';
export { type LeaderboardRole, type LeaderboardView, leaderboardView, type RankedRow } from './view.js';

export { FRIEND_COMMAND, type RunOutcome, simulateRun } from './run-simulation.js';
export {
  type Band,
  band,
  type RunOut,
  type SimulationResult,
  simulateCampaign,
} from './simulate-campaign.js';
export {
  type CheckedOptions,
  checkSimulationOptions,
  impliedK,
  type SimulationOptions,
} from './simulation-options.js';

export { bargainMechanic } from './bargain-mechanic.js';
export type { BargainContext, BargainCut, BargainEvent, BargainState, BargainStateValue } from './context.js';
export {
  type CutTerms,
  cutBounds,
  cutRange,
  cutTerms,
  drawCut,
  friendsToFloorRange,
  totalCuts,
} from './cut-strategy.js';
export { discloseBargain } from './disclosure.js';
export { bargainMachine } from './machine.js';
export {
  type BargainCampaign,
  type BargainCommand,
  type BargainRules,
  bargainCampaignSchema,
  bargainCommandSchema,
  bargainRulesSchema,
  type CutRule,
} from './schema.js';
export { type BargainView, bargainView } from './view.js';

export type {
  Proposal,
  ProposalStatus,
  SwapContext,
  SwapEvent,
  SwapState,
  SwapStateValue,
} from './context.js';
export { discloseSwap } from './disclosure.js';
export { swapMachine } from './machine.js';
export {
  type Item,
  type SwapCampaign,
  type SwapRules,
  swapCampaignSchema,
  swapCommandSchema,
  swapRulesSchema,
  swapStartSchema,
} from './schema.js';
export { swapMechanic } from './swap-mechanic.js';
export { type SwapView, swapView } from './view.js';

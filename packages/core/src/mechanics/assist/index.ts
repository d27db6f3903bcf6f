export { assistMechanic } from './assist-mechanic.js';
export type { AssistContext, AssistEvent, AssistHelp, AssistState, AssistStateValue } from './context.js';
export { discloseAssist } from './disclosure.js';
export { assistMachine } from './machine.js';
export {
  type AssistCampaign,
  type AssistRules,
  assistCampaignSchema,
  assistCommandSchema,
  assistRulesSchema,
} from './schema.js';
export { type AssistView, assistView } from './view.js';

export type {
  GroupBuyContext,
  GroupBuyEvent,
  GroupBuyState,
  GroupBuyStateValue,
  Member,
  MemberStatus,
} from './context.js';
export { discloseGroupBuy } from './disclosure.js';
export { groupBuyMechanic } from './group-buy-mechanic.js';
export { groupBuyMachine } from './machine.js';
export {
  type GroupBuyCampaign,
  type GroupBuyRules,
  groupBuyCampaignSchema,
  groupBuyCommandSchema,
  groupBuyRulesSchema,
} from './schema.js';
export { type GroupBuyView, groupBuyView } from './view.js';

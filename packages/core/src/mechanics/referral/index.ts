export type {
  LedgerEntry,
  LedgerStatus,
  Referral,
  ReferralContext,
  ReferralEvent,
  ReferralState,
  ReferralStateValue,
  RewardSide,
} from './context.js';
export { discloseReferral } from './disclosure.js';
export { referralMachine } from './machine.js';
export { referralMechanic } from './referral-mechanic.js';
export {
  type ReferralCampaign,
  type ReferralRules,
  referralCampaignSchema,
  referralCommandSchema,
  referralRulesSchema,
} from './schema.js';
export { type ReferralView, referralView } from './view.js';

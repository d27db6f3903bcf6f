// `@liebian/core/mechanics`: the seven kinds inside — schemas, machines, decisions, views, disclosures, the
// registry and the campaign's field types — for renderers, tools and custom mechanics. Most apps need only the root.
export { CAMPAIGN_SCHEMA_ID } from '../campaign/campaign-json-schema.js';
export {
  type AntiAbusePolicy,
  type CampaignCommon,
  CHANNELS,
  type Channel,
  MECHANIC_KINDS,
  type Reward,
} from '../campaign/campaign-schema.js';
export { type DailyRules, dailySchema } from '../campaign/daily.js';
export { type DailyWindow, dailyWindow, type WithDaily } from '../campaign/daily-window.js';
export { type CampaignPhase, campaignPhase } from '../campaign/lifecycle.js';
export type { PageContent } from '../campaign/page-content-schema.js';
export { type PrivacyNoticeText, privacyNotice } from '../campaign/privacy-notice.js';
export { type ShareCard, shareCard } from '../campaign/share-card.js';
export { maskName } from '../primitives/mask.js';
export { type Fen, isFen, parseYuan } from '../primitives/money.js';
export {
  type CalendarPeriod,
  calendarDay,
  calendarPeriod,
  formatInstant,
  formatMinutes,
} from '../primitives/time.js';
export * from './assist/index.js';
export * from './bargain/index.js';
export * from './coupon/index.js';
export { FRIEND_ACTIONS, isFriendAction } from './friend-actions.js';
export * from './group-buy/index.js';
export * from './leaderboard/index.js';
export type {
  AnyMechanic,
  AppliedEvent,
  BoardAccess,
  Deadline,
  Decision,
  InstanceState,
  Mechanic,
  Notice,
  Reservation,
  ViewFacts,
} from './mechanic.js';
export { REJECTION_REASONS } from './mechanic.js';
export * from './referral/index.js';
export type { TierEntry } from './referral/tiers.js';
export { availableKinds, mechanicFor, mechanics } from './registry.js';
export type { Availability, ViewerRole } from './shared/availability.js';
export { machineToMermaid } from './state-diagram.js';
export * from './swap/index.js';

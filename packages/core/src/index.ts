export * from './analytics/index.js';
export {
  type AntiAbusePolicy,
  type CampaignCommon,
  CHANNELS,
  type Channel,
  MECHANIC_KINDS,
  type MechanicKind,
  type Reward,
} from './campaign/campaign-schema.js';
export { type LintFinding, lintCampaign } from './campaign/compliance-lint.js';
export {
  type AnyCampaign,
  campaignJsonSchema,
  defineCampaign,
  validateCampaign,
} from './campaign/define-campaign.js';
export { type CampaignPhase, campaignPhase } from './campaign/lifecycle.js';
export type { PageContent } from './campaign/page-content-schema.js';
export { type PrivacyNoticeText, privacyNotice } from './campaign/privacy-notice.js';
export { type ShareCard, shareCard } from './campaign/share-card.js';
export * from './consumer/index.js';
export { createEngine } from './engine/create-engine.js';
export { EVENT_RECORD, type EventRecordPayload, parseChannel } from './engine/event-record.js';
export {
  BUILT_IN_RISK_CHECKS,
  dailyCapCheck,
  newUsersOnlyCheck,
  type RiskCheck,
  type RiskContext,
  type RiskVerdict,
  selfHelpCheck,
} from './engine/risk.js';
export type {
  Command,
  Effect,
  Engine,
  EngineOptions,
  InstanceView,
  SendResult,
  SkippedTimer,
  StartResult,
} from './engine/types.js';
export { ERROR_CODES, type ErrorCode, RETRYABLE_CODES } from './errors/error-codes.js';
export { type FieldIssue, isLiebianError, LiebianError } from './errors/liebian-error.js';
export { type CorsOptions, withCors } from './http/cors.js';
export { type Client, type ClientOptions, type ClientResult, createClient } from './http/create-client.js';
export { createHandler, type HandlerOptions } from './http/create-handler.js';
export { type InviteCheck, type InviteClaims, signInvite, verifyInvite } from './http/invite-token.js';
export type { Problem } from './http/problem.js';
export { memoryRateCounter, type RateCounter, type RateLimit } from './http/rate-limiter.js';
export * from './mechanics/assist/index.js';
export * from './mechanics/bargain/index.js';
export * from './mechanics/coupon/index.js';
export * from './mechanics/group-buy/index.js';
export * from './mechanics/leaderboard/index.js';
export type {
  Actor,
  AnyMechanic,
  AppliedEvent,
  BoardAccess,
  Campaign,
  Deadline,
  Decision,
  Disclosure,
  InstanceState,
  Locale,
  Mechanic,
  Notice,
  RejectionReason,
  Reservation,
  ViewFacts,
} from './mechanics/mechanic.js';
export { REJECTION_REASONS } from './mechanics/mechanic.js';
export * from './mechanics/referral/index.js';
export { availableKinds, mechanicFor, mechanics } from './mechanics/registry.js';
export type { Availability, ViewerRole } from './mechanics/shared/availability.js';
export { machineToMermaid } from './mechanics/state-diagram.js';
export * from './mechanics/swap/index.js';
export { type Clock, createManualClock, type ManualClock, systemClock } from './primitives/clock.js';
export { type IdSource, nanoidSource, sequentialIds } from './primitives/ids.js';
export { maskName } from './primitives/mask.js';
export { type Fen, formatMoney, isFen, parseYuan } from './primitives/money.js';
export {
  drawSeed,
  intBetween,
  type RandomSource,
  seededRandom,
  stepRandom,
  systemRandom,
} from './primitives/random.js';
export { calendarDay, formatInstant, formatMinutes } from './primitives/time.js';
export * from './simulate/index.js';
export { asStoreError, DEFAULT_STORE_TIMEOUT_MS, guardStore } from './store/guarded-store.js';
export { createMemoryStore } from './store/memory-store.js';
export type {
  ClaimedTimer,
  CommitBatch,
  CommitResult,
  ConsumerAdvance,
  ConsumerLease,
  ConsumerMethods,
  ConsumerState,
  DeadLetter,
  OutboxEntry,
  OutboxItem,
  ReserveMode,
  ReserveRequest,
  ReserveResult,
  ScoreEntry,
  ScoreIncrement,
  Store,
  StoreCapabilities,
  StoredInstance,
  TimerSpec,
} from './store/store.js';

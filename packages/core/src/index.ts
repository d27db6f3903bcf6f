// `@liebian/core`: what an app needs — define a campaign, run an engine, answer HTTP, handle errors and effects.
// Internals live on subpaths: ./mechanics (the seven kinds inside), ./store (writing a store or a consumer),
// ./http (CORS), ./engine (risk checks, commands by kind), ./testing (clocks, ids, randomness), ./node.
export type { Command, CommandType } from './api/commands.js';
export { createEngine, type Engine } from './api/engine.js';
export { campaignJsonSchema } from './campaign/campaign-json-schema.js';
export type { MechanicKind } from './campaign/campaign-schema.js';
export { type LintFinding, lintCampaign } from './campaign/compliance-lint.js';
export { type AnyCampaign, defineCampaign, validateCampaign } from './campaign/define-campaign.js';
export { createConsumer } from './consumer/create-consumer.js';
export type { Consumer, ConsumerOptions } from './consumer/types.js';
export type { RiskCheck, RiskVerdict } from './engine/risk.js';
export type { Effect, EngineOptions, InstanceView, SendResult, StartResult } from './engine/types.js';
export { ERROR_CODES, type ErrorCode } from './errors/error-codes.js';
export { type FieldIssue, isLiebianError, LiebianError } from './errors/liebian-error.js';
export { type Client, type ClientResult, createClient } from './http/create-client.js';
export { createHandler, type HandlerOptions } from './http/create-handler.js';
export { type InviteClaims, signInvite, verifyInvite } from './http/invite-token.js';
export type { Problem } from './http/problem.js';
export type { AssistCampaign } from './mechanics/assist/schema.js';
export type { AssistView } from './mechanics/assist/view.js';
export type { BargainCampaign } from './mechanics/bargain/schema.js';
export type { BargainView } from './mechanics/bargain/view.js';
export type { CouponCampaign } from './mechanics/coupon/schema.js';
export type { CouponView } from './mechanics/coupon/view.js';
export type { GroupBuyCampaign } from './mechanics/group-buy/schema.js';
export type { GroupBuyView } from './mechanics/group-buy/view.js';
export type { LeaderboardCampaign } from './mechanics/leaderboard/schema.js';
export type { LeaderboardView } from './mechanics/leaderboard/view.js';
export type { Actor, Campaign, Disclosure, Locale, RejectionReason } from './mechanics/mechanic.js';
export type { ReferralCampaign } from './mechanics/referral/schema.js';
export type { ReferralView } from './mechanics/referral/view.js';
export type { SwapCampaign } from './mechanics/swap/schema.js';
export type { SwapView } from './mechanics/swap/view.js';
export type { Clock } from './primitives/clock.js';
export { formatMoney } from './primitives/money.js';
export { createMemoryStore } from './store/memory-store.js';
export type { Store } from './store/store.js';

// `@liebian/core/engine`: the engine's extension points beyond `createEngine`: the built-in risk checks, the
// untyped command contract (for a custom mechanic), commands by kind, the kinds inferred from campaigns, skipped
// timers.

export {
  BUILT_IN_RISK_CHECKS,
  dailyCapCheck,
  newUsersOnlyCheck,
  openingHoursCheck,
  type RiskContext,
  selfHelpCheck,
} from '../engine/risk.js';
export type { Command as AnyCommand, SkippedTimer } from '../engine/types.js';
export {
  AUDIT,
  type AuditEntry,
  type AuditLog,
  type AuditQuery,
  auditLog,
} from '../operator/audit-log.js';
export {
  type HeldEvent,
  REVIEWS,
  type ReviewDecision,
  type ReviewOutcome,
  type ReviewQuery,
  type ReviewStatus,
} from '../operator/review-queue.js';
export type { CommandsByKind } from './commands.js';
export type { CreateEngineOptions, KindsOf } from './engine.js';

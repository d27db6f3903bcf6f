// `@liebian/core/store`: the contract a store implements and the pieces an adapter or an effect consumer needs.
// Prove a store with `@liebian/adapters/testing`.
export * from '../consumer/index.js';
export { RETRYABLE_CODES } from '../errors/error-codes.js';
export { memoryRateCounter, type RateCounter, type RateLimit } from '../http/rate-limiter.js';
export { commitOne } from './commit-one.js';
export { asStoreError, DEFAULT_STORE_TIMEOUT_MS, guardStore } from './guarded-store.js';
export { createMemoryStore } from './memory-store.js';
export {
  hasRecords,
  MAX_RECORDS_LISTED,
  type NewRecord,
  type OperatorRecord,
  type RecordQuery,
  type RecordStore,
  type RecordUpdate,
  recordOrder,
} from './record-store.js';
export type {
  ClaimedTimer,
  CommitBatch,
  CommitRequest,
  CommitResult,
  ConsumerAdvance,
  ConsumerLease,
  ConsumerMethods,
  ConsumerState,
  CounterChange,
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
  TimerAck,
  TimerSpec,
} from './store.js';

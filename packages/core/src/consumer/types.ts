import type { Effect } from '../engine/types.js';
import type { Clock } from '../primitives/clock.js';
import type { IdSource } from '../primitives/ids.js';
import type { DeadLetter, Store } from '../store/store.js';

/** What a handler learns about the delivery besides the effect. */
export interface Delivery {
  /** 1 on the first try of this entry in this process, then 2, 3, …; a dead letter retried goes on counting. */
  readonly attempt: number;
  /** The entry's outbox cursor. */
  readonly cursor: string;
  /**
   * Aborts when the lease this delivery runs under ends (another process may then deliver the entry too). Pass it
   * to your HTTP calls or queries; a call that returns after it aborted counts as failed and is tried again.
   */
  readonly signal: AbortSignal;
}

/**
 * Acts on one effect. It must be idempotent by `effect.dedupeKey`: delivery is at least once, so after a crash or
 * a lease take-over the same effect can arrive again (e.g. `INSERT … ON CONFLICT (dedupe_key) DO NOTHING` in the
 * same transaction as the work). A throw counts as a failure and is retried with back-off.
 */
export type EffectHandler = (effect: Effect, delivery: Delivery) => Promise<void> | void;

/** Timers for the `start()` loop; injected so tests drive time themselves. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * What {@link createConsumer} delivers, to whom and how it retries.
 *
 * @example
 * const options: ConsumerOptions = { store, name: 'rewards', handler: async (effect) => grant(effect) };
 */
export interface ConsumerOptions {
  readonly store: Store;
  /** The consumer's name: its cursor, lease and dead letters live in the store under it. `[A-Za-z0-9._:-]{1,100}`. */
  readonly name: string;
  readonly handler: EffectHandler;
  /** This process's lease owner id. Default: a fresh id from `ids`. */
  readonly owner?: string;
  readonly ids?: IdSource;
  readonly clock?: Clock;
  /** Default: the global `setTimeout` / `clearTimeout`. */
  readonly scheduler?: Scheduler;
  /**
   * How long a lease lasts (default 30,000 ms). The consumer renews it before a delivery once half of it has
   * passed, so a handler call must finish within half the lease, or another process may take over meanwhile.
   */
  readonly leaseMs?: number;
  /** Outbox entries read per pass (default 100). */
  readonly pageSize?: number;
  /** Tries of one entry before it becomes a dead letter (default 5). */
  readonly maxAttempts?: number;
  /** Wait after the n-th failure: `min(maxMs, initialMs × 2^(n-1))` (default 1,000 and 60,000 ms). */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** How often the `start()` loop looks for new entries when caught up or not leased (default 1,000 ms). */
  readonly idleMs?: number;
  /** Store errors in the `start()` loop (the loop carries on after `idleMs`). Default: ignored. */
  readonly onError?: (error: unknown) => void;
}

/** How a pass ended. */
export type PassStatus =
  /** Nothing left to deliver. */
  | 'caught-up'
  /** A full page was delivered; there may be more. */
  | 'more'
  /** The next entry failed and is retried at `retryAt`. */
  | 'waiting'
  /** Another process holds the lease. */
  | 'not-leased'
  /** The lease passed to another process during the pass; what this pass delivered is delivered again there. */
  | 'fenced';

export interface PassResult {
  readonly status: PassStatus;
  readonly delivered: number;
  readonly deadLettered: number;
  /** With `waiting`: when the failed entry is tried again. */
  readonly retryAt?: number;
}

export interface ConsumerLag {
  /** Entries after the cursor, counted up to `upTo`. */
  readonly entries: number;
  /** True when there are more than `entries`. */
  readonly capped: boolean;
  /** `at` of the oldest undelivered effect (null when caught up). */
  readonly oldestAt: number | null;
  /** The entry this process is retrying, if any. */
  readonly retrying: {
    readonly dedupeKey: string;
    readonly attempts: number;
    readonly retryAt: number;
    readonly error: string;
  } | null;
}

export interface RetryResult {
  /** Dedupe keys delivered and removed from the dead letters. */
  readonly delivered: readonly string[];
  /** Dedupe keys that failed again (kept, with the new error and attempt count). */
  readonly failed: readonly string[];
  /** Requested keys that are not dead letters of this consumer. */
  readonly missing: readonly string[];
}

/**
 * A durable, leased outbox consumer. See {@link createConsumer}.
 *
 * @example
 * const consumer: Consumer = createConsumer({ store, name: 'rewards', handler: grantReward });
 * await consumer.drain(); // delivers everything due now; or consumer.start() to keep delivering
 */
export interface Consumer {
  readonly name: string;
  readonly owner: string;
  /** One pass: lease (or renew), read a page after the cursor, deliver it in order, advance the cursor. */
  runOnce(): Promise<PassResult>;
  /** Passes until one is not `more`; returns the totals and the last pass's status. */
  drain(): Promise<PassResult>;
  /** Runs passes in the background (on `scheduler`) until `stop()`. */
  start(): void;
  /** Ends the loop, waits for a pass in flight, and hands the lease back. */
  stop(): Promise<void>;
  /** Asks the `start()` loop for a pass now (e.g. from the engine's `onEffect` hint). */
  notify(): void;
  /** How far behind the consumer is. Reads up to `upTo` entries (default 10,000). */
  lag(options?: { readonly upTo?: number }): Promise<ConsumerLag>;
  /** The consumer's dead letters, by dedupe key. */
  deadLetters(options?: { readonly after?: string; readonly limit?: number }): Promise<DeadLetter[]>;
  /**
   * Delivers dead letters again, under the lease (throws `consumer-lease-held` when another process has it): the
   * given keys, or every dead letter. A delivered one is removed; a failing one is kept with the new error.
   */
  retryDeadLetters(options?: { readonly keys?: readonly string[] }): Promise<RetryResult>;
  /** Drops a dead letter for good; true if it existed. */
  discardDeadLetter(dedupeKey: string): Promise<boolean>;
}

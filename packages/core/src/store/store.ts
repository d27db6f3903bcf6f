/**
 * The storage contract. Adapters are atomic; the engine owns batching and retries.
 * Every adapter proves itself with the conformance suite in `@liebian/adapters/testing`.
 */

/** A persisted instance. `version` is a number on every adapter (never a string). */
export interface StoredInstance {
  readonly id: string;
  readonly campaignId: string;
  readonly kind: string;
  readonly version: number;
  /** The machine state as JSON-compatible data: `{ value, context }`. */
  readonly snapshot: unknown;
  readonly updatedAt: number;
}

/** A durable timer: the engine delivers `event` to the instance once `dueAt` has passed. */
export interface TimerSpec {
  readonly timerId: string;
  readonly dueAt: number;
  readonly event: unknown;
}

/** A delivered timer, acknowledged by the lease it was claimed with (see {@link Store.ackTimers}). */
export interface TimerAck {
  readonly instanceId: string;
  readonly timerId: string;
  readonly leaseId: string;
}

export interface ClaimedTimer extends TimerSpec {
  readonly instanceId: string;
  readonly leaseId: string;
}

/** An effect to deliver at least once; consumers dedupe by `dedupeKey`. */
export interface OutboxEntry {
  readonly type: string;
  readonly dedupeKey: string;
  readonly payload: unknown;
}

export interface OutboxItem extends OutboxEntry {
  readonly instanceId: string;
  readonly cursor: string;
}

export interface CommitBatch {
  /** 0 creates the instance; otherwise the version the batch was computed from. */
  readonly expectedVersion: number;
  readonly campaignId: string;
  readonly kind: string;
  readonly snapshot: unknown;
  /**
   * Keys that become taken on this instance: event ids (`e:…`) and claims (`c:…`). Duplicates within the batch
   * count once. If any is taken already, nothing is written and the commit answers `taken` with those keys.
   */
  readonly keys: readonly string[];
  readonly timers: { readonly upsert: readonly TimerSpec[]; readonly cancel: readonly string[] };
  readonly outbox: readonly OutboxEntry[];
  /**
   * Changes to shared counters (stock, budget, per-user quotas), applied in order with the commit and only with it,
   * after the version and key checks. If a take finds no room, nothing of the batch is written and the commit
   * answers `exhausted` naming every take that found none (judged as if the ones before it had applied).
   */
  readonly counters?: readonly CounterChange[];
  readonly now: number;
}

/**
 * One change to a shared counter inside a commit.
 * - `take`: the holder takes `qty` units if that many are left. A holder that holds units on the counter already
 *   takes nothing more (idempotent per holder). `capacity` is the counter's total when it does not exist yet.
 * - `give`: the holder's units go back to the counter and the holder is forgotten (nothing if it holds none).
 */
export type CounterChange =
  | {
      readonly op: 'take';
      readonly counter: string;
      readonly holder: string;
      readonly qty: number;
      readonly capacity: number;
    }
  | { readonly op: 'give'; readonly counter: string; readonly holder: string };

/** One instance's part of a {@link Store.commit}: the batch and the instance it is for. */
export interface CommitRequest extends CommitBatch {
  readonly id: string;
}

export type CommitResult =
  | { readonly ok: true; readonly version: number }
  /** The version moved on (another writer), or the instance is missing (null) / exists already (create). */
  | { readonly ok: false; readonly reason: 'conflict'; readonly currentVersion: number | null }
  /** The version matched but some keys were taken by earlier commits; nothing was written. */
  | { readonly ok: false; readonly reason: 'taken'; readonly keys: readonly string[] }
  /** Version and keys were fine, but these takes (indexes into `counters`) found no room; nothing was written. */
  | { readonly ok: false; readonly reason: 'exhausted'; readonly short: readonly number[] };

/**
 * How a reservation treats a counter of one unit (capacity 1, qty 1) that someone else holds, for an attribution
 * that may move to whoever comes last:
 * - `hold` (the default): take the unit if it is free. Re-reserving one's own replaceable hold makes it final.
 * - `replaceable`: take the unit if it is free, or take it over from a replaceable hold (the result names the
 *   holder replaced; with `replacing`, only from that holder); either way the new hold is replaceable. A final
 *   hold is never taken over.
 * - `settle`: take the unit if it is free (final); if someone holds it replaceably, make their hold final and answer
 *   `duplicate` (nothing taken). Fails only on someone else's final hold.
 * - `touch`: take the unit if it is free (replaceable); if someone holds it replaceably, take nothing and answer
 *   whom (`holder`), so the caller can take it over later with `replaceable` + `replacing` once it is sure it
 *   wants it. Fails only on someone else's final hold.
 * Other counters only use `hold`.
 */
export type ReserveMode = 'hold' | 'replaceable' | 'settle' | 'touch';

export interface ReserveRequest {
  readonly counter: string;
  readonly holder: string;
  readonly qty: number;
  /** The counter's total, used when the counter does not exist yet. */
  readonly capacity: number;
  /** Default `hold`. */
  readonly mode?: ReserveMode;
  /**
   * With mode `replaceable`: take the unit over only from this holder (a take-over that was not used is undone by
   * handing the unit back, unless someone else took it meanwhile).
   */
  readonly replacing?: string;
}

export interface ReserveResult {
  readonly ok: boolean;
  /** Units left after this call. */
  readonly remaining: number;
  /** The holder already held a reservation on this counter (ok is true, nothing new was taken). */
  readonly duplicate: boolean;
  /** With mode `replaceable`: the holder this call took the unit over from. */
  readonly replaced?: string;
  /** With mode `touch`: the replaceable holder found (nothing was taken). */
  readonly holder?: string;
}

/** One leaderboard entry. `reachedAt` is when the member reached this score (ties go to the earliest). */
export interface ScoreEntry {
  readonly member: string;
  readonly score: number;
  readonly reachedAt: number;
}

export interface ScoreIncrement {
  readonly board: string;
  readonly member: string;
  readonly delta: number;
  readonly at: number;
  /** Idempotency key, unique per board: an increment with a key already applied changes nothing. */
  readonly key: string;
}

export interface StoreCapabilities {
  /** Data survives the process: `none` (memory), `process` (survives a kill), `power-loss`. */
  readonly durability: 'none' | 'process' | 'power-loss';
  /** Several engine processes may share the store. */
  readonly multiProcess: boolean;
}

/**
 * Where instances, their idempotency keys, timers and the outbox live. The engine is its only writer; every
 * shipped store (memory, PGlite, PostgreSQL, Redis) passes the same conformance suite. Faults throw a
 * `LiebianError` (`store-unavailable`, `store-timeout`, `outcome-unknown`).
 *
 * @example
 * const store: Store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * const engine = createEngine({ campaigns, store });
 */
export interface Store {
  readonly capabilities: StoreCapabilities;
  load(id: string): Promise<StoredInstance | null>;
  /**
   * Commits batches of several instances together, one result per request, in order. Each request is all or
   * nothing on its own, in one atomic step: version compare-and-set, then every key must be new to the instance,
   * then snapshot, keys, timers and outbox are written. One request's conflict or taken keys never fail another.
   * Requests for the same instance apply in the order given. Send them in one round trip (one statement; on Redis,
   * one script per hash slot): this is the engine's group commit. If the call fails, any of them may have applied
   * (the engine reads back before it answers). The engine relies on the key check for exactly-once.
   */
  commit(requests: readonly CommitRequest[]): Promise<CommitResult[]>;
  /** For each key, whether it is taken on this instance. */
  seen(id: string, keys: readonly string[]): Promise<boolean[]>;
  /** Leases due timers; a timer is leased to one caller at a time, and again after `leaseMs` if not acked. */
  claimDueTimers(now: number, limit: number, leaseMs: number): Promise<ClaimedTimer[]>;
  /**
   * Removes leased timers whose lease is still the caller's (a re-upserted timer is kept), many in one call: a tick
   * acknowledges what it delivered together, so a wave of deadlines costs one round trip per tick, not one per timer.
   */
  ackTimers(acks: readonly TimerAck[]): Promise<void>;
  /** Decrement-if-available and record the holder, in one atomic step; idempotent per holder. */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** Returns a holder's units to the counter. True if the holder had a reservation. */
  release(counter: string, holder: string): Promise<boolean>;
  /**
   * Adds `delta` to a member's score on a board, once per `key`, in one atomic step; `reachedAt` becomes `at`.
   * Returns the entry after the call and whether this call applied it.
   */
  incrementScore(increment: ScoreIncrement): Promise<ScoreEntry & { readonly applied: boolean }>;
  /** The best `limit` entries: score descending, then earliest `reachedAt`, then member id. */
  topScores(board: string, limit: number): Promise<ScoreEntry[]>;
  /** A member's entry and position in the `topScores` order (1 + entries ahead of it), or null if absent. */
  scoreOf(board: string, member: string): Promise<(ScoreEntry & { readonly rank: number }) | null>;
  /** Outbox entries after `cursor` (null = from the start), in commit order. */
  readOutbox(cursor: string | null, limit: number): Promise<OutboxItem[]>;
  delete(id: string): Promise<boolean>;
  dispose(): Promise<void>;

  // Durable consumers of the outbox (`createConsumer`). Each named consumer has a cursor, a lease and dead letters.

  /**
   * Leases consumer `name` to `owner` until `now + leaseMs`, creating the consumer (cursor null: the start of the
   * outbox) if it is new. Granted when the consumer is free, its lease has expired (`leaseUntil <= now`), or
   * `owner` holds it already (a renewal); otherwise null. `fence` grows by one whenever the lease passes to a
   * different owner, so the previous owner's {@link Store.advanceConsumer} is refused. `leaseMs` 0 hands the
   * lease back (it expires at `now`).
   */
  leaseConsumer(name: string, owner: string, now: number, leaseMs: number): Promise<ConsumerLease | null>;
  /**
   * In one atomic step, if `fence` is still the consumer's: moves its cursor to `cursor` (when given) and writes
   * `deadLetters` (one per dedupe key; a later one replaces an earlier one). False, writing nothing, when the fence
   * moved on (the lease was taken over) or the consumer does not exist.
   */
  advanceConsumer(advance: ConsumerAdvance): Promise<boolean>;
  /** Every consumer, by name. */
  listConsumers(): Promise<ConsumerState[]>;
  /** Forgets a consumer, its cursor and its dead letters (so it no longer holds trimming back). */
  deleteConsumer(name: string): Promise<boolean>;
  /** A consumer's dead letters by dedupe key (code-point order), after `after` (null = from the first). */
  listDeadLetters(consumer: string, after: string | null, limit: number): Promise<DeadLetter[]>;
  /** Removes one dead letter; true if it existed. */
  removeDeadLetter(consumer: string, dedupeKey: string): Promise<boolean>;
  /**
   * Deletes outbox entries every consumer has passed, never one at or after the slowest consumer's cursor; with no
   * consumer, or one that has delivered nothing yet, nothing is deleted. Returns how many entries went.
   */
  trimOutbox(): Promise<number>;
}

/** The part of {@link Store} that keeps durable consumers (an adapter may implement it in a module of its own). */
export type ConsumerMethods = Pick<
  Store,
  | 'leaseConsumer'
  | 'advanceConsumer'
  | 'listConsumers'
  | 'deleteConsumer'
  | 'listDeadLetters'
  | 'removeDeadLetter'
  | 'trimOutbox'
>;

/** A consumer's record in the store. */
export interface ConsumerState {
  readonly name: string;
  /** The last outbox entry it delivered (null: none yet). */
  readonly cursor: string | null;
  /** Who holds (or last held) the lease; null if nobody ever did. */
  readonly owner: string | null;
  readonly leaseUntil: number;
  /** Grows by one each time the lease passes to another owner. */
  readonly fence: number;
}

/** A granted lease: the caller may deliver until `leaseUntil` and advance with `fence`. */
export interface ConsumerLease {
  readonly cursor: string | null;
  readonly fence: number;
  readonly leaseUntil: number;
}

export interface ConsumerAdvance {
  readonly name: string;
  readonly fence: number;
  /** The new cursor; omitted keeps it (writing dead letters only). */
  readonly cursor?: string;
  readonly deadLetters: readonly DeadLetter[];
}

/** An outbox entry a consumer gave up on after its attempts, with the last error. */
export interface DeadLetter {
  readonly item: OutboxItem;
  /** The handler's last error, as text. */
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: number;
}

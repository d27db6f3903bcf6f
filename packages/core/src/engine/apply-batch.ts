import { LiebianError } from '../errors/liebian-error.js';
import type { AppliedEvent, Notice, RejectionReason, Reservation } from '../mechanics/mechanic.js';
import type { OutboxEntry, Store } from '../store/store.js';
import { applyEvents, refusedByRule } from './apply-events.js';
import { answer, batchKeys, learn, settleRejections } from './batch-answers.js';
import { postIntents } from './board-io.js';
import type { CommitGroups } from './commit-groups.js';
import { timerChanges } from './deadlines.js';
import type { InstanceCache, LoadedInstance } from './instance-cache.js';
import { listingChange } from './listing.js';
import { NOTHING_OWED, type Owed, persist, stateOf } from './machine-step.js';
import { doOwed, owedTimer, owesAnything } from './owed.js';
import { reconcileCommit } from './reconcile.js';
import { retireTimer } from './retention.js';
import type { Effect, SendResult } from './types.js';

/** One event waiting in an instance's mailbox. */
export interface PendingEvent {
  readonly event: AppliedEvent;
  /** Set when a risk check blocked it: it is only recorded (a `risk.blocked` effect), never applied. */
  readonly blocked: { readonly reason: RejectionReason; readonly detail: string } | null;
  readonly review: readonly string[];
  /** The channel the actor arrived through, for the event record (see `EngineOptions.recordEvents`). */
  readonly channel?: string | null;
  /** The answer, with the notices the event's commit owes other instances (to deliver before answering). */
  resolve(result: SendResult, notices?: readonly Notice[]): void;
  reject(error: unknown): void;
}

export interface BatchDeps {
  readonly store: Store;
  /** Where commits go: batches of several instances are sent to the store together. */
  readonly commits: CommitGroups;
  readonly cache: InstanceCache;
  readonly maxAttempts: number;
  /** See `EngineOptions.retainEndedMs`. */
  readonly retainEndedMs?: number | undefined;
  /** See `EngineOptions.recordEvents`. */
  readonly recordEvents: boolean;
  now(): number;
  /** Uniform in [0, 1): jitter for the back-off after a version conflict. */
  jitter(): number;
  deliver(effects: readonly Effect[]): void;
  /** Sends notices a dead process left undone (see `persist`); fire and forget. */
  notify(notices: readonly Notice[]): void;
}

const toOutbox = (effect: Effect): OutboxEntry => ({
  type: effect.type,
  dedupeKey: effect.dedupeKey,
  payload: effect,
});

/**
 * A batch whose commit is in flight, offered to the batch after it: that batch is applied on top of this state
 * meanwhile, and commits as soon as this one holds (the two overlap instead of queueing).
 */
export interface InFlight {
  /** The instance as it will be once the commit holds. */
  readonly instance: LoadedInstance;
  /** The keys the commit takes. */
  readonly keys: ReadonlySet<string>;
  /** True once exactly this state is committed and the batch is answered; false if anything else happened. */
  readonly committed: Promise<boolean>;
}

/** How a batch meets its neighbours in the instance's mailbox. */
export interface Pipeline {
  /** The batch before this one, if its commit may still be in flight. */
  readonly after: InFlight | null;
  /** Called once, as this batch sends its commit (or with null when it offers nothing to build on). */
  inFlight(flight: InFlight | null): void;
}

const ALONE: Pipeline = { after: null, inFlight() {} };

/** Waits `ms` of wall time (back-off between attempts and read-backs; never used to wait for a result). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies a batch of events to one instance and commits once. The commit itself checks that every event id and
 * claim is new, so the common case is one round trip; taken keys come back from the store and the batch is
 * re-applied without them. On a version conflict it reloads, backs off and re-applies the whole batch, so every
 * caller's answer reflects what was committed. Reservations of events that end up not applied are released.
 *
 * With a `pipeline`, the first attempt is applied on top of the previous batch's in-flight commit and sent once
 * that commit holds; if it did not hold exactly as offered, the attempt is thrown away and the batch starts over.
 */
export async function applyBatch(
  deps: BatchDeps,
  instanceId: string,
  items: readonly PendingEvent[],
  pipeline: Pipeline = ALONE,
): Promise<void> {
  const { store, cache } = deps;
  const held = new Map<string, Reservation>();
  /** Units found held replaceably (mode `touch`), by reservation key: by whom (a later attempt reuses this). */
  const found = new Map<string, string>();
  /** Takes the store found no room for; the events that need them are refused on the next attempt. */
  const short = new Set<string>();
  /** Keys known to be taken; keys are never freed, so this stays true across attempts and batches. */
  const known = cache.knownKeys(instanceId);
  let fresh = false;
  /**
   * Set once another writer committed to this instance during the batch. A reservation this batch took may then be
   * one that writer's committed event relies on — its reserve of the same holder answered `duplicate` — so units
   * this batch ends up not using are kept rather than released (never over-issued; possibly under-issued).
   */
  let raced = false;
  /** Whether a reservation this batch holds but did not use may go back to its counter. */
  const mayRelease = (r: Reservation) => !raced && r.optional !== true;
  let base = pipeline.after;
  let settle: (asOffered: boolean) => void = () => {};
  const committed = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let offered: InFlight | null | undefined;
  let asOffered = false;
  const offer = (flight: InFlight | null) => {
    if (offered !== undefined) return;
    offered = flight;
    pipeline.inFlight(flight);
  };
  try {
    for (let attempt = 0; attempt < deps.maxAttempts; attempt++) {
      const speculative = base;
      base = null;
      const instance = speculative?.instance ?? (await loadForBatch(deps, instanceId, fresh));
      if (!instance) {
        const error = new LiebianError('unknown-instance', `instance "${instanceId}" does not exist`);
        for (const item of items) item.reject(error);
        return;
      }
      const isKnown = speculative
        ? (key: string) => known.has(key) || speculative.keys.has(key)
        : (key: string) => known.has(key);
      const applied = await applyEvents(deps, instance, items, isKnown, { held, found, short });
      // Built on the previous batch's commit while it was in flight: only good if that commit held as offered.
      if (speculative && !(await speculative.committed)) continue;
      const writes = applied.keys.length > 0 || applied.written.length > 0;
      // A commit's compare-and-set proves the state its rules were checked on is current; a batch that only refuses
      // has no commit, so refusals decided on a cached state are checked again on the stored one (another process
      // may have written since: the referral a conversion names, the member who left a full group).
      if (!writes && !fresh && refusedByRule(applied)) {
        fresh = true;
        continue;
      }
      let final: LoadedInstance = instance;
      let owed: Owed = NOTHING_OWED;
      if (writes) {
        const { mechanic, campaign } = instance;
        const next = { ...instance, version: instance.version + 1, snapshot: applied.snapshot };
        const listings = listingChange(
          mechanic,
          { campaignId: campaign.id, instanceId, version: next.version },
          instance.snapshot,
          applied.snapshot,
          deps.now(),
        );
        owed = { releases: [], takeovers: applied.takeovers, listings };
        const timers = timerChanges(
          mechanic.kind,
          mechanic.deadlines(stateOf(instance.snapshot)),
          mechanic.deadlines(stateOf(applied.snapshot)),
        );
        if (owesAnything(owed)) timers.upsert.push(owedTimer(deps.now()));
        const retire = retireTimer(instance.snapshot, applied.snapshot, deps.now(), deps.retainEndedMs);
        if (retire) timers.upsert.push(retire);
        // A board's intents are posted after the commit, so the next batch cannot be built on this state early.
        offer(mechanic.board ? null : { instance: next, keys: applied.own, committed });
        const result = await deps.commits
          .commit(instanceId, {
            expectedVersion: instance.version,
            campaignId: campaign.id,
            kind: mechanic.kind,
            snapshot: persist(applied.snapshot, owed),
            keys: applied.keys,
            timers,
            outbox: applied.written.map(toOutbox),
            counters: applied.counters,
            now: deps.now(),
          })
          .catch((error: unknown) => ({ ok: false as const, reason: 'lost' as const, error }));
        if (!result.ok && result.reason === 'lost') {
          // The commit may have applied: its reservations are never given back, and nothing is answered "not
          // applied" until a read-back settles it. Applied (here or by a retry elsewhere): the next attempt finds
          // the keys taken and answers the events as applied. Not applied: the next attempt applies them.
          raced = true;
          cache.evict(instanceId);
          fresh = true;
          const found = await reconcileCommit(store, instanceId, instance.version, applied.keys, pause);
          if (found !== 'unknown') continue;
          const error = new LiebianError(
            'outcome-unknown',
            `instance "${instanceId}": the commit's answer was lost (${String((result.error as Error)?.message ?? result.error)}) and reading back could not settle it; retrying with the same event id is safe`,
            { cause: result.error },
          );
          for (const item of items) item.reject(error);
          return;
        }
        if (!result.ok && result.reason === 'exhausted') {
          // Version and keys held; some counters have no room left. Refuse the events that need them and commit the
          // rest (the store judged each take with the ones before it applied, so this converges).
          for (const i of result.short) {
            const key = applied.takeKeys[i];
            if (key) short.add(key);
          }
          // Not a lost race: each such answer refuses at least one more event (the takes sent were never short
          // before), so it cannot repeat forever, and it does not use up the attempts other writers may need.
          attempt--;
          continue;
        }
        // A version conflict means another writer committed meanwhile (`taken` means keys committed before we loaded).
        if (!result.ok && result.reason === 'conflict') raced = true;
        if (!result.ok && result.reason === 'taken') {
          // Some events were applied before (retries) or claims are spent. Learn every key of the batch at once,
          // so the next attempt converges instead of discovering them a few at a time.
          for (const key of result.keys) known.add(key);
          await learn(store, instanceId, batchKeys(instance, items), known);
          continue;
        }
        if (!result.ok) {
          // Another process wrote this instance: back off a random moment so the writers do not keep colliding.
          cache.evict(instanceId);
          fresh = true;
          await pause(Math.min(64, 2 ** attempt) * deps.jitter());
          continue;
        }
        final = { ...next, version: result.version };
        asOffered = offered?.instance === next && result.version === next.version;
        // Intents not posted stay in the snapshot; the next batch posts them first.
        const posted = await postIntents(store, mechanic, applied.snapshot).catch(() => applied.snapshot);
        cache.set({ ...final, snapshot: posted });
        for (const key of applied.keys) known.add(key);
      }
      // From here on the batch is committed: a store fault may delay the work below, never undo an answer.
      for (const [key, r] of held) {
        if (applied.used.has(key)) continue;
        held.delete(key);
        // A release that fails leaves the unit held by an event that did not apply: under-issued, never over-issued
        // (the known gap in docs/architecture.md).
        if (mayRelease(r)) await store.release(r.counter, r.holder).catch(() => false);
      }
      // Idempotent. They are in the committed form too: if this process dies first (or the store fails now), the
      // next batch on the instance or the engine timer does them (see `persist`).
      const notices = await doOwed(store, final.mechanic, instanceId, owed).catch(
        () => new Map<string, Notice>(),
      );
      held.clear();
      // A refusal that could not be checked against the stored keys (it may be the retry of an applied event) is
      // answered with the store's error, which says retrying is safe; the other events are answered as usual.
      const outcomes = await settleRejections(store, final, items, applied, known).catch((error: unknown) =>
        applied.outcomes.map((o, i) =>
          o.kind === 'rejected' && !items[i]?.blocked ? { kind: 'failed' as const, error } : o,
        ),
      );
      answer(deps, final, items, outcomes, notices, (key) => applied.own.has(key) || known.has(key));
      if (applied.written.length > 0) deps.deliver(applied.written);
      return;
    }
    const error = new LiebianError(
      'store-conflict',
      `instance "${instanceId}": gave up after ${deps.maxAttempts} attempts; another writer keeps winning`,
    );
    for (const item of items) item.reject(error);
  } catch (error) {
    for (const item of items) item.reject(error);
  } finally {
    for (const r of held.values())
      if (mayRelease(r)) await store.release(r.counter, r.holder).catch(() => {});
    offer(null);
    settle(asOffered);
  }
}

/**
 * The instance as stored (or cached), having done what its last commit left undone if that process did not get to
 * it: its releases, notices and score intents. Null if it does not exist.
 */
async function loadForBatch(
  deps: BatchDeps,
  instanceId: string,
  fresh: boolean,
): Promise<LoadedInstance | null> {
  const { store, cache } = deps;
  const loaded = await cache.get(instanceId, fresh);
  if (!loaded) return null;
  // Notices are sent, not awaited: their instances may be waiting on this one.
  if (loaded.owed) deps.notify([...(await doOwed(store, loaded.mechanic, instanceId, loaded.owed)).values()]);
  const { owed: _, ...instance } = loaded;
  return { ...instance, snapshot: await postIntents(store, loaded.mechanic, loaded.snapshot) };
}

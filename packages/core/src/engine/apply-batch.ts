import type { AnyMachineSnapshot } from 'xstate';
import { LiebianError } from '../errors/liebian-error.js';
import type { Actor, AppliedEvent, Notice, RejectionReason, Reservation } from '../mechanics/mechanic.js';
import type { OutboxEntry, ScoreIncrement, Store } from '../store/store.js';
import { postIntents, withStandings } from './board-io.js';
import { deadlineEvent, timerChanges } from './deadlines.js';
import type { InstanceCache, LoadedInstance } from './instance-cache.js';
import { listingChange } from './listing.js';
import { type EffectDraft, persist, type Release, stateOf, step } from './machine-step.js';
import { doOwed, owedTimer, owesAnything, type TakeOver, takeOver } from './owed.js';
import type { Effect, InstanceView, SendResult } from './types.js';

/** One event waiting in an instance's mailbox. */
export interface PendingEvent {
  readonly event: AppliedEvent;
  /** Set when a risk check blocked it: it is only recorded (a `risk.blocked` effect), never applied. */
  readonly blocked: { readonly reason: RejectionReason; readonly detail: string } | null;
  readonly review: readonly string[];
  /** The answer, with the notices the event's commit owes other instances (to deliver before answering). */
  resolve(result: SendResult, notices?: readonly Notice[]): void;
  reject(error: unknown): void;
}

export interface BatchDeps {
  readonly store: Store;
  readonly cache: InstanceCache;
  readonly maxAttempts: number;
  now(): number;
  /** Uniform in [0, 1): jitter for the back-off after a version conflict. */
  jitter(): number;
  deliver(effects: readonly Effect[]): void;
  /** Sends notices a dead process left undone (see `persist`); fire and forget. */
  notify(notices: readonly Notice[]): void;
}

type Outcome =
  | { readonly kind: 'applied'; readonly effects: Effect[] }
  | { readonly kind: 'duplicate' }
  | {
      readonly kind: 'rejected';
      readonly reason: RejectionReason;
      readonly detail?: string;
      /** Decided by the mechanic's rules on the state in hand (not by the store: a key, a counter). */
      readonly byRule?: true;
    };

const eventKey = (eventId: string) => `e:${eventId}`;
const claimKey = (claim: string) => `c:${claim}`;
const reservationKey = (r: Pick<Reservation, 'counter' | 'holder'>) => `${r.counter}\u0000${r.holder}`;

function toEffect(instance: LoadedInstance, event: AppliedEvent, draft: EffectDraft): Effect {
  const { type, ...payload } = draft;
  return {
    type,
    dedupeKey: `${instance.id}:${event.eventId}:${type}`,
    instanceId: instance.id,
    campaignId: instance.campaign.id,
    kind: instance.mechanic.kind,
    eventId: event.eventId,
    actorId: event.actor.id,
    at: event.at,
    payload,
  };
}

const toOutbox = (effect: Effect): OutboxEntry => ({
  type: effect.type,
  dedupeKey: effect.dedupeKey,
  payload: effect,
});

interface Applied {
  readonly snapshot: AnyMachineSnapshot;
  readonly keys: string[];
  readonly written: Effect[];
  readonly outcomes: Outcome[];
  /** Reservations the applied events use (the rest are released). */
  readonly used: Set<string>;
  /** Keys this attempt takes (the store's known keys are consulted beside them, never copied). */
  readonly own: Set<string>;
  /** Reservations the machine gave back, returned to their counters once the commit holds. */
  readonly releases: Release[];
  /** Units the applied events found held replaceably, to take over once the commit holds. */
  readonly takeovers: TakeOver[];
}

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
      const applied = await applyEvents(deps, instance, items, isKnown, { held, found });
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
      let listings: ScoreIncrement[] = [];
      if (writes) {
        const { mechanic, campaign } = instance;
        const next = { ...instance, version: instance.version + 1, snapshot: applied.snapshot };
        listings = listingChange(
          mechanic,
          { campaignId: campaign.id, instanceId, version: next.version },
          instance.snapshot,
          applied.snapshot,
          deps.now(),
        );
        const owed = { ...applied, listings };
        const timers = timerChanges(
          mechanic.kind,
          mechanic.deadlines(stateOf(instance.snapshot)),
          mechanic.deadlines(stateOf(applied.snapshot)),
        );
        if (owesAnything(owed)) timers.upsert.push(owedTimer(deps.now()));
        // A board's intents are posted after the commit, so the next batch cannot be built on this state early.
        offer(mechanic.board ? null : { instance: next, keys: applied.own, committed });
        const result = await store.commit(instanceId, {
          expectedVersion: instance.version,
          campaignId: campaign.id,
          kind: mechanic.kind,
          snapshot: persist(applied.snapshot, owed),
          keys: applied.keys,
          timers,
          outbox: applied.written.map(toOutbox),
          now: deps.now(),
        });
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
          await new Promise((resolve) => setTimeout(resolve, Math.min(64, 2 ** attempt) * deps.jitter()));
          continue;
        }
        final = { ...next, version: result.version };
        asOffered = offered?.instance === next && result.version === next.version;
        cache.set({ ...final, snapshot: await postIntents(store, mechanic, applied.snapshot) });
        for (const key of applied.keys) known.add(key);
      }
      for (const [key, r] of held) {
        if (applied.used.has(key)) continue;
        held.delete(key);
        if (mayRelease(r)) await store.release(r.counter, r.holder);
      }
      // Idempotent. They are in the committed form too: if this process dies first, the next batch on the instance
      // (or the engine timer) does them (see `persist`).
      for (const r of applied.releases) await store.release(r.counter, r.holder);
      for (const l of listings) await store.incrementScore(l);
      const notices = new Map<string, Notice>();
      for (const t of applied.takeovers) {
        const notice = await takeOver(store, final.mechanic, instanceId, t);
        if (notice) notices.set(t.event.eventId, notice);
      }
      held.clear();
      const outcomes = await settleRejections(store, final, items, applied, known);
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
  if (loaded.owed) await doOwed(store, loaded.mechanic, instanceId, loaded.owed, deps.notify);
  const { owed: _, ...instance } = loaded;
  return { ...instance, snapshot: await postIntents(store, loaded.mechanic, loaded.snapshot) };
}

/** One attempt: applies the batch in arrival order, expiring deadlines that fall before each event. */
async function applyEvents(
  deps: BatchDeps,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  isKnown: (key: string) => boolean,
  holds: Holds,
): Promise<Applied> {
  const { mechanic, campaign } = instance;
  let snapshot: AnyMachineSnapshot = instance.snapshot;
  const own = new Set<string>();
  const releases: Release[] = [];
  const takeovers: TakeOver[] = [];
  const isTaken = (key: string) => own.has(key) || isKnown(key);
  const keys: string[] = [];
  const written: Effect[] = [];
  const outcomes: Outcome[] = [];
  const used = new Set<string>();
  const take = (key: string) => {
    own.add(key);
    keys.push(key);
  };

  const applyDeadlines = async (until: number) => {
    for (;;) {
      const due = mechanic.deadlines(stateOf(snapshot)).find((d) => d.dueAt <= until);
      if (!due) return;
      const event = await withStandings(
        deps.store,
        mechanic,
        stateOf(snapshot),
        deadlineEvent(mechanic.kind, due),
      );
      const result = step(mechanic, snapshot, event);
      if (!result) return;
      snapshot = result.snapshot;
      take(eventKey(event.eventId));
      releases.push(...result.releases);
      for (const draft of result.effects) written.push(toEffect(instance, event, draft));
    }
  };

  for (const item of items) {
    let { event } = item;
    if (item.blocked) {
      const { reason, detail } = item.blocked;
      outcomes.push({ kind: 'rejected', reason, detail });
      written.push(
        toEffect(instance, event, { type: 'risk.blocked', eventType: event.type, reason, detail }),
      );
      continue;
    }
    await applyDeadlines(event.at);
    if (isTaken(eventKey(event.eventId))) {
      outcomes.push({ kind: 'duplicate' });
      continue;
    }
    const claims = mechanic.claims(event).map(claimKey);
    if (claims.some(isTaken)) {
      outcomes.push({ kind: 'rejected', reason: mechanic.claimTakenReason });
      continue;
    }
    const state = stateOf(snapshot);
    const decision = mechanic.check(state, event);
    if (!decision.ok) {
      outcomes.push({ kind: 'rejected', reason: decision.reason, byRule: true });
      continue;
    }
    const reservations = mechanic.reservations(state, event, campaign);
    const failed = await reserveAll(deps.store, holds, reservations);
    if (failed) {
      outcomes.push({ kind: 'rejected', reason: failed });
      continue;
    }
    event = await withStandings(deps.store, mechanic, state, event);
    const result = step(mechanic, snapshot, event);
    if (!result) {
      outcomes.push({ kind: 'rejected', reason: 'instance-ended', byRule: true });
      continue;
    }
    for (const r of reservations) {
      used.add(reservationKey(r));
      const holder = holds.found.get(reservationKey(r));
      if (holder !== undefined) takeovers.push({ reservation: r, replacing: holder, event });
    }
    releases.push(...result.releases);
    snapshot = result.snapshot;
    const effects = result.effects.map((draft) => toEffect(instance, event, draft));
    if (item.review.length > 0) {
      effects.push(
        toEffect(instance, event, {
          type: 'risk.review',
          eventType: event.type,
          detail: item.review.join('; '),
        }),
      );
    }
    written.push(...effects);
    take(eventKey(event.eventId));
    for (const claim of claims) take(claim);
    outcomes.push({ kind: 'applied', effects });
  }
  await applyDeadlines(deps.now());
  return { snapshot, keys, written, outcomes, used, own, releases, takeovers };
}

/** Whether the mechanic's rules refused one of the batch's events (not a taken key, a counter or a risk check). */
const refusedByRule = (applied: Applied) =>
  applied.outcomes.some((outcome) => outcome.kind === 'rejected' && outcome.byRule === true);

/** Every key the batch's events could take: event ids and claims. */
function batchKeys(instance: LoadedInstance, items: readonly PendingEvent[]): string[] {
  const keys = new Set<string>();
  for (const { event } of items) {
    keys.add(eventKey(event.eventId));
    for (const claim of instance.mechanic.claims(event)) keys.add(claimKey(claim));
  }
  return [...keys];
}

/** Adds the keys the store already holds among `keys` to `known`. */
async function learn(
  store: Store,
  instanceId: string,
  keys: readonly string[],
  known: Set<string>,
): Promise<void> {
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length === 0) return;
  const seen = await store.seen(instanceId, unknown);
  unknown.forEach((key, i) => {
    if (seen[i]) known.add(key);
  });
}

/**
 * An event refused by a rule (floor reached, ended…) was never checked against the store's keys. If it is a retry
 * of an applied event it must still answer `duplicate`, and a friend who already helped must hear that rather than
 * a later rule. One lookup, and only for batches with such refusals; the committed state is unaffected.
 */
async function settleRejections(
  store: Store,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  applied: Applied,
  known: Set<string>,
): Promise<readonly Outcome[]> {
  const { mechanic } = instance;
  const ruled = items.filter((item, i) => applied.outcomes[i]?.kind === 'rejected' && !item.blocked);
  if (ruled.length === 0) return applied.outcomes;
  await learn(store, instance.id, batchKeys(instance, ruled), known);
  return applied.outcomes.map((outcome, i) => {
    const event = (items[i] as PendingEvent).event;
    if (outcome.kind !== 'rejected' || (items[i] as PendingEvent).blocked) return outcome;
    if (known.has(eventKey(event.eventId))) return { kind: 'duplicate' };
    const claims = mechanic.claims(event).map(claimKey);
    if (claims.some((c) => known.has(c))) {
      return { kind: 'rejected', reason: mechanic.claimTakenReason };
    }
    return outcome;
  });
}

/** The reservations a batch holds, across its attempts. */
interface Holds {
  readonly held: Map<string, Reservation>;
  /** Units found held replaceably (mode `touch`): by whom. */
  readonly found: Map<string, string>;
}

/** Reserves every counter an event needs; on the first failure returns its reason (earlier ones stay held). */
async function reserveAll(
  store: Store,
  { held, found }: Holds,
  needed: readonly Reservation[],
): Promise<RejectionReason | null> {
  for (const r of needed) {
    const key = reservationKey(r);
    if (held.has(key) || found.has(key)) continue;
    const result = await store.reserve(r);
    if (!result.ok && r.optional) continue;
    if (!result.ok) return r.reason;
    if (result.holder !== undefined) found.set(key, result.holder);
    else if (!result.duplicate) held.set(key, r);
  }
  return null;
}

/**
 * Adds `view` as an enumerable, memoised getter: computed on first read (and by JSON.stringify), so callers
 * that only need the status do not pay for a view of the hot instance per event.
 */
function withView<T extends object>(
  result: T,
  compute: () => InstanceView,
): T & { readonly view: InstanceView } {
  let view: InstanceView | undefined;
  return Object.defineProperty(result, 'view', {
    enumerable: true,
    get: () => {
      view ??= compute();
      return view;
    },
  }) as T & { readonly view: InstanceView };
}

function answer(
  deps: BatchDeps,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  outcomes: readonly Outcome[],
  notices: ReadonlyMap<string, Notice>,
  isTaken: (key: string) => boolean,
): void {
  const { mechanic } = instance;
  const state = stateOf(instance.snapshot);
  const now = deps.now();
  const viewFor = (actor: Actor) => () => {
    const viewerClaims = new Set(mechanic.viewerClaims(actor.id).filter((c) => isTaken(claimKey(c))));
    return mechanic.view(state, actor, { now, viewerClaims }) as InstanceView;
  };
  items.forEach((item, i) => {
    const outcome = outcomes[i] as Outcome;
    const { actor, eventId } = item.event;
    const base = { instanceId: instance.id, eventId };
    if (outcome.kind === 'rejected') {
      const detail = outcome.detail === undefined ? {} : { detail: outcome.detail };
      item.resolve(
        withView({ status: 'rejected' as const, ...base, reason: outcome.reason, ...detail }, viewFor(actor)),
      );
      return;
    }
    const result = {
      status: 'accepted' as const,
      ...base,
      version: instance.version,
      duplicate: outcome.kind === 'duplicate',
      effects: outcome.kind === 'applied' ? outcome.effects : [],
      review: item.review,
    };
    const notice = outcome.kind === 'applied' ? notices.get(eventId) : undefined;
    item.resolve(withView(result, viewFor(actor)), notice ? [notice] : []);
  });
}

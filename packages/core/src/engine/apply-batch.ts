import type { AnyMachineSnapshot } from 'xstate';
import { LiebianError } from '../errors/liebian-error.js';
import type { Actor, AppliedEvent, RejectionReason, Reservation } from '../mechanics/mechanic.js';
import type { OutboxEntry, Store } from '../store/store.js';
import { deadlineEvent, timerChanges } from './deadlines.js';
import type { InstanceCache, LoadedInstance } from './instance-cache.js';
import { type EffectDraft, persist, stateOf, step } from './machine-step.js';
import type { Effect, InstanceView, SendResult } from './types.js';

/** One event waiting in an instance's mailbox. */
export interface PendingEvent {
  readonly event: AppliedEvent;
  /** Set when a risk check blocked it: it is only recorded (a `risk.blocked` effect), never applied. */
  readonly blocked: { readonly reason: RejectionReason; readonly detail: string } | null;
  readonly review: readonly string[];
  resolve(result: SendResult): void;
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
}

type Outcome =
  | { readonly kind: 'applied'; readonly effects: Effect[] }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'rejected'; readonly reason: RejectionReason; readonly detail?: string };

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

/**
 * Applies a batch of events to one instance and commits once. On a version conflict it reloads and re-applies
 * the whole batch, so every caller's answer reflects what was committed. Reservations taken for events that end
 * up not applied are released.
 */
export async function applyBatch(
  deps: BatchDeps,
  instanceId: string,
  items: readonly PendingEvent[],
): Promise<void> {
  const { store, cache } = deps;
  const held = new Map<string, Reservation>();
  let fresh = false;
  try {
    for (let attempt = 0; attempt < deps.maxAttempts; attempt++) {
      const instance = await cache.get(instanceId, fresh);
      if (!instance) {
        const error = new LiebianError('unknown-instance', `instance "${instanceId}" does not exist`);
        for (const item of items) item.reject(error);
        return;
      }
      const { mechanic, campaign } = instance;

      // 1. Which event ids and claims are already taken: one round trip for the whole batch.
      const lookup = new Set<string>();
      for (const { event } of items) {
        lookup.add(eventKey(event.eventId));
        for (const claim of mechanic.claims(event)) lookup.add(claimKey(claim));
        for (const claim of mechanic.viewerClaims(event.actor.id)) lookup.add(claimKey(claim));
      }
      const keys = [...lookup];
      const seen = await store.seen(instanceId, keys);
      const taken = new Set(keys.filter((_, i) => seen[i]));

      // 2. Apply in arrival order, expiring deadlines that fall before each event.
      let snapshot: AnyMachineSnapshot = instance.snapshot;
      const newKeys: string[] = [];
      const written: Effect[] = [];
      const outcomes: Outcome[] = [];
      const used = new Set<string>();

      const applyDeadlines = (until: number) => {
        for (;;) {
          const due = mechanic.deadlines(stateOf(snapshot)).find((d) => d.dueAt <= until);
          if (!due) return;
          const event = deadlineEvent(mechanic.kind, due);
          const result = step(mechanic, snapshot, event);
          if (!result) return;
          snapshot = result.snapshot;
          newKeys.push(eventKey(event.eventId));
          taken.add(eventKey(event.eventId));
          for (const draft of result.effects) written.push(toEffect(instance, event, draft));
        }
      };

      for (const item of items) {
        const { event } = item;
        if (item.blocked) {
          outcomes.push({ kind: 'rejected', ...item.blocked });
          const { reason, detail } = item.blocked;
          written.push(
            toEffect(instance, event, { type: 'risk.blocked', eventType: event.type, reason, detail }),
          );
          continue;
        }
        applyDeadlines(event.at);
        if (taken.has(eventKey(event.eventId))) {
          outcomes.push({ kind: 'duplicate' });
          continue;
        }
        const claims = mechanic.claims(event).map(claimKey);
        if (claims.some((c) => taken.has(c))) {
          outcomes.push({ kind: 'rejected', reason: mechanic.claimTakenReason });
          continue;
        }
        const state = stateOf(snapshot);
        const decision = mechanic.check(state, event);
        if (!decision.ok) {
          outcomes.push({ kind: 'rejected', reason: decision.reason });
          continue;
        }
        const failed = await reserveAll(store, held, mechanic.reservations(state, event, campaign));
        if (failed) {
          outcomes.push({ kind: 'rejected', reason: failed });
          continue;
        }
        const result = step(mechanic, snapshot, event);
        if (!result) {
          outcomes.push({ kind: 'rejected', reason: 'instance-ended' });
          continue;
        }
        for (const r of mechanic.reservations(state, event, campaign)) used.add(reservationKey(r));
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
        for (const key of [eventKey(event.eventId), ...claims]) {
          taken.add(key);
          newKeys.push(key);
        }
        outcomes.push({ kind: 'applied', effects });
      }
      applyDeadlines(deps.now());

      // 3. Commit once (unless nothing changed), then answer every caller.
      let committed: LoadedInstance = instance;
      if (newKeys.length > 0 || written.length > 0) {
        const result = await store.commit(instanceId, {
          expectedVersion: instance.version,
          campaignId: campaign.id,
          kind: mechanic.kind,
          snapshot: persist(snapshot),
          keys: newKeys,
          timers: timerChanges(
            mechanic.kind,
            mechanic.deadlines(stateOf(instance.snapshot)),
            mechanic.deadlines(stateOf(snapshot)),
          ),
          outbox: written.map(toOutbox),
          now: deps.now(),
        });
        if (!result.ok) {
          // Another process wrote this instance: back off a random moment so the writers do not keep colliding.
          cache.evict(instanceId);
          fresh = true;
          await new Promise((resolve) => setTimeout(resolve, Math.min(64, 2 ** attempt) * deps.jitter()));
          continue;
        }
        committed = { ...instance, version: result.version, snapshot };
        cache.set(committed);
      }
      for (const key of [...held.keys()]) {
        if (!used.has(key)) {
          const r = held.get(key) as Reservation;
          held.delete(key);
          await store.release(r.counter, r.holder);
        }
      }
      held.clear();
      answer(deps, committed, items, outcomes, taken);
      if (written.length > 0) deps.deliver(written);
      return;
    }
    const error = new LiebianError(
      'store-conflict',
      `instance "${instanceId}": gave up after ${deps.maxAttempts} version conflicts; another writer keeps winning`,
    );
    for (const item of items) item.reject(error);
  } catch (error) {
    for (const item of items) item.reject(error);
  } finally {
    for (const r of held.values()) await store.release(r.counter, r.holder).catch(() => {});
  }
}

/** Reserves every counter an event needs; on the first failure returns its reason (earlier ones stay held). */
async function reserveAll(
  store: Store,
  held: Map<string, Reservation>,
  needed: readonly Reservation[],
): Promise<RejectionReason | null> {
  for (const r of needed) {
    const key = reservationKey(r);
    if (held.has(key)) continue;
    const result = await store.reserve(r);
    if (!result.ok) return r.reason;
    if (!result.duplicate) held.set(key, r);
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
  taken: ReadonlySet<string>,
): void {
  const { mechanic } = instance;
  const state = stateOf(instance.snapshot);
  const now = deps.now();
  const viewFor = (actor: Actor) => () => {
    const viewerClaims = new Set(mechanic.viewerClaims(actor.id).filter((c) => taken.has(claimKey(c))));
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
    item.resolve(withView(result, viewFor(actor)));
  });
}

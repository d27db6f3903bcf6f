import type { AnyMachineSnapshot } from 'xstate';
import type { AppliedEvent, RejectionReason, Reservation } from '../mechanics/mechanic.js';
import type { CounterChange, Store } from '../store/store.js';
import type { BatchDeps, PendingEvent } from './apply-batch.js';
import { withStandings } from './board-io.js';
import { deadlineEvent } from './deadlines.js';
import { eventRecord } from './event-record.js';
import type { LoadedInstance } from './instance-cache.js';
import { type EffectDraft, type Release, stateOf, step } from './machine-step.js';
import type { TakeOver } from './owed.js';
import type { Effect } from './types.js';

/** How one event of a batch came out. */
export type Outcome =
  | { readonly kind: 'applied'; readonly effects: Effect[] }
  | { readonly kind: 'duplicate' }
  | {
      readonly kind: 'rejected';
      readonly reason: RejectionReason;
      readonly detail?: string;
      /** Decided by the mechanic's rules on the state in hand (not by the store: a key, a counter). */
      readonly byRule?: true;
    }
  /** Only after a commit: the answer could not be settled (a store fault); the caller gets the error. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** A 53-bit string hash (cyrb53): short, stable and fast; only ever compared for equality. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Events the engine makes itself (deadlines, notices) have actors of its own. */
const engineMade = (event: AppliedEvent) => event.actor.id.startsWith('@');

/** Ids the engine gives its own events (launches, deadlines, notices); client ids may not use these prefixes. */
const ENGINE_ID = /^(?:start|deadline|notice):/;

/**
 * The event's scoped id: an idempotency key belongs to the actor who sent it and the command it names (as payment
 * APIs scope keys to an account). The same id from another actor, or for another command, is another event — an
 * order service reporting `referral.convert` with the order id a friend's `referral.accept` used applies, and no
 * user can pre-empt another's event by guessing its id. The engine's own ids are unique already and stay as they are.
 * The scoped id is what the store keeps (one key row per event) and what effects' dedupe keys are made of.
 */
export const scopedId = (event: Pick<AppliedEvent, 'eventId' | 'type' | 'actor'>): string =>
  ENGINE_ID.test(event.eventId)
    ? event.eventId
    : `${hash53(`${event.actor.id}\n${event.type}`)}.${event.eventId}`;

/** The key that makes an event apply once: `e:` + its scoped id. */
export const eventKey = (event: Pick<AppliedEvent, 'eventId' | 'type' | 'actor'>) => `e:${scopedId(event)}`;
export const claimKey = (claim: string) => `c:${claim}`;
export const reservationKey = (r: Pick<Reservation, 'counter' | 'holder'>) => `${r.counter}\u0000${r.holder}`;

/**
 * The effect's dedupe key: the instance, the event that caused it, its type and its place among that event's effects
 * of the same type (`…:refund.due:0`, `…:refund.due:1` for two refunds at one timeout). An event's effects come from
 * a deterministic transition, so the key is stable across replays, restarts and stores, and no two effects share it.
 */
export const dedupeKeyOf = (instanceId: string, eventId: string, type: string, nth: number) =>
  `${instanceId}:${eventId}:${type}:${nth}`;

/** Stamps the drafts one event produced (in order) as effects with unique keys. */
function toEffects(instance: LoadedInstance, event: AppliedEvent, drafts: readonly EffectDraft[]): Effect[] {
  const seen = new Map<string, number>();
  const id = scopedId(event);
  return drafts.map((draft) => {
    const nth = seen.get(draft.type) ?? 0;
    seen.set(draft.type, nth + 1);
    return toEffect(instance, event, id, draft, nth);
  });
}

function toEffect(
  instance: LoadedInstance,
  event: AppliedEvent,
  scoped: string,
  draft: EffectDraft,
  nth: number,
): Effect {
  const { type, ...payload } = draft;
  return {
    type,
    dedupeKey: dedupeKeyOf(instance.id, scoped, type, nth),
    instanceId: instance.id,
    campaignId: instance.campaign.id,
    kind: instance.mechanic.kind,
    eventId: event.eventId,
    actorId: event.actor.id,
    at: event.at,
    payload,
  };
}

/** What one attempt at a batch produced. */
export interface Applied {
  readonly snapshot: AnyMachineSnapshot;
  readonly keys: string[];
  readonly written: Effect[];
  readonly outcomes: Outcome[];
  /** Reservations the applied events use (the rest are released). */
  readonly used: Set<string>;
  /** The counter changes the commit makes (takes for the applied events, gives for what the machine released). */
  readonly counters: CounterChange[];
  /** For each of `counters`: the reservation key of a take (null for a give), to learn from an `exhausted` answer. */
  readonly takeKeys: (string | null)[];
  /** Keys this attempt takes (the store's known keys are consulted beside them, never copied). */
  readonly own: Set<string>;
  /** Units the applied events found held replaceably, to take over once the commit holds. */
  readonly takeovers: TakeOver[];
}

/** The reservations a batch holds, across its attempts. */
export interface Holds {
  /** Taken through `store.reserve` (attribution marks and take-overs), by reservation key. */
  readonly held: Map<string, Reservation>;
  /** Units found held replaceably (mode `touch`): by whom. */
  readonly found: Map<string, string>;
  /** Reservation keys a commit's take found no room for (an `exhausted` answer): refused on the next attempt. */
  readonly short: Set<string>;
}

/**
 * Whether the commit takes a reservation itself: a limit without a mode (stock, budget, a quota) — one round trip,
 * all or nothing with the events that need it, never leaked by a process that dies. Attribution units (a mode, or
 * an optional mark) go through `store.reserve` before the commit.
 */
export const takenInCommit = (r: Reservation) => r.mode === undefined && r.optional !== true;

/** The commit's take of a reservation's units. */
export const takeOf = (r: Reservation): CounterChange => ({
  op: 'take',
  counter: r.counter,
  holder: r.holder,
  qty: r.qty,
  capacity: r.capacity,
});

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

/** One attempt: applies the batch in arrival order, expiring deadlines that fall before each event. */
export async function applyEvents(
  deps: BatchDeps,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  isKnown: (key: string) => boolean,
  holds: Holds,
): Promise<Applied> {
  const { mechanic, campaign } = instance;
  let snapshot: AnyMachineSnapshot = instance.snapshot;
  const own = new Set<string>();
  const counters: CounterChange[] = [];
  const takeKeys: (string | null)[] = [];
  const give = (released: readonly Release[]) => {
    for (const r of released) {
      counters.push({ op: 'give', counter: r.counter, holder: r.holder });
      takeKeys.push(null);
    }
  };
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
      take(eventKey(event));
      give(result.releases);
      written.push(...toEffects(instance, event, result.effects));
    }
  };

  for (const item of items) {
    let { event } = item;
    if (item.blocked) {
      const { reason, detail } = item.blocked;
      outcomes.push({ kind: 'rejected', reason, detail });
      written.push(
        toEffect(
          instance,
          event,
          scopedId(event),
          { type: 'risk.blocked', eventType: event.type, reason, detail },
          0,
        ),
      );
      continue;
    }
    await applyDeadlines(event.at);
    const key = eventKey(event);
    if (isTaken(key)) {
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
    const lacking = reservations.find((r) => takenInCommit(r) && holds.short.has(reservationKey(r)));
    if (lacking) {
      outcomes.push({ kind: 'rejected', reason: lacking.reason });
      continue;
    }
    const failed = await reserveAll(
      deps.store,
      holds,
      reservations.filter((r) => !takenInCommit(r)),
    );
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
    // What the machine gives back goes first, so a take may use it: a purchase gives back the subsidy its launch
    // reserved at the maximum and takes what it spends under the same holder, in one commit (see `binding-offer.ts`).
    give(result.releases);
    for (const r of reservations) {
      const key = reservationKey(r);
      if (takenInCommit(r)) {
        counters.push(takeOf(r));
        takeKeys.push(key);
        continue;
      }
      used.add(key);
      const holder = holds.found.get(key);
      if (holder !== undefined) takeovers.push({ reservation: r, replacing: holder, event });
    }
    snapshot = result.snapshot;
    const drafts: EffectDraft[] =
      item.review.length === 0
        ? result.effects
        : [...result.effects, { type: 'risk.review', eventType: event.type, detail: item.review.join('; ') }];
    const effects = toEffects(instance, event, drafts);
    written.push(...effects);
    if (deps.recordEvents && !engineMade(event)) {
      const initiatorId = mechanic.initiatorOf(state.context).id;
      const friend = mechanic.isFriendAction(event.type);
      const where = { instanceId: instance.id, campaignId: campaign.id, kind: mechanic.kind };
      written.push(eventRecord(where, event, { friend, initiatorId, channel: item.channel ?? null }));
    }
    take(key);
    for (const claim of claims) take(claim);
    outcomes.push({ kind: 'applied', effects });
  }
  await applyDeadlines(deps.now());
  return { snapshot, keys, written, outcomes, used, counters, takeKeys, own, takeovers };
}

/** Whether the mechanic's rules refused one of the batch's events (not a taken key, a counter or a risk check). */
export const refusedByRule = (applied: Applied) =>
  applied.outcomes.some((outcome) => outcome.kind === 'rejected' && outcome.byRule === true);

import type { AnyMechanic, AppliedEvent, Notice, Reservation } from '../mechanics/mechanic.js';
import type { Store, TimerSpec } from '../store/store.js';
import { scopedId } from './apply-events.js';
import type { Owed } from './machine-step.js';

/**
 * A one-unit counter an applied event found held replaceably (`touch`), to take over once its commit holds: only
 * committed events ever take a unit over, so there is never a take-over to undo.
 */
export interface TakeOver {
  readonly reservation: Reservation;
  /** The holder found; the take-over happens only if it still holds the unit. */
  readonly replacing: string;
  readonly event: AppliedEvent;
}

/**
 * The engine's own timer, written with a commit that owes work (see `persist`): if the process dies before doing it
 * and no batch comes to the instance, `tick` does it. Doing it twice changes nothing (each item is idempotent).
 */
export const OWED_TIMER = '@owed';
const OWED_GRACE_MS = 60_000;

export const owesAnything = (owed: Owed) =>
  owed.releases.length > 0 || owed.takeovers.length > 0 || owed.listings.length > 0;

/** The timer row for a commit at `now` that owes work. */
export const owedTimer = (now: number): TimerSpec => ({
  timerId: OWED_TIMER,
  dueAt: now + OWED_GRACE_MS,
  event: { type: OWED_TIMER },
});

/**
 * Takes a unit over for a committed event and says whom to tell: the holder replaced; or, if someone else got the
 * unit first or it became final, this event's own instance (its event lost). A replay finds the unit already held
 * and tells the replaced holder again (notices are idempotent by id).
 */
async function takeOver(
  store: Store,
  mechanic: AnyMechanic,
  instanceId: string,
  { reservation, replacing, event }: TakeOver,
): Promise<Notice | null> {
  const result = await store.reserve({ ...reservation, mode: 'replaceable', replacing });
  const told = !result.ok ? reservation.holder : result.duplicate ? replacing : result.replaced;
  const notice = told === undefined ? null : mechanic.takenOver?.(event, reservation, told);
  return notice ? { ...notice, eventId: `notice:${instanceId}:${scopedId(event)}` } : null;
}

/**
 * Does what a commit owes: releases, listing changes and take-overs. Returns the notices the take-overs call for,
 * by the id of the event that caused each; the caller delivers them.
 */
export async function doOwed(
  store: Store,
  mechanic: AnyMechanic,
  instanceId: string,
  owed: Owed,
): Promise<Map<string, Notice>> {
  for (const r of owed.releases) await store.release(r.counter, r.holder);
  for (const l of owed.listings) await store.incrementScore(l);
  const notices = new Map<string, Notice>();
  for (const t of owed.takeovers) {
    const notice = await takeOver(store, mechanic, instanceId, t);
    if (notice) notices.set(t.event.eventId, notice);
  }
  return notices;
}

import type { Notice } from '../mechanics/mechanic.js';
import type { Store, TimerSpec } from '../store/store.js';
import type { Owed } from './machine-step.js';

/**
 * The engine's own timer, written with a commit that owes work (see `persist`): if the process dies before doing it
 * and no batch comes to the instance, `tick` does it. Doing it twice changes nothing (each item is idempotent).
 */
export const OWED_TIMER = '@owed';
const OWED_GRACE_MS = 60_000;

export const owesAnything = (owed: Owed) =>
  owed.releases.length > 0 || owed.notices.length > 0 || owed.listings.length > 0;

/** The timer row for a commit at `now` that owes work. */
export const owedTimer = (now: number): TimerSpec => ({
  timerId: OWED_TIMER,
  dueAt: now + OWED_GRACE_MS,
  event: { type: OWED_TIMER },
});

/** Does what a commit owes: releases and listing changes here, notices through `notify`. */
export async function doOwed(
  store: Store,
  owed: Owed,
  notify: (notices: readonly Notice[]) => unknown,
): Promise<void> {
  for (const r of owed.releases) await store.release(r.counter, r.holder);
  for (const l of owed.listings) await store.incrementScore(l);
  if (owed.notices.length > 0) await notify(owed.notices);
}

import { type AppliedEvent, type Deadline, TIMER_ACTOR } from '../mechanics/mechanic.js';
import type { TimerSpec } from '../store/store.js';

/** The event that delivers a deadline. Its id is deterministic, so a deadline applies once however it arrives. */
export function deadlineEvent(kind: string, deadline: Deadline): AppliedEvent {
  return {
    type: `${kind}.deadline`,
    deadline: deadline.name,
    eventId: `deadline:${deadline.name}:${deadline.dueAt}`,
    actor: TIMER_ACTOR,
    at: deadline.dueAt,
  };
}

/** Timer rows to write so the store holds exactly the deadlines of the new state. */
export function timerChanges(
  kind: string,
  before: readonly Deadline[],
  after: readonly Deadline[],
): { upsert: TimerSpec[]; cancel: string[] } {
  const upsert = after
    .filter((d) => !before.some((b) => b.name === d.name && b.dueAt === d.dueAt))
    .map((d) => ({ timerId: d.name, dueAt: d.dueAt, event: deadlineEvent(kind, d) }));
  const cancel = before.filter((b) => !after.some((d) => d.name === b.name)).map((b) => b.name);
  return { upsert, cancel };
}

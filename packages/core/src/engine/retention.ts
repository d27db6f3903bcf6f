import type { AnyMachineSnapshot } from 'xstate';
import type { TimerSpec } from '../store/store.js';

/**
 * The engine's timer that deletes an instance `retainEndedMs` after it reached a final state: its row, keys, claims
 * and timers (outbox entries stay until trimmed). Until then every retry of its events is still answered as a
 * duplicate; after it, a retry is answered `unknown-instance`, never applied again.
 */
export const RETIRE_TIMER = '@retire';

/** The retire timer for a commit that moves an instance from `before` into a final state, if retention is set. */
export function retireTimer(
  before: AnyMachineSnapshot,
  after: AnyMachineSnapshot,
  now: number,
  retainEndedMs: number | undefined,
): TimerSpec | null {
  if (retainEndedMs === undefined || after.status !== 'done' || before.status === 'done') return null;
  return { timerId: RETIRE_TIMER, dueAt: now + retainEndedMs, event: { type: RETIRE_TIMER } };
}

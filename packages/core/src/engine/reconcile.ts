import type { Store } from '../store/store.js';

/** What reading back a commit whose answer was lost found. */
export type Reconciled = 'committed' | 'not-committed' | 'unknown';

/** Read-backs tried before a lost commit is reported `outcome-unknown`, and the pause before each. */
const PAUSES_MS = [0, 25, 100, 400];

/**
 * Settles a commit that failed without an answer (connection cut, timeout): it may have been applied. Reads the
 * instance back:
 * - every key of the batch is taken → the events are applied (by this commit or by a retry elsewhere): `committed`;
 * - some but not all keys are taken, or the version moved on without them → this commit can never apply (it is
 *   atomic, and its compare-and-set or key check would fail): `not-committed`;
 * - nothing moved → it may still be in flight in the store; after a few read-backs: `unknown`.
 * A batch without keys (only risk records) is `not-committed` once the version moved: re-applying it writes the
 * same effects under the same dedupe keys.
 */
export async function reconcileCommit(
  store: Store,
  instanceId: string,
  expectedVersion: number,
  keys: readonly string[],
  pause: (ms: number) => Promise<void>,
): Promise<Reconciled> {
  for (const ms of PAUSES_MS) {
    if (ms > 0) await pause(ms);
    try {
      const [stored, seen] = await Promise.all([
        store.load(instanceId),
        keys.length === 0 ? Promise.resolve([]) : store.seen(instanceId, keys),
      ]);
      const taken = seen.filter(Boolean).length;
      if (keys.length > 0 && taken === keys.length) return 'committed';
      if (taken > 0) return 'not-committed';
      if ((stored?.version ?? 0) !== expectedVersion) return 'not-committed';
    } catch {
      // The store is still unreachable: try again, then report the outcome as unknown.
    }
  }
  return 'unknown';
}

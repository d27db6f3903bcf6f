import { LiebianError } from '../errors/liebian-error.js';
import type { ConsumerLease, OutboxItem, Store } from '../store/store.js';
import type { RetryResult } from './types.js';

export interface RetryParts {
  readonly store: Store;
  readonly name: string;
  readonly leaseMs: number;
  readonly now: () => number;
  /** Leases (or renews) the consumer; null when another process holds it. */
  readonly lease: () => Promise<ConsumerLease | null>;
  /** The lease renewed when due; null when it passed to another owner. */
  readonly kept: (current: ConsumerLease) => Promise<ConsumerLease | null>;
  /** Calls the handler; null on success, else the error as text. */
  readonly deliver: (item: OutboxItem, attempt: number, under: ConsumerLease) => Promise<string | null>;
}

/**
 * Delivers dead letters again under the consumer's lease: those with the given keys, or all. A delivered one is
 * removed; a failing one is written back with its new error and attempt count (fenced, like a cursor move).
 */
export async function retryDeadLetters(
  parts: RetryParts,
  keys: readonly string[] | undefined,
): Promise<RetryResult> {
  const { store, name } = parts;
  const held = (why: string) => new LiebianError('consumer-lease-held', `consumer "${name}" ${why}`);
  let current = await parts.lease();
  if (!current) {
    throw held(
      `is leased by another process; retry its dead letters there, or after its lease (${parts.leaseMs} ms) ends`,
    );
  }
  const wanted = keys === undefined ? null : new Set(keys);
  const found = new Set<string>();
  const delivered: string[] = [];
  const failed: string[] = [];
  for (let after: string | null = null; ; ) {
    const letters = await store.listDeadLetters(name, after, 100);
    if (letters.length === 0) break;
    after = letters.at(-1)?.item.dedupeKey ?? null;
    for (const letter of letters) {
      const key = letter.item.dedupeKey;
      if (wanted && !wanted.has(key)) continue;
      found.add(key);
      current = await parts.kept(current);
      if (!current) throw held('was taken over by another process while retrying dead letters; retry there');
      const failure = await parts.deliver(letter.item, letter.attempts + 1, current);
      if (failure === null) {
        await store.removeDeadLetter(name, key);
        delivered.push(key);
        continue;
      }
      const again = { ...letter, error: failure, attempts: letter.attempts + 1, failedAt: parts.now() };
      if (!(await store.advanceConsumer({ name, fence: current.fence, deadLetters: [again] })))
        throw held('was taken over by another process while retrying dead letters; retry there');
      failed.push(key);
    }
  }
  return { delivered, failed, missing: [...(wanted ?? [])].filter((key) => !found.has(key)) };
}

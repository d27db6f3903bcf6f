import type { Effect } from '../engine/types.js';
import type { Store } from '../store/store.js';

/**
 * Counts the outbox entries after consumer `name`'s stored cursor, up to `upTo`, and the oldest one's `at` — for any
 * consumer in the store, including one that runs in another process.
 *
 * @example
 * const { entries, capped } = await outboxBehind(store, 'rewards', 10_000);
 */
export async function outboxBehind(
  store: Store,
  name: string,
  upTo: number,
): Promise<{ entries: number; capped: boolean; oldestAt: number | null }> {
  let cursor = (await store.listConsumers()).find((c) => c.name === name)?.cursor ?? null;
  let entries = 0;
  let oldestAt: number | null = null;
  while (entries <= upTo) {
    const page = await store.readOutbox(cursor, Math.min(1_000, upTo + 1 - entries));
    if (page.length === 0) break;
    const at = (page[0]?.payload as Partial<Effect> | undefined)?.at;
    if (entries === 0 && typeof at === 'number') oldestAt = at;
    entries += page.length;
    cursor = page.at(-1)?.cursor ?? cursor;
  }
  return { entries: Math.min(entries, upTo), capped: entries > upTo, oldestAt };
}

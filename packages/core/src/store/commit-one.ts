import type { CommitBatch, CommitResult, Store } from './store.js';

/**
 * Commits one instance's batch alone: {@link Store.commit} with a single request.
 *
 * @example
 * const result = await commitOne(store, 'b1', { expectedVersion: 0, campaignId: 'c', kind: 'bargain',
 *   snapshot: {}, keys: ['e:1'], timers: { upsert: [], cancel: [] }, outbox: [], now: Date.now() });
 */
export async function commitOne(store: Store, id: string, batch: CommitBatch): Promise<CommitResult> {
  const [result] = await store.commit([{ ...batch, id }]);
  if (!result) throw new Error('store.commit answered no result for one request');
  return result;
}

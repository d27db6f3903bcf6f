import { describe, expect, it } from 'vitest';
import { isLiebianError } from '../errors/liebian-error.js';
import { guardStore } from './guarded-store.js';
import { createMemoryStore } from './memory-store.js';
import type { Store } from './store.js';

describe('guardStore', () => {
  it('passes answers through and types every failure as a retryable store error with its cause', async () => {
    const memory = createMemoryStore();
    const failing: Store = { ...memory, load: () => Promise.reject(new Error('ECONNRESET')) };
    expect(await guardStore(memory).load('x')).toBeNull();
    const error = await guardStore(failing)
      .load('x')
      .catch((e: unknown) => e);
    expect(isLiebianError(error, 'store-unavailable')).toBe(true);
    expect((error as Error).message).toContain('ECONNRESET');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('fails a call that never answers with store-timeout, and says a write may have applied', async () => {
    const memory = createMemoryStore();
    const silent: Store = { ...memory, commit: () => new Promise(() => {}) };
    const error = await guardStore(silent, 20)
      .commit([
        {
          id: 'x',
          expectedVersion: 0,
          campaignId: 'c',
          kind: 'bargain',
          snapshot: {},
          keys: [],
          timers: { upsert: [], cancel: [] },
          outbox: [],
          now: 0,
        },
      ])
      .catch((e: unknown) => e);
    expect(isLiebianError(error, 'store-timeout')).toBe(true);
    expect((error as Error).message).toContain('may have applied');
  });
});

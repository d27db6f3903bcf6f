import { isDeepStrictEqual } from 'node:util';
import type { CommitBatch, Store } from '@liebian/core';
import { commitOne } from '@liebian/core';

let counter = 0;
/** A unique id, so tests never collide even on a shared database. */
export const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(++counter).toString(36)}`;

export function batch(overrides: Partial<CommitBatch> = {}): CommitBatch {
  return {
    expectedVersion: 0,
    campaignId: 'conformance',
    kind: 'bargain',
    snapshot: { value: 'cutting', context: { n: 0 } },
    keys: [],
    timers: { upsert: [], cancel: [] },
    outbox: [],
    now: 1_000,
    ...overrides,
  };
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`conformance: ${message}`);
}

/** Deep equality (object key order does not matter; JSON stores may reorder keys). */
export function equal(actual: unknown, expected: unknown, message: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(
      `conformance: ${message}\n  expected ${JSON.stringify(expected)}\n  received ${JSON.stringify(actual)}`,
    );
  }
}

/** Runs `tasks` with all of them in flight at once. */
export function all<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => task(i)));
}

/** Creates an instance at version 1. */
export async function created(
  store: Store,
  id: string,
  snapshot: unknown = { value: 'cutting', context: { n: 0 } },
) {
  const result = await commitOne(store, id, batch({ snapshot }));
  check(result.ok, `creating ${id} failed: ${JSON.stringify(result)}`);
}

import type { Store } from '@liebian/core';

/**
 * The test functions of your runner. Works with vitest (`{ describe, it }` from 'vitest') and `node:test`
 * (`{ describe, it }` from 'node:test'); any runner with these two shapes will do.
 *
 * @example
 * import { describe, it } from 'node:test';
 * const runner: TestRunner = { describe, it };
 * runStoreConformance(runner, { name: 'my-kv', create: createMyStore });
 */
export interface TestRunner {
  describe(name: string, body: () => void): void;
  /** `timeoutMs` is vitest's third argument; `node:test` ignores it. */
  it(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/**
 * How {@link runStoreConformance} runs against your store: a factory of fresh stores, optional second
 * handles and raw read-back, the groups to skip, and the concurrency of the race tests.
 *
 * @example
 * const options: ConformanceOptions = {
 *   name: 'my-kv',
 *   create: () => createMyStore({ prefix: crypto.randomUUID() }),
 *   records: true,
 * };
 * runStoreConformance({ describe, it }, options);
 */
export interface ConformanceOptions {
  /** Shown in the suite name. */
  readonly name: string;
  /** A fresh, empty store, isolated from every other store this factory returned (a new schema, key prefix…). */
  create(): Promise<Store>;
  /**
   * Another handle on the same data as `store` (a new connection), when the store can have several. Concurrency
   * tests then spread their calls over both handles, so they race through separate connections.
   */
  sibling?(store: Store): Promise<Store>;
  /**
   * Reads what the database physically holds for an instance, bypassing the store object (Auth.js-style raw
   * read-back), so tests see what was persisted rather than what the store remembers.
   */
  rawRead?(store: Store, instanceId: string): Promise<{ version: number; snapshot: unknown } | null>;
  /**
   * The store implements the optional operator records part (`RecordStore`: held events, the audit), so the
   * `records` group runs. Default false: a store without it passes the rest, and the engine refuses a `hold` on it.
   */
  readonly records?: boolean;
  /** Parallel callers in the concurrency tests. Default 32. */
  readonly concurrency?: number;
  /** Reservations raced against a stock of a tenth as many in the stock test. Default 10,000. */
  readonly reservations?: number;
  /** Test names to skip. Each must name a real test, so a typo cannot silently disable one. */
  readonly skip?: readonly string[];
  /**
   * Kill-and-reopen durability, for stores whose `capabilities.durability` is not `none`. `spawn` starts a child
   * process that calls `runDurabilityChild(open)` from this package; `reopen` opens the same data in this process.
   */
  /**
   * Fault injection through a TCP proxy the suite starts in front of `target` (connections cut before a request or
   * after the server carried it out, a silent server, refused connections). `open` returns a fresh, empty store
   * that connects through `via`, and a direct handle on the same data to check what was really written.
   */
  readonly faults?: {
    readonly target: { readonly host: string; readonly port: number };
    /**
     * Bytes found in the request of a commit on the wire (PostgreSQL: the commit function's name), so the suite can
     * lose exactly commit answers. Omit when the client sends commands again after a reconnect (ioredis): an answer
     * is then never lost.
     */
    readonly commitMarker?: string;
    open(via: { readonly host: string; readonly port: number }): Promise<{ store: Store; direct: Store }>;
  };
  readonly durability?: {
    spawn(): import('node:child_process').ChildProcess;
    reopen(): Promise<Store>;
  };
}

/** What each test file of the suite registers its tests with. */
export interface SuiteContext {
  readonly options: ConformanceOptions;
  readonly concurrency: number;
  test(name: string, body: (use: TestHandles) => Promise<void>, timeoutMs?: number): void;
}

/** What a test body gets; every store it opens is disposed after the test. */
export interface TestHandles {
  /** A fresh, empty store from the factory. */
  open(): Promise<Store>;
  /** `store` plus, when the adapter has them, two siblings on the same data to race through. */
  handles(store: Store): Promise<Store[]>;
}

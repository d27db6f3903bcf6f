import type { Store } from '@liebian/core';
import { analyticsTests } from './analytics-tests.js';
import { casTests } from './cas-tests.js';
import { concurrencyTests } from './concurrency-tests.js';
import { consumerTests } from './consumer-tests.js';
import { counterTests } from './counter-tests.js';
import { durabilityTests } from './durability-tests.js';
import { faultTests } from './fault-tests.js';
import { fidelityTests } from './fidelity-tests.js';
import { outboxPagingTests, outboxTests } from './outbox-tests.js';
import { recordTests } from './record-tests.js';
import { reserveModeTests } from './reserve-mode-tests.js';
import type { ConformanceOptions, SuiteContext, TestRunner } from './runner.js';
import { scoreTests } from './score-tests.js';
import { timerTests } from './timer-tests.js';

const GROUPS = {
  fidelity: fidelityTests,
  'compare-and-set and keys': casTests,
  concurrency: concurrencyTests,
  'counters in the commit': counterTests,
  'reserve modes': reserveModeTests,
  timers: timerTests,
  outbox: outboxTests,
  'outbox paging': outboxPagingTests,
  scores: scoreTests,
  consumers: consumerTests,
  records: recordTests,
  analytics: analyticsTests,
  durability: durabilityTests,
  faults: faultTests,
};

/**
 * Registers the store conformance suite with your test runner. Every adapter shipped with Liebian passes it;
 * an integrator's adapter should too.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { runStoreConformance } from '@liebian/adapters/testing';
 * runStoreConformance({ describe, it }, { name: 'my-kv', create: () => createMyStore({ prefix: crypto.randomUUID() }) });
 */
export function runStoreConformance(runner: TestRunner, options: ConformanceOptions): void {
  const skip = new Set(options.skip ?? []);
  const concurrency = options.concurrency ?? 32;
  // Test names, collected up front: runners may run nested describe bodies after the outer one returns.
  const names = new Set<string>();
  for (const register of Object.values(GROUPS))
    register({ options, concurrency, test: (name) => void names.add(name) });
  const unknown = [...skip].filter((name) => !names.has(name));
  if (unknown.length > 0) throw new Error(`runStoreConformance: skip names no test: ${unknown.join('; ')}`);
  runner.describe(`store conformance: ${options.name}`, () => {
    for (const [group, register] of Object.entries(GROUPS)) {
      if (group === 'durability' && options.durability === undefined) continue;
      if (group === 'faults' && options.faults === undefined) continue;
      if (group === 'records' && options.records !== true) continue;
      runner.describe(group, () => {
        const context: SuiteContext = {
          options,
          concurrency,
          test(name, body, timeoutMs = 60_000) {
            if (skip.has(name)) return;
            runner.it(
              name,
              async () => {
                const opened: Store[] = [];
                const track = (store: Store) => {
                  opened.push(store);
                  return store;
                };
                try {
                  await body({
                    open: async () => track(await options.create()),
                    handles: async (store) => {
                      const sibling = options.sibling;
                      if (!sibling) return [store];
                      return [store, track(await sibling(store)), track(await sibling(store))];
                    },
                  });
                } finally {
                  // Siblings first: they may share a connection pool with the store that made them.
                  for (const store of opened.reverse()) await store.dispose();
                }
              },
              timeoutMs,
            );
          },
        };
        register(context);
      });
    }
  });
}

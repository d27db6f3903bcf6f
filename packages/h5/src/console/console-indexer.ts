import { type Clock, type Consumer, createConsumer, type Store } from '@liebian/core';
import type { RecordStore } from '@liebian/core/store';

/**
 * The console's own effect consumer: it lists the work waiting for an operator.
 *
 * @example
 * const indexer = (await store.listConsumers()).find((c) => c.name === INDEXER_NAME); // how far it has read
 */
export const INDEXER_NAME = 'liebian-console';
/** Leaderboards frozen for approval (`waiting`) and those published or cancelled since (`done`), by instance. */
export const BOARDS = 'console-boards';
/** Referral links with reward ledger entries, by instance (their entries are read from the instance's view). */
export const LEDGERS = 'console-ledgers';

const LEDGER_EFFECTS = new Set([
  'referral.reward-pending',
  'referral.reward-approved',
  'referral.reward-reversed',
  'referral.reward-clawback',
]);

/**
 * A durable consumer of the outbox that records which instances wait for an operator, so the console finds them
 * whichever process committed them. Each step is idempotent (a record is made once; `waiting → done` is a
 * compare-and-set), so a redelivered effect changes nothing.
 *
 * @example
 * const indexer = createConsoleIndexer(store);
 * indexer.start(); // and wake it: createEngine({ …, onEffect: () => indexer.notify() })
 */
export function createConsoleIndexer(store: Store & RecordStore, options: { clock?: Clock } = {}): Consumer {
  return createConsumer({
    store,
    name: INDEXER_NAME,
    ...(options.clock ? { clock: options.clock } : {}),
    handler: async (effect) => {
      const base = { id: effect.instanceId, ref: effect.campaignId, at: effect.at };
      if (effect.type === 'leaderboard.frozen') {
        await store.putRecord({
          ...base,
          collection: BOARDS,
          status: 'waiting',
          data: { kind: effect.kind },
        });
      } else if (effect.type === 'leaderboard.published' || effect.type === 'leaderboard.cancelled') {
        const { created } = await store.putRecord({
          ...base,
          collection: BOARDS,
          status: 'done',
          data: { kind: effect.kind },
        });
        if (!created)
          await store.updateRecord(BOARDS, effect.instanceId, {
            from: 'waiting',
            to: 'done',
            data: { kind: effect.kind },
            at: effect.at,
          });
      } else if (LEDGER_EFFECTS.has(effect.type)) {
        await store.putRecord({ ...base, collection: LEDGERS, status: 'open', data: { kind: effect.kind } });
      }
    },
  });
}

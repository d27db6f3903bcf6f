import { runStoreConformance } from '@liebian/adapters/testing';
import { describe, it } from 'vitest';
import { KeyValueStore } from './kv.js';
import { createKeyValueStore } from './kv-store.js';

// The same suite Liebian's own adapters pass. The KV store is in-process, so the stock race uses 1,000 claims.
runStoreConformance(
  { describe, it },
  {
    name: 'example key-value store',
    create: async () => createKeyValueStore(new KeyValueStore()),
    reservations: 1_000,
  },
);

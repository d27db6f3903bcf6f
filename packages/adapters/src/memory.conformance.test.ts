import { createMemoryStore } from '@liebian/core';
import { describe, it } from 'vitest';
import { runStoreConformance } from './testing/index.js';

runStoreConformance(
  { describe, it },
  { name: 'memory', records: true, create: async () => createMemoryStore() },
);

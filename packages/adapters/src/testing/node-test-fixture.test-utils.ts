// Runs the conformance suite under node:test (see node-test-runner.test.ts).
import { describe, it } from 'node:test';
import { createMemoryStore } from '@liebian/core';
import { runStoreConformance } from './index.js';

runStoreConformance(
  { describe, it },
  { name: 'memory under node:test', create: async () => createMemoryStore(), reservations: 1_000 },
);

export { runDurabilityChild } from './durability-tests.js';
export { runStoreConformance } from './run-store-conformance.js';
export type { ConformanceOptions, TestRunner } from './runner.js';

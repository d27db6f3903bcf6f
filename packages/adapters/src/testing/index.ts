export { runDurabilityChild } from './durability-tests.js';
export { type Address, type FaultPlan, type FaultProxy, startFaultProxy } from './fault-proxy.js';
export { runStoreConformance } from './run-store-conformance.js';
export type { ConformanceOptions, TestRunner } from './runner.js';

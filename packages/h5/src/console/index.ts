export type { AnalyticsSlot } from './console-analytics.js';
export { createConsoleIndexer, INDEXER_NAME } from './console-indexer.js';
export {
  type ConsoleOperator,
  type ConsoleOptions,
  type ConsoleRole,
  createConsole,
  type OperatorConsole,
} from './create-console.js';

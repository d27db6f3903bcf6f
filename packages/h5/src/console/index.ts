export { createConsoleIndexer, INDEXER_NAME } from './console-indexer.js';
export {
  type AnalyticsSlot,
  type ConsoleOperator,
  type ConsoleOptions,
  type ConsoleRole,
  createConsole,
  type OperatorConsole,
} from './create-console.js';

// `@liebian/core/analytics`: campaign figures from the engine's own log (funnel, K per generation, money), the
// event-log export and the consumer that keeps the counts.

export { EVENT_RECORD, type EventRecordPayload, parseChannel } from '../engine/event-record.js';
export * from '../simulate/index.js';
export { type Analytics, type AnalyticsOptions, createAnalytics } from './create-analytics.js';
export { parseDayRange } from './day-range.js';
export { EVENT_LOG_VERSION, type EventLogLine, type EventLogOptions, exportEventLog } from './event-log.js';
export type { Cell } from './figures.js';
export { foldEntry } from './fold.js';
export { type FunnelStepSpec, GENERIC_FUNNEL, MECHANIC_FUNNELS } from './funnels.js';
export { type MoneyFact, type MoneyMetric, type MoneyReading, readMoney } from './money-facts.js';
export { foldPageEvent, PAGE_EVENT_TYPES, type PageEvent, type PageEventType } from './page-events.js';
export {
  type AnalyticsSource,
  campaignReport,
  channelFigures,
  compareCampaigns,
  dailyFigures,
  funnel,
  generationFigures,
  inviteTree,
  readCells,
  topSpreaders,
  viralCycle,
} from './queries.js';
export type * from './types.js';

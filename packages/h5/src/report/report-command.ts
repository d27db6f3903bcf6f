import type { AnyCampaign, Locale, Store } from '@liebian/core';
import { campaignReport, createAnalytics, exportEventLog } from '@liebian/core/analytics';
import { formatReport, type ReportBy, type ReportFormat } from './format-report.js';

export interface ReportRequest {
  readonly store: Store;
  readonly campaign: AnyCampaign;
  readonly from?: string;
  readonly to?: string;
  readonly by: ReportBy;
  readonly format: ReportFormat;
  readonly locale: Locale;
  /** The analytics consumer's name (default `analytics`). */
  readonly consumer?: string;
}

/**
 * `liebian report`: catches the analytics consumer up (unless another process holds its lease, which then keeps
 * it current), then formats the campaign's report. Returns the text and a note for stderr when it could not catch up.
 *
 * @example
 * const { text } = await report({ store, campaign, by: 'day', format: 'table', locale: 'zh-CN' });
 */
export async function report(request: ReportRequest): Promise<{ text: string; note: string | null }> {
  const { store, campaign } = request;
  const analytics = createAnalytics({ store, campaigns: [campaign], name: request.consumer ?? 'analytics' });
  const drained = await analytics.consumer.drain();
  await analytics.consumer.stop();
  const lag = await analytics.consumer.lag({ upTo: 1_000 });
  const note =
    lag.entries === 0
      ? null
      : `${lag.capped ? 'more than ' : ''}${lag.entries} outbox entries are not counted yet (${drained.status === 'not-leased' ? 'another process holds the analytics consumer' : `the consumer is ${drained.status}`})`;
  const range = {
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
  };
  const figures = await campaignReport({ store, campaign }, range);
  return { text: formatReport(figures, { name: campaign.name, ...request }), note };
}

/**
 * `liebian export`: the event log of a campaign as NDJSON, line by line.
 *
 * @example
 * await exportLog(store, campaign, (line) => process.stdout.write(line));
 */
export async function exportLog(
  store: Store,
  campaign: AnyCampaign,
  write: (line: string) => void,
  after: string | null = null,
): Promise<number> {
  let lines = 0;
  for await (const line of exportEventLog(store, { campaignId: campaign.id, after })) {
    write(line);
    lines++;
  }
  return lines;
}

import type { Locale } from '@liebian/core';
import type { CampaignReport, Figures } from '@liebian/core/analytics';
import {
  analyticsCopy,
  channelTable,
  dayTable,
  duration,
  funnelTable,
  generationTable,
  moneyTable,
  spreaderTable,
  type Table,
} from './report-rows.js';

/**
 * How {@link formatReport} writes a report: an aligned terminal table, CSV (RFC 4180), or JSON.
 *
 * @example
 * const format: ReportFormat = 'csv';
 * writeFileSync('report.csv', formatReport(report, { name, by: 'day', format, locale: 'zh-CN' }));
 */
export type ReportFormat = 'table' | 'csv' | 'json';
/**
 * How {@link formatReport} splits a report's rows: by calendar day or by the channel people arrived through.
 *
 * @example
 * const by: ReportBy = 'channel';
 * console.log(formatReport(report, { name: campaign.name, by, format: 'table', locale: 'en' }));
 */
export type ReportBy = 'day' | 'channel';

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
};
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** A table as aligned text columns. */
export function textTable({ headers, rows }: Table): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => pad(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The whole report as text sections: funnels, money, the rows by day or channel, generations, spreaders. */
export function reportText(report: CampaignReport, name: string, by: ReportBy, locale: Locale): string {
  const copy = analyticsCopy(locale);
  const s = copy.sections;
  const range = `${report.range.from ?? '…'} – ${report.range.to ?? '…'}`;
  const rows = by === 'day' ? dayTable(report.days, copy) : channelTable(report.channels, copy);
  return [
    `${copy.title(name)}  (${report.campaignId}, ${report.kind}, ${range})`,
    `\n${s.funnel}\n${textTable(funnelTable(report.funnel.mechanic, report.kind, copy))}`,
    `\n${s.generic}\n${textTable(funnelTable(report.funnel.generic, report.kind, copy))}`,
    `\n${s.money}\n${textTable(moneyTable(report, copy))}`,
    `\n${by === 'day' ? s.days : s.channels}\n${textTable(rows)}`,
    `\n${s.generations}\n${textTable(generationTable(report, copy))}`,
    `\n${s.cycle}\n${copy.cycle(report.cycle.instances, duration(report.cycle.medianMs, locale), duration(report.cycle.p90Ms, locale))}`,
    `\n${s.spreaders}\n${textTable(spreaderTable(report, copy))}`,
  ].join('\n');
}

/** The page-event columns of a channel row after its people (visitors, UV and page views come first). */
const OPENS = ['invite_opens', 'friends_opened'];

const CSV_FIGURES = [
  'participants',
  'launches',
  'friends',
  'friend_actions',
  'new_users',
  'paying_customers',
  'revenue_fen',
  'orders',
  'subsidy_fen',
  'reward_cost_fen',
  'cost_fen',
  'rewards_granted',
  'rewards_redeemed',
  'refund_fen',
  'cac_fen',
  'roi',
];
const csvFigures = (f: Figures) => [
  f.participants,
  f.launches,
  f.friends,
  f.friendActions,
  f.newUsers,
  f.payingCustomers,
  f.money.revenueFen,
  f.money.orders,
  f.money.subsidyFen,
  f.money.rewardCostFen,
  f.money.costFen,
  f.money.rewardsGranted,
  f.money.rewardsRedeemed,
  f.money.refundFen,
  f.money.cacFen ?? '',
  f.money.roi ?? '',
];
/** RFC 4180: quote a field with a comma, a quote or a line break; a leading =, +, - or @ is quoted and prefixed with ' (spreadsheet formulas). */
const csvField = (value: unknown) => {
  let text = String(value);
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The rows by day or channel as CSV (amounts in 分, ratios as fractions, machine headers). Channels have people
 * only: money comes from effects, which carry no channel.
 */
export function reportCsv(report: CampaignReport, by: ReportBy): string {
  const header =
    by === 'day'
      ? ['day', ...CSV_FIGURES]
      : ['channel', ...CSV_FIGURES.slice(0, 5), ...['visitors', 'daily_visitors', 'page_views'], ...OPENS];
  const rows =
    by === 'day'
      ? report.days.map((d) => [d.day, ...csvFigures(d)])
      : report.channels.map((c) => [
          c.channel ?? '',
          c.participants,
          c.launches,
          c.friends,
          c.friendActions,
          c.newUsers,
          c.page.visitors,
          c.page.dailyVisitors,
          c.page.pageViews,
          c.page.inviteOpens,
          c.page.friendsOpened,
        ]);
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The report in one of the formats.
 *
 * @example
 * const report = await campaignReport({ store, campaign });
 * process.stdout.write(formatReport(report, { name: campaign.name, by: 'day', format: 'table', locale: 'zh-CN' }));
 */
export function formatReport(
  report: CampaignReport,
  options: { name: string; by: ReportBy; format: ReportFormat; locale: Locale },
): string {
  if (options.format === 'json') return JSON.stringify(report, null, 2);
  if (options.format === 'csv') return reportCsv(report, options.by);
  return reportText(report, options.name, options.by, options.locale);
}

import type { Locale } from '@liebian/core';
import type { CampaignReport } from '@liebian/core/analytics';
import { escapeHtml } from '../report/escape-html.js';
import {
  analyticsCopy,
  channelTable,
  dayTable,
  duration,
  moneyTable,
  spreaderTable,
  stepName,
  type Table,
} from '../report/report-rows.js';

const table = ({ headers, rows }: Table) =>
  `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** Horizontal bars: one per label, as wide as its value's share of the largest. */
function bars(items: readonly { label: string; value: number | null; text: string }[], aria: string): string {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const rowH = 26;
  const h = items.length * rowH + 4;
  const rows = items.map((item, i) => {
    const y = i * rowH + 2;
    const w = item.value === null ? 0 : Math.max(1, (300 * item.value) / max);
    return `<text x="0" y="${y + 17}">${escapeHtml(item.label)}</text><rect x="110" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="#1d5fa8"/><text x="${(116 + w).toFixed(1)}" y="${y + 17}">${escapeHtml(item.text)}</text>`;
  });
  return `<svg viewBox="0 0 520 ${h}" width="520" height="${h}" role="img" aria-label="${escapeHtml(aria)}">${rows.join('')}</svg>`;
}

/** Lines per day: participants and friends. */
function dailyLines(report: CampaignReport, labels: { participants: string; friends: string }): string {
  const days = report.days;
  if (days.length === 0) return '';
  const w = 520;
  const h = 180;
  const max = Math.max(1, ...days.map((d) => Math.max(d.participants, d.friends)));
  const x = (i: number) => 40 + (460 * i) / Math.max(1, days.length - 1);
  const y = (v: number) => h - 24 - ((h - 40) * v) / max;
  const line = (pick: (d: (typeof days)[number]) => number, color: string) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${days.map((d, i) => `${x(i).toFixed(1)},${y(pick(d)).toFixed(1)}`).join(' ')}"/>${days
      .map((d, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(pick(d)).toFixed(1)}" r="3" fill="${color}"/>`)
      .join('')}`;
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(`${labels.participants}, ${labels.friends}`)}">
<line x1="40" x2="500" y1="${y(0)}" y2="${y(0)}" stroke="#ccc"/><text x="34" y="${y(max) + 4}" text-anchor="end">${max}</text><text x="34" y="${y(0) + 4}" text-anchor="end">0</text>
${line((d) => d.participants, '#1d5fa8')}${line((d) => d.friends, '#d9822b')}
<text x="40" y="${h - 6}">${escapeHtml(first)}</text><text x="500" y="${h - 6}" text-anchor="end">${escapeHtml(last)}</text>
<text x="60" y="14" fill="#1d5fa8">■ ${escapeHtml(labels.participants)}</text><text x="220" y="14" fill="#d9822b">■ ${escapeHtml(labels.friends)}</text>
</svg>`;
}

/**
 * The styles of `dashboardSections` (the grid of sections, their tables and charts).
 *
 * @example
 * const html = `<style>${DASHBOARD_STYLES}</style>${dashboardSections(report, { locale: 'en' })}`;
 */
export const DASHBOARD_STYLES = `.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:16px;margin-top:16px}
.grid section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;overflow-x:auto}
.grid table{border-collapse:collapse;font-size:13px}.grid td,.grid th{padding:3px 10px 3px 0;text-align:left;border-bottom:1px solid #eaeef2;white-space:nowrap}
.grid svg{font-size:12px;font-family:inherit}`;

/**
 * The figures of the operators' dashboard as an HTML fragment (`<div class="grid">` of sections): the mechanic's
 * funnel, K per generation and the viral cycle, the daily lines, cost and ROI, channels and top spreaders, all read
 * from `report`; every text escaped. `renderDashboard` wraps it in a document; the operator console embeds it.
 *
 * @example
 * const html = dashboardSections(await analytics.report('tea-set-bargain'), { locale: 'zh-CN' });
 */
export function dashboardSections(report: CampaignReport, options: { locale: Locale }): string {
  const copy = analyticsCopy(options.locale);
  const s = copy.sections;
  const c = copy.columns;
  const funnel = bars(
    report.funnel.mechanic.map((step) => ({
      label: stepName(copy, report.kind, step.id),
      value: step.count,
      text: step.count === null ? copy.notMeasured : String(step.count),
    })),
    s.funnel,
  );
  const k = bars(
    report.generations.map((g) => ({
      label: `${c.generation} ${g.generation}`,
      value: g.k,
      text: `K ${g.k === null ? '—' : g.k.toFixed(2)} · ${g.participants}`,
    })),
    s.generations,
  );
  const cycle = copy.cycle(
    report.cycle.instances,
    duration(report.cycle.medianMs, options.locale),
    duration(report.cycle.p90Ms, options.locale),
  );
  return `<div class="grid">
<section data-figures="funnel"><h2>${escapeHtml(s.funnel)}</h2>${funnel}</section>
<section data-figures="generations"><h2>${escapeHtml(s.generations)}</h2>${k}<p class="muted">${escapeHtml(cycle)}</p></section>
<section data-figures="days"><h2>${escapeHtml(s.days)}</h2>${dailyLines(report, { participants: c.participants, friends: c.friends })}${table(dayTable(report.days, copy))}</section>
<section data-figures="money"><h2>${escapeHtml(s.money)}</h2>${table(moneyTable(report, copy))}</section>
<section data-figures="channels"><h2>${escapeHtml(s.channels)}</h2>${table(channelTable(report.channels, copy))}</section>
<section data-figures="spreaders"><h2>${escapeHtml(s.spreaders)}</h2>${table(spreaderTable(report, copy))}</section>
</div>`;
}

/**
 * The operators' dashboard of one campaign as a whole HTML document (`dashboardSections` with a title and its
 * styles). Server-rendered, no scripts, nothing loaded from elsewhere; every text escaped.
 *
 * @example
 * const html = renderDashboard(await analytics.report('tea-set-bargain'), { name: campaign.name, locale: 'zh-CN' });
 */
export function renderDashboard(report: CampaignReport, options: { name: string; locale: Locale }): string {
  const copy = analyticsCopy(options.locale);
  const range = `${report.range.from ?? '…'} – ${report.range.to ?? '…'}`;
  return `<!doctype html>
<html lang="${options.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(copy.title(options.name))}</title>
<style>
body{font:14px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;padding:16px 24px;color:#1f2328;background:#f6f8fa}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:0 0 8px}.muted{color:#57606a}
${DASHBOARD_STYLES}
</style></head><body>
<h1>${escapeHtml(copy.title(options.name))}</h1>
<div class="muted">${escapeHtml(`${report.campaignId} · ${report.kind} · ${range}`)}</div>
${dashboardSections(report, options)}</body></html>
`;
}

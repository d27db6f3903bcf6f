import { formatMoney } from '@liebian/core';
import type { Band, SimulationResult } from '@liebian/core/analytics';
import { escapeHtml } from '../report/escape-html.js';

const round = (n: number) => Math.round(n).toLocaleString('en-US');
const yuan = (fen: number) => formatMoney(Math.round(fen));
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** A band as text: `mean (5–95 %: p5 – p95)`. */
export const bandText = (b: Band, show: (n: number) => string = round) =>
  `${show(b.mean)}  (5–95%: ${show(b.p5)} – ${show(b.p95)})`;

/** The forecast's headline, then its figures as [name, value] pairs. */
export function simulationFigures(result: SimulationResult): { headline: string; rows: [string, string][] } {
  const out = (r: SimulationResult['stockOut']) =>
    r.day === null
      ? 'never'
      : `${pct(r.probability)} of runs, day ${round(r.day.p50)} (5–95%: ${round(r.day.p5)} – ${round(r.day.p95)})`;
  const refusals = Object.entries(result.refusals)
    .map(([reason, n]) => `${reason} ${n.toFixed(1)}`)
    .join(', ');
  const rows: [string, string][] = [
    ['participants', bandText(result.participants)],
    ['friends who acted', bandText(result.friends)],
    ['new users', bandText(result.newUsers)],
    ['paying customers', bandText(result.payingCustomers)],
    ['cost', bandText(result.costFen, yuan)],
    ['revenue', bandText(result.revenueFen, yuan)],
    ['ROI', result.roi ? bandText(result.roi, pct) : '— (no cost in any run)'],
    ['stock runs out', out(result.stockOut)],
    ['budget runs out', out(result.budgetOut)],
    [
      'over budget',
      result.overBudgetProbability === null
        ? '— (no budget given)'
        : `${pct(result.overBudgetProbability)} of runs (budget ${yuan(result.budgetFen ?? 0)})`,
    ],
    ['refused per run', refusals || 'none'],
  ];
  if (result.cappedRuns) rows.push(['capped', `${result.cappedRuns} runs stopped at maxParticipants`]);
  return {
    headline: `${result.runs} runs × ${result.seeds} seeds over ${result.days} days; implied K = ${result.impliedK.toFixed(3)}`,
    rows,
  };
}

/** The forecast in lines of text, for a terminal. */
export function simulationLines(result: SimulationResult): string[] {
  const { headline, rows } = simulationFigures(result);
  return [headline, ...rows.map(([name, value]) => `${name.padEnd(18)}${value}`)];
}

/** Cumulative participants by day: the 5–95 % band and the mean, as an SVG chart. */
export function cumulativeChart(result: SimulationResult): string {
  const w = 640;
  const h = 280;
  const left = 56;
  const bottom = 32;
  const days = result.cumulative;
  const top = Math.max(1, ...days.map((d) => d.p95));
  const x = (i: number) => left + ((w - left - 16) * i) / Math.max(1, days.length - 1);
  const y = (v: number) => h - bottom - ((h - bottom - 16) * v) / top;
  const upper = days.map((d, i) => `${x(i).toFixed(1)},${y(d.p95).toFixed(1)}`);
  const lower = days.map((d, i) => `${x(i).toFixed(1)},${y(d.p5).toFixed(1)}`).reverse();
  const mean = days.map((d, i) => `${x(i).toFixed(1)},${y(d.mean).toFixed(1)}`).join(' ');
  const ticks = [0, 0.5, 1].map(
    (f) =>
      `<text x="${left - 6}" y="${y(top * f) + 4}" text-anchor="end">${round(top * f)}</text><line x1="${left}" x2="${w - 16}" y1="${y(top * f)}" y2="${y(top * f)}" stroke="#ddd"/>`,
  );
  const dayTicks = days
    .map((_, i) => i)
    .filter(
      (i) => i === 0 || i === days.length - 1 || (days.length > 10 && i % Math.ceil(days.length / 6) === 0),
    )
    .map((i) => `<text x="${x(i)}" y="${h - 12}" text-anchor="middle">day ${i + 1}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-family="sans-serif" font-size="11" role="img" aria-label="Cumulative participants by day, mean with the 5–95% band">
${ticks.join('\n')}
<polygon points="${[...upper, ...lower].join(' ')}" fill="#c7dcf5"/>
<polyline points="${mean}" fill="none" stroke="#1d5fa8" stroke-width="2"/>
${dayTicks.join('\n')}
</svg>`;
}

/**
 * The forecast as a self-contained HTML page (no scripts, nothing loaded from elsewhere).
 *
 * @example
 * const forecast = await simulateCampaign(campaign, options);
 * writeFileSync('forecast.html', simulationReportHtml(forecast, campaign.name));
 */
export function simulationReportHtml(result: SimulationResult, campaignName: string): string {
  const { headline, rows: figures } = simulationFigures(result);
  const rows = figures.map(
    ([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(campaignName)} · forecast</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:720px;margin:2em auto;color:#222}th{text-align:left;padding-right:1em;font-weight:600}td,th{padding:.2em .5em;border-bottom:1px solid #eee}</style>
</head><body>
<h1>${escapeHtml(campaignName)} · forecast</h1>
<p>${escapeHtml(headline)}. Every run is the campaign's real engine on a memory store; bands are the 5th and 95th percentiles over the runs.</p>
<h2>Participants by day (cumulative)</h2>
${cumulativeChart(result)}
<table>${rows.join('\n')}</table>
</body></html>
`;
}

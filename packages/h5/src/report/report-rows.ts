import { formatMoney, type Locale, type MechanicKind } from '@liebian/core';
import type {
  CampaignReport,
  ChannelFigures,
  DayFigures,
  Figures,
  FunnelStep,
} from '@liebian/core/analytics';
import { formatMinutes } from '@liebian/core/mechanics';
import { analyticsEn } from '../copy/analytics-en.js';
import { type AnalyticsCopy, analyticsZhCN } from '../copy/analytics-zh-cn.js';

/** The analytics words of a locale. */
export const analyticsCopy = (locale: Locale): AnalyticsCopy =>
  locale === 'en' ? analyticsEn : analyticsZhCN;

/** A funnel step's name in the mechanic's own words. */
export const stepName = (copy: AnalyticsCopy, kind: MechanicKind, id: string) =>
  copy.kindSteps[kind]?.[id] ?? copy.steps[id] ?? id;

/** A ratio as a percentage with one decimal (`—` when null). */
export const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
/** A ratio as a number with two decimals (`—` when null). */
export const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(2));
export const money = (fen: number | null) => (fen === null ? '—' : formatMoney(fen));
/** A duration in words, rounded to the minute. */
export const duration = (ms: number | null, locale: Locale) =>
  ms === null ? '—' : formatMinutes(Math.max(1, Math.round(ms / 60_000)), locale);

/** A table: headers and rows of text. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const figureCells = (f: Figures) => [
  String(f.participants),
  String(f.launches),
  String(f.friends),
  String(f.friendActions),
  String(f.newUsers),
  String(f.payingCustomers),
  money(f.money.revenueFen),
  money(f.money.costFen),
  money(f.money.cacFen),
  percent(f.money.roi),
];

const figureHeaders = (copy: AnalyticsCopy) => {
  const c = copy.columns;
  return [
    c.participants,
    c.launches,
    c.friends,
    c.friendActions,
    c.newUsers,
    c.payingCustomers,
    c.revenue,
    c.cost,
    c.cac,
    c.roi,
  ];
};

/** The per-day table, with day over day of participants. */
export function dayTable(days: readonly DayFigures[], copy: AnalyticsCopy): Table {
  return {
    headers: [copy.columns.day, ...figureHeaders(copy), copy.columns.dayOverDay],
    rows: days.map((d) => [d.day, ...figureCells(d), percent(d.dayOverDay.participants)]),
  };
}

/** The per-channel table (people only: money comes from effects, which carry no channel). */
export function channelTable(channels: readonly ChannelFigures[], copy: AnalyticsCopy): Table {
  const c = copy.columns;
  return {
    headers: [
      c.channel,
      c.visitors,
      c.dailyVisitors,
      c.inviteOpens,
      c.friendsOpened,
      c.participants,
      c.launches,
      c.friends,
      c.friendActions,
      c.newUsers,
    ],
    rows: channels.map((f) => [
      f.channel ?? copy.unknownChannel,
      String(f.page.visitors),
      String(f.page.dailyVisitors),
      String(f.page.inviteOpens),
      String(f.page.friendsOpened),
      String(f.participants),
      String(f.launches),
      String(f.friends),
      String(f.friendActions),
      String(f.newUsers),
    ]),
  };
}

/** A funnel: each step's count and its share of the previous measured step. */
export function funnelTable(steps: readonly FunnelStep[], kind: MechanicKind, copy: AnalyticsCopy): Table {
  return {
    headers: ['', '', '%'],
    rows: steps.map((s) => [
      stepName(copy, kind, s.id),
      s.count === null ? copy.notMeasured : String(s.count),
      percent(s.fromPrevious),
    ]),
  };
}

export function generationTable(report: CampaignReport, copy: AnalyticsCopy): Table {
  const c = copy.columns;
  return {
    headers: [c.generation, c.participants, c.brought, c.friendsPerParticipant, c.conversion, c.k],
    rows: report.generations.map((g) => [
      String(g.generation),
      String(g.participants),
      String(g.friendsBrought),
      decimal(g.friendsPerParticipant),
      percent(g.conversion),
      decimal(g.k),
    ]),
  };
}

export function spreaderTable(report: CampaignReport, copy: AnalyticsCopy): Table {
  const c = copy.columns;
  return {
    headers: [c.spreader, c.brought, c.launched, c.generation, c.tier],
    rows: report.spreaders.map((s) => [
      s.actorId,
      String(s.brought),
      String(s.launched),
      String(s.generation),
      copy.tiers[s.tier] ?? s.tier,
    ]),
  };
}

export function moneyTable(report: CampaignReport, copy: AnalyticsCopy): Table {
  const m = report.totals.money;
  const w = copy.money;
  return {
    headers: ['', ''],
    rows: [
      [w.revenue, money(m.revenueFen)],
      [w.orders, String(m.orders)],
      [w.subsidy, money(m.subsidyFen)],
      [w.rewardCost, money(m.rewardCostFen)],
      [w.cost, money(m.costFen)],
      [w.granted, String(m.rewardsGranted)],
      [w.redeemed, String(m.rewardsRedeemed)],
      [w.clawedBack, String(m.rewardsClawedBack)],
      [w.refunds, `${m.refunds} · ${money(m.refundFen)}`],
      [w.cac, money(m.cacFen)],
      [w.roi, percent(m.roi)],
    ],
  };
}

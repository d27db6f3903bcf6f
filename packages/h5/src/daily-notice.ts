import type { AnyCampaign } from '@liebian/core';
import { calendarDay, calendarPeriod, dailyWindow, formatInstant } from '@liebian/core/mechanics';
import type { Copy } from './copy/zh-cn.js';

/** What the page says about a campaign's daily rules at one instant. */
export interface DailyNotice {
  /** The rules in a few words (每日 10:00–22:00 开放 · 每日限量 200 份), null without daily rules. */
  readonly summary: string | null;
  /** Outside the opening hours: what to do instead (「今日已结束，明天 10:00 再来」); null while open. */
  readonly closed: string | null;
  /** The words for a refusal because today's stock is gone, with the next opening (「今日已抢完，明天 10:00 再来」). */
  readonly soldOutToday: string;
}

/** 今天 / 明天 / 12月5日 and the wall-clock time of `at`, as seen from `now` in the campaign's zone. */
function when(campaign: AnyCampaign, now: number, at: number, copy: Copy): string {
  const zone = campaign.timezone;
  const [date, time] = formatInstant(at, zone).split(' ') as [string, string];
  if (calendarDay(at, zone) === calendarDay(now, zone)) return copy.daily.today(time);
  if (calendarDay(at, zone) === calendarDay(calendarPeriod(now, 'day', zone).end, zone))
    return copy.daily.tomorrow(time);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return copy.daily.on(month, day, time);
}

/**
 * The page's words for `daily` at `now` (the view's `serverNow`): a summary, the closed notice with the next
 * opening, and the sold-out-today refusal with the next day's opening, all from the campaign's own fields and
 * {@link dailyWindow} — the same answer the engine's opening-hours check gives.
 * @example dailyNotice(campaign, view.serverNow, COPY['zh-CN']).closed // '今日已结束，明天 10:00 再来'
 */
export function dailyNotice(campaign: AnyCampaign, now: number, copy: Copy): DailyNotice {
  const t = copy.daily;
  const daily = campaign.daily;
  const parts = [
    daily?.hours ? t.hours(daily.hours.opens, daily.hours.closes) : null,
    daily?.stock !== undefined ? t.stock(daily.stock) : null,
  ].filter((p): p is string => p !== null);
  const window = dailyWindow(campaign, now);
  const next = window.nextOpensAt === null ? null : when(campaign, now, window.nextOpensAt, copy);
  const closed = window.open
    ? null
    : next === null
      ? t.closedForGood
      : window.nextOpensAt !== null &&
          calendarDay(window.nextOpensAt, campaign.timezone) === calendarDay(now, campaign.timezone)
        ? t.opensAt(next)
        : t.comeBack(next);
  // Today's stock is gone: the next chance is the next day's opening (00:00 without hours).
  const nextDay = calendarPeriod(now, 'day', campaign.timezone).end;
  const then = dailyWindow(campaign, nextDay);
  const tomorrow = then.open ? nextDay : then.nextOpensAt;
  const soldOutToday =
    tomorrow !== null && tomorrow < campaign.schedule.endsAt
      ? t.soldOutToday(when(campaign, now, tomorrow, copy))
      : t.soldOutLast;
  return { summary: parts.length === 0 ? null : parts.join(' · '), closed, soldOutToday };
}

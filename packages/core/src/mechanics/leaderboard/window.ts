import { calendarPeriod } from '../../primitives/time.js';
import type { ScoreWindow } from './schema.js';

/**
 * The window scores count in, opened at `now`: a rolling window runs its length from now; a calendar window is
 * the day, week or month containing now (counting from now: nothing scored before the board existed). Never past
 * the campaign's end.
 */
export function scoreWindow(
  window: ScoreWindow,
  now: number,
  timezone: string,
  campaignEndsAt: number,
): { startsAt: number; endsAt: number } {
  if (window.type === 'rolling') {
    return { startsAt: now, endsAt: Math.min(now + window.minutes * 60_000, campaignEndsAt) };
  }
  const period = calendarPeriod(now, window.period, timezone);
  return { startsAt: now, endsAt: Math.min(period.end, campaignEndsAt) };
}

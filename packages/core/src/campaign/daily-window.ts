import { calendarDay, calendarPeriod, localTimeOfDay } from '../primitives/time.js';

/** Minutes after local midnight of a validated `HH:MM`. */
export const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** What a campaign's opening hours say at an instant. */
export interface DailyWindow {
  /** Launches and friends' actions are accepted now. */
  readonly open: boolean;
  /** The next instant the window opens (later today or a later day), null when the campaign ends first or never closes. */
  readonly nextOpensAt: number | null;
  /** When today's window closes, when it is open now. */
  readonly closesAt: number | null;
}

/** The campaign fields {@link dailyWindow} reads: its zone, its daily hours and its end. */
export type WithDaily = {
  readonly timezone: string;
  readonly daily?:
    | { readonly hours?: { readonly opens: string; readonly closes: string } | undefined }
    | undefined;
  readonly schedule: { readonly endsAt: number };
};

/**
 * The campaign's opening hours at `now` in its time zone: whether it is open, when today's window closes and when
 * the next one opens (「明天 10:00 再来」). A campaign without hours is always open.
 * @example dailyWindow(campaign, Date.parse('2026-12-02T23:00:00+08:00')) // { open: false, nextOpensAt: <Dec 3 10:00>, closesAt: null }
 */
export function dailyWindow(campaign: WithDaily, now: number): DailyWindow {
  const hours = campaign.daily?.hours;
  if (hours === undefined) return { open: true, nextOpensAt: null, closesAt: null };
  const zone = campaign.timezone;
  const today = calendarPeriod(now, 'day', zone);
  const opens = localTimeOfDay(today.start, minutesOf(hours.opens), zone);
  const closes = localTimeOfDay(today.start, minutesOf(hours.closes), zone);
  const before = (at: number) => (at < campaign.schedule.endsAt ? at : null);
  if (now >= opens && now < closes) return { open: true, nextOpensAt: null, closesAt: closes };
  if (now < opens) return { open: false, nextOpensAt: before(opens), closesAt: null };
  const tomorrow = calendarPeriod(today.end, 'day', zone);
  return {
    open: false,
    nextOpensAt: before(localTimeOfDay(tomorrow.start, minutesOf(hours.opens), zone)),
    closesAt: null,
  };
}

/** The per-day stock counter of a campaign on the local day of `at`: `<campaign>:stock:day:2026-12-02`. */
export const dayStockCounter = (campaign: { readonly id: string; readonly timezone: string }, at: number) =>
  `${campaign.id}:stock:day:${calendarDay(at, campaign.timezone)}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(epochMs: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) out[p.type] = p.value;
  return out;
}

/** `2026-12-01 10:00` in the given IANA time zone; the same on every platform and locale. */
export function formatInstant(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The calendar day `2026-12-01` of an instant in a time zone (for per-day caps). */
export function calendarDay(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A duration in minutes as words: `90 分钟`, `24 小时`, `2 days`. */
export function formatMinutes(minutes: number, locale: 'zh-CN' | 'en'): string {
  const zh = locale === 'zh-CN';
  if (minutes % 1440 === 0)
    return zh ? `${minutes / 1440} 天` : `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0)
    return zh ? `${minutes / 60} 小时` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return zh ? `${minutes} 分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The UTC offset of a time zone at an instant, in milliseconds (east of UTC is positive). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = parts(epochMs, timeZone);
  const local = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return local - Math.floor(epochMs / 60_000) * 60_000;
}

/** The instant a local wall-clock date begins (00:00) in a time zone; months and days may overflow (Date.UTC rules). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetAt(guess, timeZone);
  // A second pass settles days whose offset differs from the guess's (daylight-saving changes).
  return guess - offsetAt(first, timeZone);
}

export type CalendarPeriod = 'day' | 'week' | 'month';

/**
 * The calendar period (a day, a week starting Monday, a month) that contains `epochMs` in `timeZone`, as
 * `[start, end)` instants.
 */
export function calendarPeriod(
  epochMs: number,
  period: CalendarPeriod,
  timeZone: string,
): { start: number; end: number } {
  const p = parts(epochMs, timeZone);
  const [year, month, day] = [Number(p.year), Number(p.month), Number(p.day)];
  if (period === 'month') {
    return {
      start: localMidnight(year, month, 1, timeZone),
      end: localMidnight(year, month + 1, 1, timeZone),
    };
  }
  const back = period === 'week' ? (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7 : 0;
  const length = period === 'week' ? 7 : 1;
  return {
    start: localMidnight(year, month, day - back, timeZone),
    end: localMidnight(year, month, day - back + length, timeZone),
  };
}

/**
 * The instant `minutes` after local midnight on the local day starting at `dayStart` in `timeZone` (`10:00` is 600),
 * by the wall clock: on a daylight-saving day the offset change before that time is taken into account.
 * @example localTimeOfDay(calendarPeriod(now, 'day', 'Asia/Shanghai').start, 600, 'Asia/Shanghai') // today 10:00
 */
export function localTimeOfDay(dayStart: number, minutes: number, timeZone: string): number {
  const naive = dayStart + minutes * 60_000;
  return naive - (offsetAt(naive, timeZone) - offsetAt(dayStart, timeZone));
}

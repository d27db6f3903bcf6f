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

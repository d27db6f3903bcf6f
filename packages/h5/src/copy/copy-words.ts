import type { RejectionReason } from '@liebian/core';
import type { IslandMessages } from '../islands.js';
import type { Copy } from './zh-cn.js';

/**
 * Why an action is unavailable, in words a visitor understands: the reason's own words, or the generic "not
 * available here" — never the action's own label.
 *
 * @example
 * reasonText(COPY['zh-CN'], 'already-helped'); // '你已经参与过了'
 */
export const reasonText = (copy: Copy, reason: RejectionReason): string =>
  copy.reasons[reason] ?? (copy.reasons['not-applicable'] as string);

/**
 * A countdown as the page shows it: `3天 04:05:06` (or `3d 04:05:06`) from a day on, `0:59:07` below a day. The
 * islands tick it with the same rule (`runIslands` repeats it, as it must be self-contained).
 *
 * @example
 * countdown(90_061_000, '天'); // '1天 01:01:01'
 */
export function countdown(ms: number, day: string): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(Math.floor((s % 86_400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return s >= 86_400 ? `${Math.floor(s / 86_400)}${day} ${clock}` : clock.replace(/^0/, '');
}

/**
 * What the islands say when an action fails, in the page's language; `reasons` overrides refusals with words
 * known only at render time (「今日已抢完，明天 10:00 再来」 from the campaign's daily rules).
 *
 * @example
 * islandMessages(COPY['zh-CN']).signIn; // '请先登录后再参与'
 */
export const islandMessages = (
  copy: Copy,
  reasons: Readonly<Record<string, string>> = {},
): IslandMessages => ({
  reasons: { ...copy.reasons, ...reasons },
  ...copy.failures,
});

import { z } from 'zod';
import { minutesOf } from './daily-window.js';
import { positiveIntField } from './fields.js';

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A time of day `HH:MM` in the campaign's time zone; `24:00` is the end of the day. */
const clockField = z.string({ error: 'must be a time of day such as "10:00"' }).regex(CLOCK, {
  error:
    'must be a time of day "HH:MM" in the campaign time zone, e.g. "10:00" ("24:00" for the end of the day)',
});

/**
 * Rules that repeat every calendar day in the campaign's time zone: opening hours (每日 10:00–22:00) and per-day
 * stock (每日限量). Both apply across every mechanic.
 */
export const dailySchema = z
  .strictObject({
    /** Launches and friends' actions are accepted only from `opens` until `closes` (local time, same day). */
    hours: z
      .strictObject({ opens: clockField, closes: clockField })
      .refine((h) => minutesOf(h.closes) > minutesOf(h.opens), {
        error:
          'closes must be after opens on the same day (a window past midnight is not supported: end at "24:00")',
        path: ['closes'],
      })
      .optional(),
    /** Units of stock that may be taken per calendar day, on top of `stock.total` (counted from local midnight). */
    stock: positiveIntField.optional(),
  })
  .refine((d) => d.hours !== undefined || d.stock !== undefined, {
    error: 'needs hours, stock or both; remove daily if the campaign has neither',
  });
export type DailyRules = z.output<typeof dailySchema>;

/**
 * Cross-field checks of `daily`, for each mechanic's schema: per-day stock needs a kind that takes stock, and no
 * more per day than in total.
 */
export function dailyIssues(
  campaign: {
    readonly kind: string;
    readonly rules: object;
    readonly stock?: { readonly total: number } | undefined;
    readonly daily?: DailyRules | undefined;
  },
  issue: (path: (string | number)[], message: string) => void,
): void {
  const perDay = campaign.daily?.stock;
  if (perDay === undefined) return;
  if (campaign.kind === 'coupon' && (campaign.rules as { mode?: string }).mode === 'pool')
    issue(
      ['daily', 'stock'],
      'a coupon pool takes its opener\'s unit at launch, which cannot be counted per day yet; use stock.total, or a share campaign (rules.mode "share")',
    );
  else if (campaign.kind === 'leaderboard' || campaign.kind === 'swap')
    issue(
      ['daily', 'stock'],
      `a ${campaign.kind} campaign takes no stock, so a per-day stock would limit nothing; remove daily.stock`,
    );
  else if (campaign.stock !== undefined && perDay > campaign.stock.total)
    issue(
      ['daily', 'stock'],
      `must not exceed stock.total (${campaign.stock.total}); lower it or raise the total`,
    );
}

/** {@link dailyIssues} as a zod refinement step: `.superRefine((c, ctx) => { checkDaily(c, ctx); … })`. */
export function checkDaily(
  campaign: Parameters<typeof dailyIssues>[0],
  ctx: { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void },
): void {
  dailyIssues(campaign, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
}

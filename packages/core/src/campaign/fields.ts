import { z } from 'zod';

/** Reusable field schemas with messages that say what is wrong and how to fix it. */

/** Integer 分 ≥ 0. */
export const fenField = z
  .int({ error: 'must be a whole number of 分 (cents), e.g. 1250 for ¥12.50' })
  .nonnegative({ error: 'must be 0 or more 分' });

/** Integer 分 > 0. */
export const positiveFenField = z
  .int({ error: 'must be a whole number of 分 (cents), e.g. 1250 for ¥12.50' })
  .positive({ error: 'must be at least 1 分' });

export const positiveIntField = z
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be 1 or more' });

export const slugField = z.string({ error: 'must be a string' }).regex(/^[a-z0-9][a-z0-9-]{1,63}$/, {
  error:
    'must be 2–64 characters of a–z, 0–9 and "-", starting with a letter or digit, e.g. "spring-bargain"',
});

/** Text a marketer writes: trimmed, non-empty, bounded. Escaped at render time. */
export function textField(max: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
}

/** An absolute https URL (or a root-relative path for assets served with the page). */
export const safeUrlField = z.string({ error: 'must be a URL' }).refine(
  (value) => {
    if (/^\/(?!\/)[^\s]*$/.test(value)) return true;
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'must be an https:// URL or a path starting with "/" (http:, javascript: and data: are refused)' },
);

/** An ISO-8601 instant with an offset, parsed to epoch milliseconds. */
export const instantField = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO date-time with an offset, e.g. 2026-12-01T10:00:00+08:00',
  })
  .transform((value) => Date.parse(value));

/** Whether a string is a way to reach someone: a phone number, an email address or an https URL. */
function isContact(value: string): boolean {
  if (/^[+()\d\s-]+(转\d+)?$/.test(value)) return (value.match(/\d/g) ?? []).length >= 7;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return true;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A contact a consumer can use: a phone number (at least 7 digits, e.g. "400-800-1234"), an email address or an
 * https:// URL. "-", "n/a" or a name is refused.
 * @example contactField.parse('400-800-1234') // '400-800-1234'
 */
export const contactField = textField(60).refine(isContact, {
  error:
    'must be a way to reach the organiser: a phone number with at least 7 digits (e.g. "400-800-1234"), an email address or an https:// URL; "-" or a name is not a contact',
});

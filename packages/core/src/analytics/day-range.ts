import { LiebianError } from '../errors/liebian-error.js';
import type { DayRange } from './types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a range of calendar days: each end `YYYY-MM-DD` (a real date), `from` not after `to`.
 *
 * @example
 * parseDayRange({ from: '2026-12-01' }); // { from: '2026-12-01', to: null }
 */
export function parseDayRange(range: DayRange = {}): { from: string | null; to: string | null } {
  const check = (field: 'from' | 'to') => {
    const value = range[field];
    if (value === undefined) return null;
    const valid =
      typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    if (!valid || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
      throw new LiebianError(
        'invalid-argument',
        `${field} = ${JSON.stringify(value)}: must be a calendar day YYYY-MM-DD, e.g. 2026-12-01`,
        { issues: [{ path: field, value, message: 'must be a calendar day YYYY-MM-DD' }] },
      );
    return value;
  };
  const from = check('from');
  const to = check('to');
  if (from !== null && to !== null && from > to)
    throw new LiebianError('invalid-argument', `from = "${from}" is after to = "${to}": swap them`, {
      issues: [{ path: 'from', value: from, message: `must not be after to (${to})` }],
    });
  return { from, to };
}

/** Whether a day falls in a parsed range. */
export const inRange = (day: string, range: { from: string | null; to: string | null }) =>
  (range.from === null || day >= range.from) && (range.to === null || day <= range.to);

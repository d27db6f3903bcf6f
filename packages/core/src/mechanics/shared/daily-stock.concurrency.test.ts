import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store.js';
import { dailyStockRace } from './daily-stock-race.test-utils.js';

const reasons = (answers: readonly { status: string; reason?: string }[]) =>
  [...new Set(answers.flatMap((a) => (a.status === 'rejected' && a.reason ? [a.reason] : [])))].sort();

describe('每日限量 under concurrency (memory store, two engines)', () => {
  it('600 racing claims a day against 100 a day and 150 in total: exactly 100, then exactly the 50 left', async () => {
    const { answers, issuedByDay } = await dailyStockRace(createMemoryStore());
    expect(issuedByDay).toEqual([
      ['2026-12-02', 100],
      ['2026-12-03', 50],
    ]);
    const [first, second] = answers as [(typeof answers)[0], (typeof answers)[0]];
    expect(first.filter((a) => a.status === 'accepted')).toHaveLength(100);
    expect(reasons(first)).toEqual(['sold-out-today']);
    expect(second.filter((a) => a.status === 'accepted')).toHaveLength(50);
    // Units held a moment by racing claims may tell a few "today" while the total runs out; never the reverse.
    expect(reasons(second)).toContain('sold-out');
    expect(reasons(second).every((r) => r === 'sold-out' || r === 'sold-out-today')).toBe(true);
  });
});

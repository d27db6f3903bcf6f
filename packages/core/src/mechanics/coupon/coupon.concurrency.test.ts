import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store.js';
import { couponStockRace } from './coupon-stock-race.test-utils.js';

describe('coupon under concurrency (memory store)', () => {
  it('10,000 concurrent claims against stock 1,000 issue exactly 1,000, one per user', async () => {
    const { results, issued, holders } = await couponStockRace(createMemoryStore());
    expect(issued).toHaveLength(1_000);
    expect(new Set(holders).size).toBe(1_000);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1_000);
    const reasons = new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])));
    expect([...reasons].sort()).toEqual(['quota-exhausted', 'sold-out']);
  });
});

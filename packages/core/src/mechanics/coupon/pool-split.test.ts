import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partRange, splitPool } from './pool-split.js';

describe('splitPool', () => {
  it('gives every part at least the minimum and sums exactly, for both modes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer(),
        fc.constantFrom('equal' as const, 'random' as const),
        (people, min, extra, seed, mode) => {
          const amount = people * min + extra;
          const { parts } = splitPool(amount, people, min, mode, seed);
          expect(parts).toHaveLength(people);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          const { lo, hi } = partRange(amount, people, min, mode);
          for (const part of parts) {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(mode === 'equal' ? Math.floor(amount / people) : min);
            // Inside the range the rules disclose (partRange: the text and the draw share it).
            expect(part).toBeGreaterThanOrEqual(lo);
            expect(part).toBeLessThanOrEqual(hi);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('discloses ¥49.97 as the largest part of ¥50 among 4: the last member’s when the others draw 1 分', () => {
    expect(partRange(5000, 4, 1, 'random')).toEqual({ lo: 1, hi: 4997 });
  });

  it('gives the remainder of an equal split to the first members, 1 分 each', () => {
    expect(splitPool(1003, 4, 1, 'equal', 0).parts).toEqual([251, 251, 251, 250]);
  });

  it('is deterministic for a seed', () => {
    expect(splitPool(5000, 5, 100, 'random', 42)).toEqual(splitPool(5000, 5, 100, 'random', 42));
  });
});

import { describe, expect, it } from 'vitest';

/** A rules line (matched by `pattern`), what it promises, and the test of that promise. */
export type RulePromise = [pattern: RegExp, what: string, check: () => Promise<void>];

/**
 * Text and engine agree: every line of `lines()` must match exactly one promise (so a new statement needs its
 * test), and each promise's check runs as its own test.
 */
export function describePromises(
  name: string,
  lines: () => readonly string[] | Promise<readonly string[]>,
  promises: readonly RulePromise[],
): void {
  describe(`${name}: every rules line is a tested promise`, () => {
    it('matches each line the rules print to exactly one promise', async () => {
      const printed = await lines();
      for (const line of printed)
        expect(
          promises.filter(([p]) => p.test(line)).map(([, w]) => w),
          line,
        ).toHaveLength(1);
      expect(printed).toHaveLength(promises.length);
    });
    for (const [pattern, what, check] of promises) it(`${pattern.source.slice(1, 24)}… — ${what}`, check);
  });
}

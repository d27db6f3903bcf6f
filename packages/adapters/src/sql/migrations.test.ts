import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';

/**
 * The SQL of every released migration, pinned by hash (for the default schema). A database that ran a migration
 * never runs it again, so editing one would leave stores on different schemas: change the schema with a new
 * migration, and pin it here when it is released.
 */
const RELEASED: Record<number, string> = {
  1: 'a2f54023ada1bd87',
  2: 'd56eec69668822e0',
  3: 'e058d2b7025cf64e',
  4: '7a669b9cb06295d1',
  5: 'f23b19050384d4b2',
  6: '1450b4249335a1c4',
  7: '8bd921f853d8f60a',
};

const hashOf = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);

describe('released SQL migrations are frozen', () => {
  const all = migrations('liebian');
  it.each(Object.keys(RELEASED).map(Number))('migration %i is unchanged', (version) => {
    const migration = all.find((m) => m.version === version);
    expect(migration, `migration ${version} is missing`).toBeDefined();
    expect(hashOf(migration?.sql ?? ''), `migration ${version} was edited: add a new migration instead`).toBe(
      RELEASED[version],
    );
  });

  it('numbers migrations 1, 2, 3 … in order, each once', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Store } from '@liebian/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore, lockDataDir, pgliteDriver } from './pglite.js';
import { createSqlStore } from './sql/sql-store.js';
import { suffix, TS_NODE_ARGS } from './test-env.test-utils.js';
import { runStoreConformance } from './testing/index.js';

// One embedded database for the suite (a cold start takes ~2 s); each store gets its own schema.
const shared = PGlite.create();
const dataDir = mkdtempSync(join(tmpdir(), 'liebian-pglite-'));
afterAll(async () => {
  await (await shared).close();
  rmSync(dataDir, { recursive: true, force: true });
});

const schemas = new Map<Store, string>();

runStoreConformance(
  { describe, it },
  {
    name: 'pglite',
    records: true,
    create: async () => {
      const driver = { ...pgliteDriver(await shared), close: async () => {} };
      const schema = `lbt_${suffix()}`;
      const store = await createSqlStore(driver, {
        schema,
        capabilities: { durability: 'process', multiProcess: false },
      });
      schemas.set(store, schema);
      return store;
    },
    rawRead: async (store, id) => {
      const { rows } = await (await shared).query<{ version: number; snapshot: string }>(
        `SELECT version, snapshot FROM "${schemas.get(store)}".instances WHERE id = $1`,
        [id],
      );
      return rows[0] ? { version: Number(rows[0].version), snapshot: JSON.parse(rows[0].snapshot) } : null;
    },
    durability: {
      spawn: () =>
        spawn(
          process.execPath,
          [...TS_NODE_ARGS, join(import.meta.dirname, 'durability-child.test-utils.ts'), 'pglite', dataDir],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        ),
      reopen: () => createPgliteStore({ dataDir }),
    },
  },
);

describe('pglite data directory lock', () => {
  it('refuses a second opener while the first holds the directory, with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-lock-'));
    const unlock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(/in use by process \d+.*One process per directory/);
    } finally {
      unlock();
    }
    lockDataDir(dir)();
    rmSync(dir, { recursive: true, force: true });
  });
});

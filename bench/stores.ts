import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteStore } from '@liebian/adapters/pglite';
import { createPostgresStore } from '@liebian/adapters/postgres';
import { createRedisStore } from '@liebian/adapters/redis';
import { createMemoryStore, type Store } from '@liebian/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Baseline } from './baselines/baseline.js';
import { memoryBaseline } from './baselines/memory-baseline.js';
import { deleteKeys, redisBaseline, redisBytes } from './baselines/redis-baseline.js';
import { type SqlRunner, schemaBytes, sqlBaseline } from './baselines/sql-baseline.js';

/** The pool size of the engine's PostgreSQL store in the bench, and of the baseline's pool. */
export const PG_POOL = 16;

export interface EngineStore {
  readonly store: Store;
  /** Bytes the engine's data takes in the store, or null where the store cannot tell. */
  bytes(): Promise<number | null>;
  /** Closes the store and deletes what it wrote. */
  dispose(): Promise<void>;
}

/** One kind of store: a fresh, empty engine store or baseline per run, so runs never share data. */
export interface BenchTarget {
  readonly name: string;
  openEngine(): Promise<EngineStore>;
  openBaseline(): Promise<Baseline>;
}

let opened = 0;
const unique = (kind: string) => `bench_${kind}_${process.pid}_${Date.now().toString(36)}_${opened++}`;

export const pgUrl = () => process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
export const redisUrl = () => process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;

const memory: BenchTarget = {
  name: 'memory',
  openEngine: async () => ({ store: createMemoryStore(), bytes: async () => null, dispose: async () => {} }),
  openBaseline: async () => memoryBaseline(),
};

function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    query: async (name, text, params) =>
      (await pool.query({ name, text, values: params as unknown[] })).rows as never[],
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liebian-bench-'));
  tempDirs.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const pglite: BenchTarget = {
  name: 'pglite',
  openEngine: async () => {
    const dir = tempDir();
    const store = await createPgliteStore({ dataDir: dir });
    return {
      store,
      bytes: async () => null,
      dispose: async () => {
        await store.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  openBaseline: async () => {
    const dir = tempDir();
    const db = await PGlite.create(dir);
    const runner: SqlRunner = {
      query: async (_name, text, params) => (await db.query(text, params as unknown[])).rows as never[],
      exec: async (sql) => {
        await db.exec(sql);
      },
      close: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return sqlBaseline(
      runner,
      unique('bl'),
      'one statement per operation, PGlite on disk (its one connection)',
    );
  },
};

function postgres(url: string): BenchTarget {
  return {
    name: 'postgres',
    openEngine: async () => {
      const schema = unique('engine');
      const store = await createPostgresStore({ connectionString: url, schema, max: PG_POOL });
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      return {
        store,
        bytes: () => schemaBytes(pgRunner(admin), schema),
        dispose: async () => {
          await store.dispose();
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await admin.end();
        },
      };
    },
    openBaseline: async () =>
      sqlBaseline(
        pgRunner(new pg.Pool({ connectionString: url, max: PG_POOL })),
        unique('bl'),
        `one prepared CTE per operation, pg Pool of ${PG_POOL} (the engine's size)`,
      ),
  };
}

function redis(url: string): BenchTarget {
  return {
    name: 'redis',
    openEngine: async () => {
      const prefix = unique('engine');
      const store = await createRedisStore({ url, prefix });
      const admin = new Redis(url);
      return {
        store,
        bytes: () => redisBytes(admin, `${prefix}:`),
        dispose: async () => {
          await store.dispose();
          await deleteKeys(admin, `${prefix}:`);
          await admin.quit();
        },
      };
    },
    openBaseline: () => redisBaseline(url, unique('bl')),
  };
}

/** The stores to measure: memory and PGlite always; PostgreSQL and Redis when their URLs are set. */
export function benchTargets(only: readonly string[] | null): BenchTarget[] {
  const all = [memory, pglite];
  const pgAt = pgUrl();
  const redisAt = redisUrl();
  if (pgAt) all.push(postgres(pgAt));
  if (redisAt) all.push(redis(redisAt));
  return all.filter((t) => !only || only.includes(t.name));
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteStore } from '@liebian/adapters/pglite';
import { createPostgresStore } from '@liebian/adapters/postgres';
import { createRedisStore } from '@liebian/adapters/redis';
import { createMemoryStore, type Store } from '@liebian/core';

export interface BenchStore {
  readonly name: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** The in-process store: nothing to clean up. */
export const memoryBenchStore: BenchStore = {
  name: 'memory',
  open: async () => createMemoryStore(),
  cleanup: async () => {},
};

/**
 * The stores to measure: memory and PGlite always; PostgreSQL and Redis when their URLs are set.
 * `BENCH_STORES=redis,postgres` measures only those.
 */
export function benchStores(): BenchStore[] {
  const only = process.env.BENCH_STORES?.split(',').map((s) => s.trim());
  return allStores().filter((s) => !only || only.includes(s.name));
}

function allStores(): BenchStore[] {
  const run = `bench_${Date.now().toString(36)}`;
  const stores: BenchStore[] = [memoryBenchStore];
  const dirs: string[] = [];
  stores.push({
    name: 'pglite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liebian-bench-'));
      dirs.push(dir);
      return createPgliteStore({ dataDir: dir });
    },
    cleanup: async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  });
  const pgUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    stores.push({
      name: 'postgres',
      open: () => createPostgresStore({ connectionString: pgUrl, schema: run, max: 16 }),
      cleanup: async () => {
        const store = await createPostgresStore({ connectionString: pgUrl, schema: run });
        await store.dispose();
        const pg = await import('pg');
        const client = new pg.default.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${run}" CASCADE`);
        await client.end();
      },
    });
  } else console.log('(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL)');
  const redisUrl = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (redisUrl) {
    stores.push({
      name: 'redis',
      open: () => createRedisStore({ url: redisUrl, prefix: run }),
      cleanup: async () => {
        const { Redis } = await import('ioredis');
        const redis = new Redis(redisUrl);
        for await (const keys of redis.scanStream({ match: `${run}*`, count: 1000 }))
          if (keys.length) await redis.del(...keys);
        await redis.quit();
      },
    });
  } else console.log('(Redis skipped: set REDIS_URL or TEST_REDIS_URL)');
  return stores;
}

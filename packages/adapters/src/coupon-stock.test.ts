import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@liebian/core';
import { describe, expect, it } from 'vitest';
import { couponStockRace } from '../../core/src/mechanics/coupon/coupon-stock-race.test-utils.js';
import { createPgliteStore } from './pglite.js';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';
import { serviceUrl, suffix } from './test-env.test-utils.js';

const pgUrl = serviceUrl('TEST_DATABASE_URL');
const redisUrl = serviceUrl('TEST_REDIS_URL');

const stores: {
  name: string;
  enabled: boolean;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}[] = [
  {
    name: 'pglite',
    enabled: true,
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liebian-coupon-'));
      return {
        store: await createPgliteStore({ dataDir: dir }),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    enabled: pgUrl !== null,
    open: async () => {
      const schema = `lbt_coupon_${suffix()}`;
      const store = await createPostgresStore({ connectionString: pgUrl as string, schema });
      const cleanup = async () => {
        const admin = await import('pg');
        const client = new admin.default.Client({ connectionString: pgUrl as string });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      };
      return { store, cleanup };
    },
  },
  {
    name: 'redis',
    enabled: redisUrl !== null,
    open: async () => {
      const prefix = `lbt-coupon-${suffix()}`;
      const store = await createRedisStore({ url: redisUrl as string, prefix });
      const cleanup = async () => {
        const { Redis } = await import('ioredis');
        const redis = new Redis(redisUrl as string);
        for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }))
          if (keys.length) await redis.del(...keys);
        await redis.quit();
      };
      return { store, cleanup };
    },
  },
];

describe.each(stores)('coupon stock on $name', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    '10,000 concurrent claims against stock 1,000 issue exactly 1,000, one per user',
    async () => {
      const { store, cleanup } = await open();
      try {
        const { issued, holders } = await couponStockRace(store);
        expect(issued).toHaveLength(1_000);
        expect(new Set(holders).size).toBe(1_000);
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

import type { Store } from '@liebian/core';
import { describe, expect, it } from 'vitest';
import { dailyStockRace } from '../../core/src/mechanics/shared/daily-stock-race.test-utils.js';
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
    name: 'postgres',
    enabled: pgUrl !== null,
    open: async () => {
      const schema = `lbt_daily_${suffix()}`;
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
      const prefix = `lbt-daily-${suffix()}`;
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

describe.each(stores)('每日限量 on $name (two engines on one database)', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    '600 racing claims a day against 100 a day and 150 in total: exactly 100, then exactly the 50 left',
    async () => {
      const { store, cleanup } = await open();
      try {
        const { answers, issuedByDay } = await dailyStockRace(store);
        expect(issuedByDay).toEqual([
          ['2026-12-02', 100],
          ['2026-12-03', 50],
        ]);
        expect(answers.map((day) => day.filter((a) => a.status === 'accepted').length)).toEqual([100, 50]);
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

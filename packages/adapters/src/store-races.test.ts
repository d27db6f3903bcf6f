import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@liebian/core';
import type { RecordStore } from '@liebian/core/store';
import { describe, expect, it } from 'vitest';
import { couponStockRace } from '../../core/src/mechanics/coupon/coupon-stock-race.test-utils.js';
import { boardRace } from '../../core/src/mechanics/leaderboard/board-race.test-utils.js';
import {
  attributionRace,
  exactLastTouch,
  lastTouchRace,
  noLoops,
} from '../../core/src/mechanics/referral/attribution-race.test-utils.js';
import { bindingOfferRace } from '../../core/src/mechanics/shared/binding-offer-race.test-utils.js';
import { dailyStockRace } from '../../core/src/mechanics/shared/daily-stock-race.test-utils.js';
import { reviewRace } from '../../core/src/operator/review-race.test-utils.js';
import { createPgliteStore } from './pglite.js';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';
import { serviceUrl, suffix } from './test-env.test-utils.js';

const pgUrl = serviceUrl('TEST_DATABASE_URL');
const redisUrl = serviceUrl('TEST_REDIS_URL');

const stores: {
  name: string;
  enabled: boolean;
  open: () => Promise<{ store: Store & RecordStore; cleanup: () => Promise<void> }>;
}[] = [
  {
    name: 'pglite',
    enabled: true,
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liebian-race-'));
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
      const schema = `lbt_race_${suffix()}`;
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
      const prefix = `lbt-race-${suffix()}`;
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

describe.each(stores)('leaderboard board on $name', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    'two engines, 4,000 score reports plus racing retries: every score counted once, prizes once',
    async () => {
      const { store, cleanup } = await open();
      try {
        const { expected, results, before, board, after, prizes } = await boardRace(store);
        expect(results.every((r) => r.status === 'accepted')).toBe(true);
        expect(new Map(board.map((e) => [e.member, e.score]))).toEqual(expected);
        const total = [...expected.values()].reduce((x, y) => x + y, 0);
        expect(before.totals).toEqual({ events: 4_000, points: total });
        expect(after.state).toBe('settled');
        // Prize ranks 1–3 in the store's own order (ties at the third place share it); each winner awarded once.
        const third = board[2] as (typeof board)[number];
        const winners = board.filter(
          (e) => e.score > third.score || (e.score === third.score && e.reachedAt <= third.reachedAt),
        );
        expect(prizes.map((p) => p.payload.member)).toEqual(winners.map((e) => e.member));
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

describe.each(stores)('referral attribution on $name', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    'two engines, 1,000 friends accepting three invites at once: one referrer each, no loop',
    async () => {
      const { store, cleanup } = await open();
      try {
        const { accepted, failures } = await attributionRace(store);
        expect(failures).toEqual([]);
        const referees = accepted.map((e) => e.payload.referee);
        expect(new Set(referees).size).toBe(referees.length);
        expect(referees.filter((r) => String(r).startsWith('f'))).toHaveLength(1_000);
        expect(noLoops(accepted)).toBe(true);
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );

  it.skipIf(!enabled)(
    'last-touch, two engines: 300 friends taken over back and forth are each converted once, where they are',
    async () => {
      const { store, cleanup } = await open();
      try {
        expect(await lastTouchRace(store)).toEqual(exactLastTouch(300));
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

describe.each(stores)('held events on $name', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    'two engines: 30 held helps approved four times each, retried, some rejected at once: one decision, applied once',
    async () => {
      const { store, cleanup } = await open();
      try {
        const race = await reviewRace(store);
        expect(race.held).toBe(30);
        expect(race.statuses.every((s) => s === 'approved' || s === 'rejected')).toBe(true);
        expect(race.decided).toBe(30);
        expect(race.changedTwice).toBe(0);
        expect(race.helps).toBe(race.approved);
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

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

describe.each(stores)('binding offers on $name (two engines on one database)', ({ enabled, open }) => {
  it.skipIf(!enabled)(
    '120 racing bargain launches against budget for 30: exactly 30 reserve, all 30 are bought, late launches refused',
    async () => {
      const { store, cleanup } = await open();
      try {
        const { started, purchases, lateStarts, purchased } = await bindingOfferRace(store);
        const accepted = started.filter((s) => s.status === 'accepted');
        expect(accepted).toHaveLength(30);
        expect(started.every((s) => s.status === 'accepted' || s.reason === 'budget-exhausted')).toBe(true);
        expect(purchases.map((p) => p.status)).toEqual(Array(30).fill('accepted'));
        expect(lateStarts.every((s) => s.status === 'rejected' && s.reason === 'budget-exhausted')).toBe(
          true,
        );
        expect(purchased).toHaveLength(30);
      } finally {
        await store.dispose();
        await cleanup();
      }
    },
    180_000,
  );
});

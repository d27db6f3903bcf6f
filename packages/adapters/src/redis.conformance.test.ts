import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '@liebian/core';
import { Redis } from 'ioredis';
import { afterAll, describe, it } from 'vitest';
import { createRedisStore } from './redis.js';
import { serviceUrl, suffix, TS_NODE_ARGS } from './test-env.test-utils.js';
import { runStoreConformance } from './testing/index.js';

const url = serviceUrl('TEST_REDIS_URL');
const prefixes = new Map<Store, string>();
const run = `lbt-${suffix()}`;

afterAll(async () => {
  if (!url) return;
  const redis = new Redis(url);
  for await (const keys of redis.scanStream({ match: `${run}*`, count: 1000 }))
    if (keys.length) await redis.del(...keys);
  await redis.quit();
});

async function open(prefix: string): Promise<Store> {
  const store = await createRedisStore({ url: url as string, prefix });
  prefixes.set(store, prefix);
  return store;
}

(url ? describe : describe.skip)('redis (TEST_REDIS_URL)', () => {
  runStoreConformance(
    { describe, it },
    {
      name: 'redis',
      records: true,
      create: () => open(`${run}-${suffix()}`),
      sibling: (store) => open(prefixes.get(store) as string),
      rawRead: async (store, id) => {
        const redis = new Redis(url as string);
        try {
          const row = await redis.hgetall(`${prefixes.get(store)}:{conformance}:i:${id}`);
          return row.v === undefined
            ? null
            : { version: Number(row.v), snapshot: JSON.parse(row.s ?? 'null') };
        } finally {
          await redis.quit();
        }
      },
      faults: {
        target: {
          host: new URL(url ?? 'redis://x').hostname,
          port: Number(new URL(url ?? 'redis://x').port || 6379),
        },
        open: async (via) => {
          const prefix = `${run}-fault-${suffix()}`;
          const direct = await open(prefix);
          const store = await createRedisStore({ url: `redis://${via.host}:${via.port}`, prefix });
          return { store, direct };
        },
      },
      durability: {
        spawn: () =>
          spawn(
            process.execPath,
            [
              ...TS_NODE_ARGS,
              join(import.meta.dirname, 'durability-child.test-utils.ts'),
              'redis',
              url as string,
              `${run}-kill`,
            ],
            { stdio: ['ignore', 'pipe', 'pipe'] },
          ),
        reopen: () => open(`${run}-kill`),
      },
    },
  );
});

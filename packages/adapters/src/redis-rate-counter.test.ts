import { createEngine, createHandler, defineCampaign } from '@liebian/core';
import { memoryRateCounter, type RateCounter } from '@liebian/core/store';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { bargainCampaignInput } from '../../core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { createRedisRateCounter } from './redis.js';
import { serviceUrl, suffix } from './test-env.test-utils.js';

const url = serviceUrl('TEST_REDIS_URL');
const prefix = `lbt-rate-${suffix()}`;
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) await c.quit();
});

/** Two "processes": two handlers over one engine each, as behind a load balancer, sharing only the counter. */
async function twoProcesses(counters: readonly [RateCounter, RateCounter]) {
  const campaign = defineCampaign(bargainCampaignInput({}, { id: 'rate-bargain' }));
  const handlers = counters.map((counter) =>
    createHandler(createEngine({ campaigns: [campaign] }), {
      authenticate: () => ({ id: 'bob' }),
      rateLimit: { perActor: { max: 5, windowMs: 60_000 }, counter },
    }),
  );
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const handler = handlers[i % 2] as (typeof handlers)[number];
    const response = await handler(
      new Request('http://x/api/instances/nope/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'bargain.help' }),
      }),
    );
    statuses.push(response.status);
  }
  return statuses;
}

describe.skipIf(!url)('rate limits across processes (TEST_REDIS_URL)', () => {
  it('a Redis counter holds one limit across two processes; per-process counters let twice as many through', async () => {
    const redis = new Redis(url as string);
    clients.push(redis);
    const shared = createRedisRateCounter(redis, prefix);
    const sharedStatuses = await twoProcesses([shared, shared]);
    // Requests past the limit get 429; the others reach the engine (an unknown instance: 404).
    expect(sharedStatuses.filter((s) => s === 429)).toHaveLength(5);
    const localStatuses = await twoProcesses([memoryRateCounter(), memoryRateCounter()]);
    expect(localStatuses.filter((s) => s === 429)).toHaveLength(0);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBe(1);
    expect(await redis.pttl(keys[0] as string)).toBeGreaterThan(0); // it expires with its window
  });
});

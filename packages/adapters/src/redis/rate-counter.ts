import type { RateCounter } from '@liebian/core/store';
import type { Cluster, Redis } from 'ioredis';

/** KEYS: the window's counter. ARGV: window length in ms. Returns the count after this hit and the key's TTL. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

/**
 * Request counts in Redis, shared by every process that uses the same Redis and prefix, so `createHandler`'s rate
 * limits hold across processes. One atomic script per hit (INCR, and PEXPIRE on the window's first hit): counters
 * expire with their window.
 *
 * @example
 * createHandler(engine, { authenticate, rateLimit: { perActor: { max: 30, windowMs: 10_000 }, counter: createRedisRateCounter(redis) } });
 */
export function createRedisRateCounter(redis: Redis | Cluster, prefix = 'lb:rate'): RateCounter {
  if (!('lbRateHit' in redis)) redis.defineCommand('lbRateHit', { lua: HIT, numberOfKeys: 1 });
  const hit = (redis as unknown as { lbRateHit(key: string, windowMs: number): Promise<[number, number]> })
    .lbRateHit;
  return {
    async hit(key, windowMs, now) {
      const start = now - (now % windowMs);
      const [count, ttl] = await hit.call(redis, `${prefix}:${key}:${start}`, windowMs);
      return { count, resetAt: ttl > 0 ? now + ttl : start + windowMs };
    },
  };
}

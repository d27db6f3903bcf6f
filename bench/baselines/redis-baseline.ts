import { Redis } from 'ioredis';
import type { Baseline, Outcome } from './baseline.js';

/** One hash per bargain: state, price, helps, due, and one field `h:<helper>` = event id per help. */
const HELP = `
local k = KEYS[1]
local f = 'h:' .. ARGV[1]
local prior = redis.call('HGET', k, f)
if prior then if prior == ARGV[2] then return 1 end return 0 end
local s = redis.call('HMGET', k, 'state', 'price', 'helps', 'due')
if s[1] ~= 'cutting' or tonumber(s[4]) <= tonumber(ARGV[3]) then return 0 end
local price, helps = tonumber(s[2]), tonumber(s[3])
local H, F, MIN, MAX = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local R, L = price - F, H - helps - 1
local cut = R
if L > 0 then
  local lo, hi = math.max(MIN, R - L * MAX), math.min(MAX, R - L * MIN)
  cut = math.min(hi, lo + math.floor(tonumber(ARGV[4]) * (hi - lo + 1)))
end
helps = helps + 1
if helps == H then
  redis.call('HSET', k, 'price', price - cut, 'helps', helps, f, ARGV[2], 'state', 'purchasable')
else
  redis.call('HSET', k, 'price', price - cut, 'helps', helps, f, ARGV[2])
end
return 2
`;

/** A launch: one per initiator per campaign (a hash), the bargain's hash, its deadline in the campaign's zset. */
const START = `
if redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[1]) == 0 then
  if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[1] then return 1 end
  return 0
end
redis.call('HSET', KEYS[2], 'state', 'cutting', 'price', ARGV[3], 'helps', 0, 'due', ARGV[4], 'initiator', ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
return 2
`;

/** Coupon claim: one per user per campaign (a hash user → event id), the shared stock, the share's cap. */
const CLAIM = `
local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then if prior == ARGV[2] then return 1 end return 0 end
if tonumber(redis.call('GET', KEYS[1]) or '0') <= 0 then return 0 end
local n = tonumber(redis.call('HGET', KEYS[3], 'claims') or '-1')
if n < 0 or n >= tonumber(redis.call('HGET', KEYS[3], 'cap')) then return 0 end
redis.call('DECR', KEYS[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[3], 'claims', 1)
return 2
`;

/** The sweeper: the due ids from the campaign's deadline zset, each bargain still cutting set expired, all at once. */
const SWEEP = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do
  local k = ARGV[3] .. id
  if redis.call('HGET', k, 'state') == 'cutting' then redis.call('HSET', k, 'state', 'expired') end
end
if #ids > 0 then redis.call('ZREM', KEYS[1], unpack(ids)) end
return #ids
`;

type Script = (...args: (string | number)[]) => Promise<number>;
interface Scripts {
  blHelp: Script;
  blStart: Script;
  blClaim: Script;
  blSweep: Script;
}

const OUTCOME: Outcome[] = ['rejected', 'duplicate', 'applied'];

/**
 * One Lua script per operation, loaded once and called by its SHA (ioredis `defineCommand` sends EVALSHA), on one
 * auto-pipelined connection (every command issued in the same tick goes out in one write). Keys are hash-tagged by
 * campaign, as the engine's are, so the scripts run on Redis Cluster too.
 */
export async function redisBaseline(url: string, prefix: string): Promise<Baseline> {
  const redis = new Redis(url, { enableAutoPipelining: true, lazyConnect: true });
  redis.on('error', () => {});
  await redis.connect();
  redis.defineCommand('blHelp', { lua: HELP, numberOfKeys: 1 });
  redis.defineCommand('blStart', { lua: START, numberOfKeys: 3 });
  redis.defineCommand('blClaim', { lua: CLAIM, numberOfKeys: 3 });
  redis.defineCommand('blSweep', { lua: SWEEP, numberOfKeys: 1 });
  const s = redis as unknown as Scripts;
  const tag = (campaign: string) => `${prefix}:{${campaign}}`;
  const bargainKey = (campaign: string, id: string) => `${tag(campaign)}:b:${id}`;
  return {
    describe: 'one Lua script per operation (EVALSHA), auto-pipelined ioredis connection',
    async start(campaign, id, initiator, now, terms) {
      const t = tag(campaign);
      const n = await s.blStart(
        `${t}:launches`,
        `${t}:b:${id}`,
        `${t}:due`,
        id,
        initiator,
        terms.price,
        now + terms.limitMs,
      );
      return OUTCOME[n] as Outcome;
    },
    async help(campaign, id, helper, eventId, now, terms) {
      const n = await s.blHelp(
        bargainKey(campaign, id),
        helper,
        eventId,
        now,
        Math.random(),
        terms.helpersToFloor,
        terms.floor,
        terms.min,
        terms.max,
      );
      return OUTCOME[n] as Outcome;
    },
    async openStock(campaign, stock, shares, perShare) {
      const t = tag(campaign);
      const multi = redis.multi().set(`${t}:stock`, stock);
      for (const share of shares) multi.hset(`${t}:share:${share}`, 'claims', 0, 'cap', perShare);
      await multi.exec();
    },
    async claim(campaign, share, user, eventId) {
      const t = tag(campaign);
      const n = await s.blClaim(`${t}:stock`, `${t}:claims`, `${t}:share:${share}`, user, eventId);
      return OUTCOME[n] as Outcome;
    },
    sweep(campaign, now, limit) {
      return s.blSweep(`${tag(campaign)}:due`, now, limit, `${tag(campaign)}:b:`);
    },
    async read(campaign, ids) {
      const rows = await Promise.all(
        ids.map((id) => redis.hmget(bargainKey(campaign, id), 'helps', 'price', 'state')),
      );
      return rows.map(([helps, price, state]) =>
        helps === null ? null : { helps: Number(helps), price: Number(price), state: state ?? '' },
      );
    },
    async stockLeft(campaign) {
      return Number(await redis.get(`${tag(campaign)}:stock`));
    },
    bytes: () => redisBytes(redis, `${prefix}:`),
    async dispose() {
      await deleteKeys(redis, `${prefix}:`);
      await redis.quit();
    },
  };
}

/** Sum of `MEMORY USAGE` (every element counted) over the keys starting with `prefix`. */
export async function redisBytes(redis: Redis, prefix: string): Promise<number> {
  let total = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<
    string[]
  >) {
    const sizes = await Promise.all(keys.map((k) => redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')));
    for (const size of sizes) total += Number(size ?? 0);
  }
  return total;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<string[]>)
    if (keys.length) await redis.unlink(...keys);
}

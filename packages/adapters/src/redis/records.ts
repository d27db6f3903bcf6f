import { MAX_RECORDS_LISTED, type OperatorRecord, type RecordStore } from '@liebian/core/store';
import type { Cluster, Redis } from 'ioredis';

/** Makes the record if it is new; answers [created, status, ref, at, updatedAt, data]. */
const PUT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  local r = redis.call('HMGET', KEYS[1], 's', 'r', 'a', 'u', 'd')
  return {0, r[1], r[2], r[3], r[4], r[5]}
end
redis.call('HSET', KEYS[1], 's', ARGV[2], 'r', ARGV[3], 'a', ARGV[4], 'u', ARGV[4], 'd', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return {1, ARGV[2], ARGV[3], ARGV[4], ARGV[4], ARGV[5]}`;

/** Compare-and-set of the status; answers [updated, status, ref, at, updatedAt, data] or {} when absent. */
const UPDATE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
local r = redis.call('HMGET', KEYS[1], 's', 'r', 'a', 'u', 'd')
if r[1] ~= ARGV[2] then return {0, r[1], r[2], r[3], r[4], r[5]} end
redis.call('HSET', KEYS[1], 's', ARGV[3], 'd', ARGV[4], 'u', ARGV[5])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], r[3], ARGV[1])
return {1, ARGV[3], r[2], r[3], ARGV[5], ARGV[4]}`;

type Command = (...args: (string | number)[]) => Promise<unknown>;
interface RecordScripts {
  lbPutRecord: Command;
  lbUpdateRecord: Command;
}

/**
 * The record methods of the Redis store. Every record key shares one hash tag (`{@records}`, which no campaign id
 * can be), so each script runs on Redis Cluster. A record is a hash; three sorted sets per collection (all, by
 * status, by ref), scored by `at`, give the newest-first lists (equal scores come in reverse lexical order of id,
 * which is the contract's tie order).
 */
export function redisRecordMethods(redis: Redis | Cluster, prefix: string, live: () => void): RecordStore {
  if (!('lbPutRecord' in redis)) redis.defineCommand('lbPutRecord', { lua: PUT, numberOfKeys: 4 });
  if (!('lbUpdateRecord' in redis)) redis.defineCommand('lbUpdateRecord', { lua: UPDATE, numberOfKeys: 3 });
  const scripts = redis as unknown as RecordScripts;
  const t = `${prefix}:{@records}`;
  const k = {
    record: (c: string, id: string) => `${t}:r:${c.length}:${c}:${id}`,
    all: (c: string) => `${t}:all:${c}`,
    status: (c: string, status: string) => `${t}:s:${c.length}:${c}:${status}`,
    ref: (c: string, ref: string) => `${t}:f:${c.length}:${c}:${ref}`,
  };
  const toRecord = (collection: string, id: string, r: unknown[]): OperatorRecord => ({
    collection,
    id,
    status: String(r[1]),
    ref: String(r[2]),
    at: Number(r[3]),
    updatedAt: Number(r[4]),
    data: JSON.parse(String(r[5])),
  });
  const get = async (collection: string, id: string): Promise<OperatorRecord | null> => {
    const r = await redis.hmget(k.record(collection, id), 's', 'r', 'a', 'u', 'd');
    return r[0] === null ? null : toRecord(collection, id, [0, ...r]);
  };

  return {
    async putRecord(record) {
      live();
      const { collection, id } = record;
      const r = (await scripts.lbPutRecord(
        k.record(collection, id),
        k.all(collection),
        k.status(collection, record.status),
        k.ref(collection, record.ref),
        id,
        record.status,
        record.ref,
        record.at,
        JSON.stringify(record.data),
      )) as unknown[];
      return { record: toRecord(collection, id, r), created: Number(r[0]) === 1 };
    },
    async updateRecord(collection, id, update) {
      live();
      const r = (await scripts.lbUpdateRecord(
        k.record(collection, id),
        k.status(collection, update.from),
        k.status(collection, update.to),
        id,
        update.from,
        update.to,
        JSON.stringify(update.data),
        update.at,
      )) as unknown[];
      if (r.length === 0) return { record: null, updated: false };
      return { record: toRecord(collection, id, r), updated: Number(r[0]) === 1 };
    },
    async getRecord(collection, id) {
      live();
      return get(collection, id);
    },
    async listRecords(collection, query) {
      live();
      const limit = Math.max(0, Math.min(query.limit, MAX_RECORDS_LISTED));
      const index =
        query.status !== undefined
          ? k.status(collection, query.status)
          : query.ref !== undefined
            ? k.ref(collection, query.ref)
            : k.all(collection);
      const out: OperatorRecord[] = [];
      for (let start = 0; out.length < limit; start += 200) {
        const ids = await redis.zrevrange(index, start, start + 199);
        if (ids.length === 0) break;
        const found = await Promise.all(ids.map((id) => get(collection, id)));
        for (const r of found) {
          if (!r || (query.ref !== undefined && r.ref !== query.ref)) continue;
          if (query.status !== undefined && r.status !== query.status) continue;
          out.push(r);
          if (out.length === limit) break;
        }
      }
      return out;
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Store } from '@liebian/core';
import type {
  ClaimedTimer,
  CommitRequest,
  CommitResult,
  OutboxItem,
  RecordStore,
  ScoreEntry,
  StoredInstance,
  TimerAck,
} from '@liebian/core/store';
import { type Cluster, Redis } from 'ioredis';
import { type ConsumerScripts, compareStreamIds, redisConsumerMethods } from './redis/consumers.js';
import { redisRecordMethods } from './redis/records.js';
import {
  ACK_TIMERS,
  ADVANCE_CONSUMER,
  CLAIM_TIMERS,
  COMMIT,
  DELETE,
  DELETE_CONSUMER,
  INCREMENT_SCORE,
  LEASE_CONSUMER,
  RELEASE,
  REMOVE_DEAD_LETTER,
  RESERVE,
  SCORE_OF,
  TOP_SCORES,
} from './redis/scripts.js';

export { createRedisRateCounter } from './redis/rate-counter.js';

/**
 * How {@link createRedisStore} reaches Redis: a client you own or a URL, and the key prefix its keys share.
 *
 * @example
 * const options: RedisStoreOptions = { url: process.env.REDIS_URL, prefix: 'promo' };
 * const store = await createRedisStore(options);
 */
export interface RedisStoreOptions {
  /** An ioredis client or cluster you own, or a URL (the store then owns and closes its client). */
  readonly redis?: Redis | Cluster;
  readonly url?: string;
  /** Key prefix, so several stores can share one Redis. Default `lb`. */
  readonly prefix?: string;
  /**
   * When the store creates the client: how long a command (or a connection) may take before it fails. Default
   * 5,000 ms. A client you pass keeps its own settings.
   */
  readonly commandTimeoutMs?: number;
}

type Command = (...args: (string | number)[]) => Promise<unknown>;
interface Scripts extends ConsumerScripts {
  lbCommit: Command;
  lbClaimTimers: Command;
  lbAckTimers: Command;
  lbReserve: Command;
  lbRelease: Command;
  lbDelete: Command;
  lbIncrementScore: Command;
  lbTopScores: Command;
  lbScoreOf: Command;
}

/** Timers acknowledged per script call (a long script blocks the server). */
const ACKS_PER_SCRIPT = 128;

/** Each script and its number of keys (none: the call passes it first, for scripts that take a key list). */
const SCRIPTS: Record<keyof Scripts, [lua: string, keys: number | undefined]> = {
  lbCommit: [COMMIT, undefined],
  lbClaimTimers: [CLAIM_TIMERS, 3],
  lbAckTimers: [ACK_TIMERS, undefined],
  lbReserve: [RESERVE, 3],
  lbRelease: [RELEASE, 3],
  lbDelete: [DELETE, 6],
  lbIncrementScore: [INCREMENT_SCORE, 3],
  lbTopScores: [TOP_SCORES, 2],
  lbScoreOf: [SCORE_OF, 2],
  lbLeaseConsumer: [LEASE_CONSUMER, 2],
  lbAdvanceConsumer: [ADVANCE_CONSUMER, 3],
  lbDeleteConsumer: [DELETE_CONSUMER, 4],
  lbRemoveDeadLetter: [REMOVE_DEAD_LETTER, 2],
};

/** The one order every store returns: score descending, then earliest to reach it, then member id. */
const ahead = (a: ScoreEntry, b: ScoreEntry) =>
  b.score - a.score || a.reachedAt - b.reachedAt || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

/** Counters are named `<campaignId>:…` by the mechanics; the campaign id is their hash tag. */
const counterTag = (counter: string) => counter.split(':', 1)[0] ?? counter;

/**
 * A store on Redis. Instance keys are hash-tagged by campaign (`lb:{campaignId}:…`), so a campaign's instances,
 * timers and outbox live in one slot and every operation is one Lua script — it runs on Redis Cluster.
 *
 * Durability is Redis's: with replication, a failover can lose acknowledged writes (Redis WAIT is not strong
 * consistency). Where stock must never be over-issued across a failover, keep counters on PostgreSQL.
 *
 * @example
 * const store = await createRedisStore({ url: process.env.REDIS_URL });
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<Store & RecordStore> {
  const owns = options.redis === undefined;
  if (owns && !options.url) throw new Error('createRedisStore: pass `redis` or `url`');
  const redis =
    options.redis ??
    new Redis(options.url as string, {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      // Commands in flight when the connection drops are sent again after the reconnect (ioredis's default; with it
      // off they hang until the timeout). Every script is safe to run twice: a commit carries a nonce, so its
      // second run answers as the first did.
      commandTimeout: options.commandTimeoutMs ?? 5_000,
      connectTimeout: options.commandTimeoutMs ?? 5_000,
    });
  // Connection errors are reported to the calls they fail; without a listener ioredis also logs each one.
  if (owns) redis.on('error', () => {});
  if (owns) await (redis as Redis).connect();
  for (const [name, [lua, numberOfKeys]] of Object.entries(SCRIPTS)) {
    if (!(name in redis))
      redis.defineCommand(name, numberOfKeys === undefined ? { lua } : { lua, numberOfKeys });
  }
  const scripts = redis as unknown as Scripts;
  const p = options.prefix ?? 'lb';
  const campaignsKey = `${p}:campaigns`;
  const directory = new Map<string, string>();
  let disposed = false;

  const keysOf = (campaignId: string, instanceId: string) => {
    const t = `${p}:{${campaignId}}`;
    return {
      instance: `${t}:i:${instanceId}`,
      keys: `${t}:k:${instanceId}`,
      timers: `${t}:tz`,
      timerData: `${t}:td`,
      leases: `${t}:tl`,
      timerNames: `${t}:tn:${instanceId}`,
      outbox: `${t}:ob`,
    };
  };
  const boardKeys = (board: string) => {
    const t = `${p}:{${counterTag(board)}}`;
    return [`${t}:sz:${board}`, `${t}:sr:${board}`, `${t}:sk:${board}`] as const;
  };
  const counterKeys = (counter: string) => {
    const t = `${p}:{${counterTag(counter)}}`;
    return [`${t}:c:${counter}`, `${t}:ch:${counter}`, `${t}:cr:${counter}`] as const;
  };

  /** The campaign an instance belongs to (immutable, so cached). */
  async function campaignOf(instanceId: string): Promise<string | null> {
    const cached = directory.get(instanceId);
    if (cached !== undefined) return cached;
    const found = await redis.get(`${p}:dir:${instanceId}`);
    if (found !== null) directory.set(instanceId, found);
    return found;
  }

  const live = () => {
    if (disposed) throw new Error('redis store: used after dispose()');
  };

  return {
    capabilities: { durability: 'process', multiProcess: true },

    async load(id) {
      live();
      const campaignId = await campaignOf(id);
      if (campaignId === null) return null;
      const row = await redis.hgetall(keysOf(campaignId, id).instance);
      if (row.v === undefined || row.s === undefined) return null;
      const stored: StoredInstance = {
        id,
        campaignId,
        kind: row.k ?? '',
        version: Number(row.v),
        snapshot: JSON.parse(row.s),
        updatedAt: Number(row.u),
      };
      return stored;
    },

    async commit(requests) {
      live();
      // Instances new to the store are registered before they are created; both writes are idempotent, so a crash
      // in between is harmless.
      const fresh = requests.filter((r) => r.expectedVersion === 0);
      const found = await Promise.all(fresh.map((r) => campaignOf(r.id)));
      const register = fresh.filter((_, i) => found[i] === null);
      await Promise.all(
        register.flatMap((r) => [
          redis.set(`${p}:dir:${r.id}`, r.campaignId, 'NX'),
          redis.sadd(campaignsKey, r.campaignId),
        ]),
      );
      const campaigns = await Promise.all(requests.map((r) => campaignOf(r.id)));
      const results: CommitResult[] = new Array(requests.length);
      // One script per campaign: its instances share a hash slot.
      const slots = new Map<string, number[]>();
      requests.forEach((r, i) => {
        const campaignId = campaigns[i];
        if (campaignId !== r.campaignId) {
          results[i] = { ok: false, reason: 'conflict', currentVersion: null };
          return;
        }
        const slot = slots.get(campaignId);
        if (slot) slot.push(i);
        else slots.set(campaignId, [i]);
      });
      await Promise.all(
        [...slots].map(async ([campaignId, indexes]) => {
          const shared = keysOf(campaignId, '');
          const keys = [shared.timers, shared.timerData, shared.leases, shared.outbox];
          const args: (string | number)[] = [randomUUID(), campaignId];
          for (const i of indexes) {
            const r = requests[i] as CommitRequest;
            const k = keysOf(campaignId, r.id);
            const changes = r.counters ?? [];
            keys.push(k.instance, k.keys, k.timerNames, ...changes.flatMap((c) => counterKeys(c.counter)));
            args.push(
              r.expectedVersion,
              JSON.stringify(r.snapshot),
              r.kind,
              r.now,
              r.id,
              JSON.stringify([...new Set(r.keys)]),
              JSON.stringify(r.timers.upsert.map((t) => [t.timerId, t.dueAt, JSON.stringify(t.event)])),
              JSON.stringify(r.timers.cancel),
              JSON.stringify(r.outbox.map((o) => [o.type, o.dedupeKey, JSON.stringify(o.payload)])),
              JSON.stringify(
                changes.map((c) =>
                  c.op === 'take' ? ['take', c.holder, c.qty, c.capacity] : ['give', c.holder],
                ),
              ),
            );
          }
          const replies = (await scripts.lbCommit(keys.length, ...keys, ...args)) as [
            number,
            ...(number | string)[],
          ][];
          indexes.forEach((i, n) => {
            const [status, ...rest] = replies[n] ?? [0, -1];
            if (status === 2) results[i] = { ok: false, reason: 'taken', keys: rest as string[] };
            else if (status === 3) results[i] = { ok: false, reason: 'exhausted', short: rest.map(Number) };
            else if (status === 1) results[i] = { ok: true, version: Number(rest[0]) };
            else {
              const version = Number(rest[0]);
              results[i] = { ok: false, reason: 'conflict', currentVersion: version < 0 ? null : version };
            }
          });
        }),
      );
      return results;
    },

    async seen(id, keys) {
      live();
      if (keys.length === 0) return [];
      const campaignId = await campaignOf(id);
      if (campaignId === null) return keys.map(() => false);
      const flags = await redis.smismember(keysOf(campaignId, id).keys, ...keys);
      return flags.map((f) => f === 1);
    },

    async claimDueTimers(now, limit, leaseMs) {
      live();
      const leaseId = randomUUID();
      const claimed: ClaimedTimer[] = [];
      for (const campaignId of await redis.smembers(campaignsKey)) {
        if (claimed.length >= limit) break;
        const k = keysOf(campaignId, '');
        const flat = (await scripts.lbClaimTimers(
          k.timers,
          k.timerData,
          k.leases,
          now,
          limit - claimed.length,
          leaseMs,
          leaseId,
        )) as string[];
        for (let i = 0; i < flat.length; i += 2) {
          const member = flat[i] as string;
          const data = flat[i + 1] as string;
          const [instanceId = '', timerId = ''] = member.split('\n');
          const cut = data.indexOf('\n');
          claimed.push({
            instanceId,
            timerId,
            dueAt: Number(data.slice(0, cut)),
            event: JSON.parse(data.slice(cut + 1)),
            leaseId,
          });
        }
      }
      return claimed.sort((a, b) => a.dueAt - b.dueAt);
    },

    async ackTimers(acks) {
      live();
      // One script per campaign (its keys share a slot), in chunks so no script runs long.
      const campaigns = await Promise.all(acks.map((a) => campaignOf(a.instanceId)));
      const byCampaign = new Map<string, TimerAck[]>();
      acks.forEach((ack, i) => {
        const campaignId = campaigns[i];
        if (campaignId === null || campaignId === undefined) return;
        const list = byCampaign.get(campaignId) ?? [];
        list.push(ack);
        byCampaign.set(campaignId, list);
      });
      const calls: Promise<unknown>[] = [];
      for (const [campaignId, list] of byCampaign) {
        for (let from = 0; from < list.length; from += ACKS_PER_SCRIPT) {
          const chunk = list.slice(from, from + ACKS_PER_SCRIPT);
          const { timers, timerData, leases } = keysOf(campaignId, chunk[0]?.instanceId ?? '');
          const keys = [
            timers,
            timerData,
            leases,
            ...chunk.map((a) => keysOf(campaignId, a.instanceId).timerNames),
          ];
          const args = chunk.flatMap((a) => [`${a.instanceId}\n${a.timerId}`, a.leaseId, a.timerId]);
          calls.push(scripts.lbAckTimers(keys.length, ...keys, ...args));
        }
      }
      await Promise.all(calls);
    },

    async reserve({ counter, holder, qty, capacity, mode = 'hold', replacing }) {
      live();
      const [ok, remaining, duplicate, replaced] = (await scripts.lbReserve(
        ...counterKeys(counter),
        holder,
        qty,
        capacity,
        mode,
        replacing ?? '',
      )) as [number, number, number, string | null | undefined];
      const result = { ok: ok === 1, remaining: Number(remaining), duplicate: duplicate === 1 };
      if (typeof replaced !== 'string') return result;
      // The script answers the holder in one place: taken over from, or (touch) found.
      return mode === 'touch' ? { ...result, holder: replaced } : { ...result, replaced };
    },

    async release(counter, holder) {
      live();
      return (await scripts.lbRelease(...counterKeys(counter), holder)) === 1;
    },

    async incrementScore({ board, member, delta, at, key }) {
      live();
      const [score, reachedAt, applied] = (await scripts.lbIncrementScore(
        ...boardKeys(board),
        member,
        delta,
        at,
        key,
      )) as [string, string, number];
      return { member, score: Number(score), reachedAt: Number(reachedAt), applied: applied === 1 };
    },

    async topScores(board, limit) {
      live();
      if (limit <= 0) return [];
      const [zset, reached] = boardKeys(board);
      const flat = (await scripts.lbTopScores(zset, reached, limit)) as string[];
      const entries: ScoreEntry[] = [];
      for (let i = 0; i < flat.length; i += 3)
        entries.push({
          member: flat[i] as string,
          score: Number(flat[i + 1]),
          reachedAt: Number(flat[i + 2]),
        });
      return entries.sort(ahead).slice(0, limit);
    },

    async scoreOf(board, member) {
      live();
      const [zset, reached] = boardKeys(board);
      const reply = (await scripts.lbScoreOf(zset, reached, member)) as string[] | null;
      if (!reply) return null;
      const entry = { member, score: Number(reply[0]), reachedAt: Number(reply[1]) };
      let rank = 1 + Number(reply[2]);
      for (let i = 3; i < reply.length; i += 2) {
        if (
          ahead({ member: reply[i] as string, score: entry.score, reachedAt: Number(reply[i + 1]) }, entry) <
          0
        )
          rank++;
      }
      return { ...entry, rank };
    },

    async readOutbox(cursor, limit) {
      live();
      const after: Record<string, string> = cursor === null ? {} : JSON.parse(cursor);
      const candidates: { campaignId: string; id: string; fields: string[] }[] = [];
      for (const campaignId of await redis.smembers(campaignsKey)) {
        const from = after[campaignId] === undefined ? '-' : `(${after[campaignId]}`;
        const entries = await redis.xrange(keysOf(campaignId, '').outbox, from, '+', 'COUNT', limit);
        for (const [id, fields] of entries) candidates.push({ campaignId, id, fields });
      }
      candidates.sort((a, b) => compareStreamIds(a.id, b.id) || a.campaignId.localeCompare(b.campaignId));
      const position = { ...after };
      return candidates.slice(0, limit).map((c): OutboxItem => {
        position[c.campaignId] = c.id;
        const f: Record<string, string> = {};
        for (let i = 0; i < c.fields.length; i += 2) f[c.fields[i] as string] = c.fields[i + 1] as string;
        return {
          cursor: JSON.stringify(position),
          instanceId: f.i ?? '',
          type: f.t ?? '',
          dedupeKey: f.d ?? '',
          payload: JSON.parse(f.p ?? 'null'),
        };
      });
    },

    async delete(id) {
      live();
      const campaignId = await campaignOf(id);
      if (campaignId === null) return false;
      const k = keysOf(campaignId, id);
      const existed = await scripts.lbDelete(
        k.instance,
        k.keys,
        k.timers,
        k.timerData,
        k.leases,
        k.timerNames,
        id,
      );
      await redis.del(`${p}:dir:${id}`);
      directory.delete(id);
      return existed === 1;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      // A connection already lost cannot say goodbye: drop it instead.
      if (owns) await redis.quit().catch(() => redis.disconnect());
    },

    ...redisConsumerMethods({
      redis,
      scripts,
      prefix: p,
      campaigns: () => redis.smembers(campaignsKey),
      outboxKey: (campaignId) => keysOf(campaignId, '').outbox,
      live,
    }),
    ...redisRecordMethods(redis, p, live),
  };
}

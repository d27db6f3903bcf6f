import type { ConsumerMethods, ConsumerState, DeadLetter } from '@liebian/core/store';
import type { Cluster, Redis } from 'ioredis';

type Command = (...args: (string | number)[]) => Promise<unknown>;
/** The consumer scripts (`redis/scripts.ts`), defined on the client by the store with the others. */
export interface ConsumerScripts {
  lbLeaseConsumer: Command;
  lbAdvanceConsumer: Command;
  lbDeleteConsumer: Command;
  lbRemoveDeadLetter: Command;
}

/** Stream ids compared as `ms-seq`. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

interface ConsumerContext {
  readonly redis: Redis | Cluster;
  readonly scripts: ConsumerScripts;
  /** The store's key prefix. */
  readonly prefix: string;
  /** Campaign ids that have an outbox stream, and the stream's key. */
  readonly campaigns: () => Promise<string[]>;
  readonly outboxKey: (campaignId: string) => string;
  readonly live: () => void;
}

/**
 * The consumer part of the Redis store. Every consumer key shares one hash tag (`{@consumers}`, which no campaign
 * id can be), so each script runs on Redis Cluster. A consumer's cursor is the outbox cursor: a JSON map of
 * campaign → last stream id delivered, so trimming caps each campaign's stream at the slowest consumer's id there.
 */
export function redisConsumerMethods(context: ConsumerContext): ConsumerMethods {
  const { redis, scripts, live } = context;
  const t = `${context.prefix}:{@consumers}`;
  const names = `${t}:names`;
  const keys = (name: string) => ({
    state: `${t}:s:${name}`,
    letters: `${t}:dl:${name}`,
    order: `${t}:dz:${name}`,
  });

  async function listConsumers(): Promise<ConsumerState[]> {
    const all = (await redis.smembers(names)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const states = await Promise.all(all.map((name) => redis.hgetall(keys(name).state)));
    return all.flatMap((name, i) => {
      const h = states[i];
      if (!h || h.f === undefined) return [];
      return [
        { name, cursor: h.c ?? null, owner: h.o ?? null, leaseUntil: Number(h.u ?? 0), fence: Number(h.f) },
      ];
    });
  }

  return {
    async leaseConsumer(name, owner, now, leaseMs) {
      live();
      const reply = (await scripts.lbLeaseConsumer(keys(name).state, names, name, owner, now, leaseMs)) as
        | [number, number, string | null]
        | null;
      if (!reply) return null;
      return { fence: Number(reply[0]), leaseUntil: Number(reply[1]), cursor: reply[2] ?? null };
    },

    async advanceConsumer({ name, fence, cursor, deadLetters }) {
      live();
      const k = keys(name);
      const pairs = deadLetters.flatMap((d) => [d.item.dedupeKey, JSON.stringify(d)]);
      const moved = await scripts.lbAdvanceConsumer(
        k.state,
        k.letters,
        k.order,
        fence,
        cursor === undefined ? '0' : '1',
        cursor ?? '',
        ...pairs,
      );
      return moved === 1;
    },

    async listConsumers() {
      live();
      return listConsumers();
    },

    async deleteConsumer(name) {
      live();
      const k = keys(name);
      return (await scripts.lbDeleteConsumer(k.state, k.letters, k.order, names, name)) === 1;
    },

    async listDeadLetters(consumer, after, limit) {
      live();
      if (limit <= 0) return [];
      const k = keys(consumer);
      const found = await redis.zrangebylex(
        k.order,
        after === null ? '-' : `(${after}`,
        '+',
        'LIMIT',
        0,
        limit,
      );
      if (found.length === 0) return [];
      const letters = await redis.hmget(k.letters, ...found);
      return letters.flatMap((json) => (json === null ? [] : [JSON.parse(json) as DeadLetter]));
    },

    async removeDeadLetter(consumer, dedupeKey) {
      live();
      const k = keys(consumer);
      return (await scripts.lbRemoveDeadLetter(k.letters, k.order, dedupeKey)) === 1;
    },

    async trimOutbox() {
      live();
      const consumers = await listConsumers();
      if (consumers.length === 0 || consumers.some((c) => c.cursor === null)) return 0;
      const positions = consumers.map((c) => JSON.parse(c.cursor as string) as Record<string, string>);
      let removed = 0;
      for (const campaignId of await context.campaigns()) {
        const ids = positions.map((p) => p[campaignId]);
        if (ids.some((id) => id === undefined)) continue; // someone has delivered nothing of this campaign yet
        const slowest = (ids as string[]).sort(compareStreamIds)[0] as string;
        const [ms, seq = '0'] = slowest.split('-');
        // MINID keeps ids at or above the one given: everything up to and including `slowest` goes.
        removed += Number(
          await redis.xtrim(context.outboxKey(campaignId), 'MINID', `${ms}-${Number(seq) + 1}`),
        );
      }
      return removed;
    },
  };
}

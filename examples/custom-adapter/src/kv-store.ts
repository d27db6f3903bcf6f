import { randomUUID } from 'node:crypto';
import type { Store } from '@liebian/core';
import type {
  ClaimedTimer,
  CommitBatch,
  CommitResult,
  ConsumerState,
  DeadLetter,
  OutboxItem,
  ReserveRequest,
  ReserveResult,
  ScoreEntry,
  TimerAck,
} from '@liebian/core/store';
import type { KeyValueStore } from './kv.js';

/** Everything about one instance lives in one document, so one compare-and-swap commits it all atomically. */
interface InstanceDoc {
  campaignId: string;
  kind: string;
  version: number;
  snapshot: unknown;
  updatedAt: number;
  keys: string[];
  timers: Record<string, { dueAt: number; event: unknown; leaseId: string | null; leaseUntil: number }>;
  outbox: { seq: number; type: string; dedupeKey: string; payload: unknown }[];
}

interface BoardDoc {
  entries: Record<string, { score: number; reachedAt: number }>;
  keys: string[];
}

/** Score descending, then earliest to reach it, then member id (the order the conformance suite expects). */
const ahead = (a: ScoreEntry, b: ScoreEntry) =>
  b.score - a.score || a.reachedAt - b.reachedAt || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
const entriesOf = (doc: BoardDoc | null): ScoreEntry[] =>
  Object.entries(doc?.entries ?? {}).map(([member, e]) => ({ member, ...e }));

interface CounterDoc {
  remaining: number;
  holders: Record<string, number>;
  /** The holder whose unit may be taken over (`mode: 'replaceable'`), if any. */
  replaceable?: string;
}

/** A durable consumer: its cursor, its lease, and the entries it gave up on, in one document. */
interface ConsumerDoc extends Omit<ConsumerState, 'name'> {
  deadLetters: Record<string, DeadLetter>;
}

/** Reads a document, applies `change`, and writes it back with compare-and-swap, retrying on a lost race. */
async function update<T, R>(
  kv: KeyValueStore,
  key: string,
  change: (doc: T | null) => { write: T | null; result: R },
): Promise<R> {
  for (;;) {
    const current = await kv.get<T>(key);
    const { write, result } = change(current?.value ?? null);
    if (write === null) return result;
    if (await kv.compareAndSwap(key, current?.version ?? 0, write)) return result;
  }
}

/**
 * A Liebian store over {@link KeyValueStore}. Walk-through: `docs/adapters/writing-an-adapter.md`.
 * Limits, stated plainly: `claimDueTimers` and `readOutbox` scan every instance document (fine for thousands of
 * instances, not millions); outbox order follows the sequence drawn before each commit, and reads stop below commits
 * still in flight.
 */
export function createKeyValueStore(kv: KeyValueStore, prefix = 'liebian'): Store {
  const instanceKey = (id: string) => `${prefix}:instance:${id}`;
  const counterKey = (name: string) => `${prefix}:counter:${name}`;
  const boardKey = (board: string) => `${prefix}:board:${board}`;
  const consumerKey = (name: string) => `${prefix}:consumer:${name}`;
  const consumerDoc = async (name: string) => (await kv.get<ConsumerDoc>(consumerKey(name)))?.value ?? null;
  const listConsumers = async (): Promise<ConsumerState[]> => {
    const states: ConsumerState[] = [];
    for (const key of (await kv.keys(`${prefix}:consumer:`)).sort()) {
      const doc = (await kv.get<ConsumerDoc>(key))?.value;
      if (!doc) continue;
      const { deadLetters: _, ...state } = doc;
      states.push({ name: key.slice(`${prefix}:consumer:`.length), ...state });
    }
    return states;
  };

  /**
   * The commit itself: one transaction over the instance document and the counters it changes, checking every
   * document's version. A counter that moved on (another commit took stock) is read again and the batch judged again;
   * the instance moving on is the engine's conflict.
   */
  async function commitDoc(id: string, batch: CommitBatch, seqs: readonly number[]): Promise<CommitResult> {
    const changes = batch.counters ?? [];
    for (;;) {
      const current = await kv.get<InstanceDoc>(instanceKey(id));
      const doc = current?.value ?? null;
      const version = doc?.version ?? 0;
      if (version !== batch.expectedVersion)
        return { ok: false, reason: 'conflict', currentVersion: doc ? version : null };
      const taken = batch.keys.filter((k) => doc?.keys.includes(k));
      if (taken.length > 0) return { ok: false, reason: 'taken', keys: [...new Set(taken)] };
      const names = [...new Set(changes.map((c) => c.counter))];
      const read = await Promise.all(names.map((name) => kv.get<CounterDoc>(counterKey(name))));
      const counters = new Map(names.map((name, i) => [name, read[i] ?? null]));
      const next = new Map<string, CounterDoc>();
      const short: number[] = [];
      changes.forEach((change, i) => {
        const c = next.get(change.counter) ??
          structuredClone(counters.get(change.counter)?.value) ?? {
            remaining: change.op === 'take' ? change.capacity : 0,
            holders: {},
          };
        const held = c.holders[change.holder];
        if (change.op === 'give') {
          if (held === undefined) return;
          c.remaining += held;
          delete c.holders[change.holder];
          if (c.replaceable === change.holder) delete c.replaceable;
        } else if (held === undefined) {
          if (c.remaining < change.qty) {
            short.push(i);
            return;
          }
          c.remaining -= change.qty;
          c.holders[change.holder] = change.qty;
        }
        next.set(change.counter, c);
      });
      if (short.length > 0) return { ok: false, reason: 'exhausted', short };
      const timers = { ...(doc?.timers ?? {}) };
      for (const timerId of batch.timers.cancel) delete timers[timerId];
      for (const t of batch.timers.upsert)
        timers[t.timerId] = { dueAt: t.dueAt, event: t.event, leaseId: null, leaseUntil: 0 };
      const write: InstanceDoc = {
        campaignId: batch.campaignId,
        kind: batch.kind,
        version: version + 1,
        snapshot: batch.snapshot,
        updatedAt: batch.now,
        keys: [...new Set([...(doc?.keys ?? []), ...batch.keys])],
        timers,
        outbox: [...(doc?.outbox ?? []), ...batch.outbox.map((o, i) => ({ ...o, seq: seqs[i] as number }))],
      };
      const written = await kv.transact([
        { key: instanceKey(id), expectedVersion: current?.version ?? 0, value: write },
        ...[...next].map(([name, value]) => ({
          key: counterKey(name),
          expectedVersion: counters.get(name)?.version ?? 0,
          value,
        })),
      ]);
      if (written) return { ok: true, version: version + 1 };
    }
  }
  /** Outbox sequence numbers drawn by commits that have not ended: readers stop below them. */
  const inFlight = new Set<number>();
  async function commitOne(id: string, batch: CommitBatch): Promise<CommitResult> {
    // Draw outbox sequence numbers first; a commit that loses leaves gaps, which readers skip. Until the commit
    // ends its numbers are in flight, and readers stop below them, so a cursor never passes an entry still to come.
    const seqs: number[] = [];
    try {
      for (let i = 0; i < batch.outbox.length; i++) {
        const seq = await kv.next();
        inFlight.add(seq);
        seqs.push(seq);
      }
      return await commitDoc(id, batch, seqs);
    } finally {
      for (const seq of seqs) inFlight.delete(seq);
    }
  }

  return {
    capabilities: { durability: 'none', multiProcess: false },

    async load(id) {
      const doc = (await kv.get<InstanceDoc>(instanceKey(id)))?.value;
      if (!doc) return null;
      return {
        id,
        campaignId: doc.campaignId,
        kind: doc.kind,
        version: doc.version,
        snapshot: doc.snapshot,
        updatedAt: doc.updatedAt,
      };
    },

    // Each request on its own: a KV store has no transaction across documents, and none is needed — every batch is
    // atomic by itself, and one batch's conflict must not fail the others. (A store that can, sends them together.)
    async commit(requests) {
      const last = new Map<string, Promise<unknown>>();
      return Promise.all(
        requests.map((request) => {
          // Requests for one instance run in the order given; different instances run at once.
          const result = (last.get(request.id) ?? Promise.resolve()).then(() =>
            commitOne(request.id, request),
          );
          last.set(
            request.id,
            result.catch(() => {}),
          );
          return result;
        }),
      );
    },

    async seen(id, keys) {
      const doc = (await kv.get<InstanceDoc>(instanceKey(id)))?.value;
      return keys.map((k) => doc?.keys.includes(k) ?? false);
    },

    async claimDueTimers(now, limit, leaseMs) {
      const leaseId = randomUUID();
      const claimed: ClaimedTimer[] = [];
      for (const key of await kv.keys(`${prefix}:instance:`)) {
        if (claimed.length >= limit) break;
        const instanceId = key.slice(`${prefix}:instance:`.length);
        const mine = await update<InstanceDoc, ClaimedTimer[]>(kv, key, (doc) => {
          if (!doc) return { write: null, result: [] };
          const due = Object.entries(doc.timers)
            .filter(([, t]) => t.dueAt <= now && t.leaseUntil <= now)
            .slice(0, limit - claimed.length);
          if (due.length === 0) return { write: null, result: [] };
          const timers = { ...doc.timers };
          for (const [timerId, t] of due) timers[timerId] = { ...t, leaseId, leaseUntil: now + leaseMs };
          return {
            write: { ...doc, timers },
            result: due.map(([timerId, t]) => ({
              instanceId,
              timerId,
              dueAt: t.dueAt,
              event: t.event,
              leaseId,
            })),
          };
        });
        claimed.push(...mine);
      }
      return claimed.sort((a, b) => a.dueAt - b.dueAt);
    },

    async ackTimers(acks) {
      // One document per instance: its acknowledged timers go in one update.
      const byInstance = new Map<string, TimerAck[]>();
      for (const ack of acks)
        byInstance.set(ack.instanceId, [...(byInstance.get(ack.instanceId) ?? []), ack]);
      await Promise.all(
        [...byInstance].map(([instanceId, own]) =>
          update<InstanceDoc, void>(kv, instanceKey(instanceId), (doc) => {
            const gone = own.filter((a) => doc?.timers[a.timerId]?.leaseId === a.leaseId);
            if (!doc || gone.length === 0) return { write: null, result: undefined };
            const timers = { ...doc.timers };
            for (const a of gone) delete timers[a.timerId];
            return { write: { ...doc, timers }, result: undefined };
          }),
        ),
      );
    },

    async reserve({
      counter,
      holder,
      qty,
      capacity,
      mode = 'hold',
      replacing,
    }: ReserveRequest): Promise<ReserveResult> {
      return update<CounterDoc, ReserveResult>(kv, counterKey(counter), (doc) => {
        const c: CounterDoc = doc ?? { remaining: capacity, holders: {} };
        const duplicate = { ok: true, remaining: c.remaining, duplicate: true };
        // What the counter looks like with no replaceable holder (a hold or a settle makes a hold final).
        const { replaceable, ...settled } = c;
        const replaceably = mode === 'replaceable' || mode === 'touch';
        if (c.holders[holder] !== undefined) {
          const finalised = !replaceably && replaceable === holder;
          return { write: finalised ? settled : null, result: duplicate };
        }
        if (c.remaining >= qty) {
          const write: CounterDoc = {
            remaining: c.remaining - qty,
            holders: { ...c.holders, [holder]: qty },
          };
          if (replaceably) write.replaceable = holder;
          return { write, result: { ok: true, remaining: write.remaining, duplicate: false } };
        }
        if (replaceable !== undefined && mode === 'settle') return { write: settled, result: duplicate };
        if (replaceable !== undefined && mode === 'touch') {
          return {
            write: null,
            result: { ok: true, remaining: c.remaining, duplicate: false, holder: replaceable },
          };
        }
        if (
          replaceable !== undefined &&
          mode === 'replaceable' &&
          (replacing ?? replaceable) === replaceable
        ) {
          const { [replaceable]: units = qty, ...others } = c.holders;
          const write = {
            remaining: c.remaining,
            holders: { ...others, [holder]: units },
            replaceable: holder,
          };
          return {
            write,
            result: { ok: true, remaining: c.remaining, duplicate: false, replaced: replaceable },
          };
        }
        return { write: null, result: { ok: false, remaining: c.remaining, duplicate: false } };
      });
    },

    async release(counter, holder) {
      return update<CounterDoc, boolean>(kv, counterKey(counter), (doc) => {
        const qty = doc?.holders[holder];
        if (!doc || qty === undefined) return { write: null, result: false };
        const holders = { ...doc.holders };
        delete holders[holder];
        const write: CounterDoc = { remaining: doc.remaining + qty, holders };
        if (doc.replaceable !== undefined && doc.replaceable !== holder) write.replaceable = doc.replaceable;
        return { write, result: true };
      });
    },

    async incrementScore({ board, member, delta, at, key }) {
      return update<BoardDoc, ScoreEntry & { applied: boolean }>(kv, boardKey(board), (doc) => {
        const current = doc?.entries[member];
        if (doc?.keys.includes(key))
          return {
            write: null,
            result: {
              member,
              score: current?.score ?? 0,
              reachedAt: current?.reachedAt ?? at,
              applied: false,
            },
          };
        const next = { score: (current?.score ?? 0) + delta, reachedAt: at };
        const write = {
          entries: { ...(doc?.entries ?? {}), [member]: next },
          keys: [...(doc?.keys ?? []), key],
        };
        return { write, result: { member, ...next, applied: true } };
      });
    },

    async topScores(board, limit) {
      return entriesOf((await kv.get<BoardDoc>(boardKey(board)))?.value ?? null)
        .sort(ahead)
        .slice(0, limit);
    },

    async scoreOf(board, member) {
      const all = entriesOf((await kv.get<BoardDoc>(boardKey(board)))?.value ?? null).sort(ahead);
      const i = all.findIndex((e) => e.member === member);
      return i === -1 ? null : { ...(all[i] as ScoreEntry), rank: i + 1 };
    },

    async readOutbox(cursor, limit) {
      const after = cursor === null ? 0 : Number(cursor);
      // Every number below the horizon is drawn; those still in flight hold the read back (see commit).
      const gate = Math.min(await kv.next(), ...inFlight);
      const items: OutboxItem[] = [];
      for (const key of await kv.keys(`${prefix}:instance:`)) {
        const doc = (await kv.get<InstanceDoc>(key))?.value;
        const instanceId = key.slice(`${prefix}:instance:`.length);
        for (const o of doc?.outbox ?? []) {
          if (o.seq > after && o.seq < gate)
            items.push({
              cursor: String(o.seq),
              instanceId,
              type: o.type,
              dedupeKey: o.dedupeKey,
              payload: o.payload,
            });
        }
      }
      return items.sort((a, b) => Number(a.cursor) - Number(b.cursor)).slice(0, limit);
    },

    async delete(id) {
      return kv.delete(instanceKey(id));
    },

    async dispose() {},

    async leaseConsumer(name, owner, now, leaseMs) {
      return update<ConsumerDoc, ConsumerDoc | null>(kv, consumerKey(name), (doc) => {
        const c = doc ?? { cursor: null, owner: null, leaseUntil: 0, fence: 0, deadLetters: {} };
        if (c.owner !== null && c.owner !== owner && c.leaseUntil > now) return { write: null, result: null };
        const write = {
          ...c,
          owner,
          leaseUntil: now + leaseMs,
          fence: c.fence + (c.owner === owner ? 0 : 1),
        };
        return { write, result: write };
      }).then((c) => c && { cursor: c.cursor, fence: c.fence, leaseUntil: c.leaseUntil });
    },

    async advanceConsumer({ name, fence, cursor, deadLetters }) {
      return update<ConsumerDoc, boolean>(kv, consumerKey(name), (doc) => {
        if (doc?.fence !== fence) return { write: null, result: false };
        const letters = { ...doc.deadLetters };
        for (const letter of deadLetters) letters[letter.item.dedupeKey] = letter;
        return { write: { ...doc, cursor: cursor ?? doc.cursor, deadLetters: letters }, result: true };
      });
    },

    listConsumers,

    async deleteConsumer(name) {
      return kv.delete(consumerKey(name));
    },

    async listDeadLetters(consumer, after, limit) {
      // Code-point order, as SQL's "C" collation and Redis' lexical ranges give (UTF-8 bytes compare alike).
      const byKey = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
      return Object.values((await consumerDoc(consumer))?.deadLetters ?? {})
        .filter((d) => after === null || byKey(d.item.dedupeKey, after) > 0)
        .sort((a, b) => byKey(a.item.dedupeKey, b.item.dedupeKey))
        .slice(0, limit);
    },

    async removeDeadLetter(consumer, dedupeKey) {
      return update<ConsumerDoc, boolean>(kv, consumerKey(consumer), (doc) => {
        if (!doc?.deadLetters[dedupeKey]) return { write: null, result: false };
        const { [dedupeKey]: _, ...rest } = doc.deadLetters;
        return { write: { ...doc, deadLetters: rest }, result: true };
      });
    },

    async trimOutbox() {
      // Outbox cursors are sequence numbers: entries at or below every consumer's cursor are delivered to all.
      const cursors = (await listConsumers()).map((c) => c.cursor);
      if (cursors.length === 0 || cursors.includes(null)) return 0;
      const slowest = Math.min(...cursors.map(Number));
      let removed = 0;
      for (const key of await kv.keys(`${prefix}:instance:`)) {
        removed += await update<InstanceDoc, number>(kv, key, (doc) => {
          const kept = doc?.outbox.filter((o) => o.seq > slowest) ?? [];
          if (!doc || kept.length === doc.outbox.length) return { write: null, result: 0 };
          return { write: { ...doc, outbox: kept }, result: doc.outbox.length - kept.length };
        });
      }
      return removed;
    },
  };
}

import { nextTurn } from '../primitives/next-turn.js';
import { memoryRecords } from './memory-records.js';
import type { RecordStore } from './record-store.js';
import type {
  ClaimedTimer,
  CommitBatch,
  CommitResult,
  ConsumerState,
  CounterChange,
  DeadLetter,
  OutboxItem,
  ReserveRequest,
  ReserveResult,
  ScoreEntry,
  Store,
  StoredInstance,
  TimerSpec,
} from './store.js';

interface Row {
  campaignId: string;
  kind: string;
  version: number;
  snapshot: string;
  updatedAt: number;
  keys: Set<string>;
}

interface TimerRow extends TimerSpec {
  leaseId: string | null;
  leaseUntil: number;
}

interface Counter {
  remaining: number;
  holders: Map<string, number>;
  /** Holders whose unit may be taken over (`mode: 'replaceable'`). */
  replaceable: Set<string>;
}

/**
 * The in-memory store: zero dependencies, the default for tests and the browser preview.
 * Every operation reads and writes in one synchronous step (no await in between), so it is atomic
 * under any interleaving of callers in one process. Snapshots are stored as JSON text, so what comes
 * back is exactly what a durable store would return.
 *
 * @example
 * const store = createMemoryStore();
 * const engine = createEngine({ campaigns, store });
 */
export function createMemoryStore(): Store & RecordStore {
  const rows = new Map<string, Row>();
  const timers = new Map<string, Map<string, TimerRow>>();
  const counters = new Map<string, Counter>();
  const outbox: OutboxItem[] = [];
  /** Entries trimmed from the front of `outbox`; cursors count from the first entry ever written. */
  let trimmed = 0;
  const consumers = new Map<string, ConsumerState & { deadLetters: Map<string, DeadLetter> }>();
  const boards = new Map<string, { entries: Map<string, ScoreEntry>; keys: Set<string> }>();
  /** Score descending, then earliest to reach it, then member id: the one order every store returns. */
  const ahead = (a: ScoreEntry, b: ScoreEntry) =>
    b.score - a.score ||
    a.reachedAt - b.reachedAt ||
    (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
  let leaseSeq = 0;
  let disposed = false;

  const live = () => {
    if (disposed) throw new Error('memory store: used after dispose()');
  };

  const counterOf = (name: string, capacity: number): Counter => {
    let c = counters.get(name);
    if (!c) {
      c = { remaining: capacity, holders: new Map(), replaceable: new Set() };
      counters.set(name, c);
    }
    return c;
  };

  /**
   * A commit's counter changes, in order. With `dryRun` nothing changes: it answers which takes would find no room
   * (with the changes before each one applied). Otherwise it applies them (the dry run found room for all).
   */
  function changeCounters(changes: readonly CounterChange[], dryRun: boolean): number[] {
    const remaining = new Map<string, number>();
    const holders = new Map<string, number | null>();
    const short: number[] = [];
    changes.forEach((change, i) => {
      const at = `${change.counter}\u0000${change.holder}`;
      const c = counters.get(change.counter);
      const left =
        remaining.get(change.counter) ?? c?.remaining ?? (change.op === 'take' ? change.capacity : 0);
      const held = holders.has(at) ? holders.get(at) : (c?.holders.get(change.holder) ?? null);
      if (change.op === 'give') {
        if (held === null || held === undefined) return;
        remaining.set(change.counter, left + held);
        holders.set(at, null);
        if (!dryRun && c) {
          c.holders.delete(change.holder);
          c.replaceable.delete(change.holder);
          c.remaining += held;
        }
        return;
      }
      if (held !== null && held !== undefined) return;
      if (left < change.qty) {
        short.push(i);
        return;
      }
      remaining.set(change.counter, left - change.qty);
      holders.set(at, change.qty);
      if (!dryRun) {
        const target = counterOf(change.counter, change.capacity);
        target.remaining -= change.qty;
        target.holders.set(change.holder, change.qty);
      }
    });
    return short;
  }

  /** One request of a commit, in one synchronous step. */
  function commitOne(id: string, batch: CommitBatch): CommitResult {
    const row = rows.get(id);
    const current = row?.version ?? 0;
    if (current !== batch.expectedVersion)
      return { ok: false, reason: 'conflict', currentVersion: row ? current : null };
    const keys = row?.keys ?? new Set<string>();
    const taken = batch.keys.filter((key) => keys.has(key));
    if (taken.length > 0) return { ok: false, reason: 'taken', keys: [...new Set(taken)] };
    const short = changeCounters(batch.counters ?? [], true);
    if (short.length > 0) return { ok: false, reason: 'exhausted', short };
    changeCounters(batch.counters ?? [], false);
    for (const key of batch.keys) keys.add(key);
    const version = current + 1;
    rows.set(id, {
      campaignId: batch.campaignId,
      kind: batch.kind,
      version,
      snapshot: JSON.stringify(batch.snapshot),
      updatedAt: batch.now,
      keys,
    });
    let own = timers.get(id);
    for (const timerId of batch.timers.cancel) own?.delete(timerId);
    if (batch.timers.upsert.length > 0) {
      if (!own) {
        own = new Map();
        timers.set(id, own);
      }
      for (const t of batch.timers.upsert) {
        own.set(t.timerId, {
          timerId: t.timerId,
          dueAt: t.dueAt,
          event: structuredClone(t.event),
          leaseId: null,
          leaseUntil: 0,
        });
      }
    }
    for (const entry of batch.outbox) {
      outbox.push({
        ...entry,
        payload: structuredClone(entry.payload),
        instanceId: id,
        cursor: String(trimmed + outbox.length + 1),
      });
    }
    return { ok: true, version };
  }

  return acrossTheWire({
    capabilities: { durability: 'none', multiProcess: false },

    async load(id) {
      live();
      const row = rows.get(id);
      if (!row) return null;
      const stored: StoredInstance = {
        id,
        campaignId: row.campaignId,
        kind: row.kind,
        version: row.version,
        snapshot: JSON.parse(row.snapshot),
        updatedAt: row.updatedAt,
      };
      return stored;
    },

    async commit(requests) {
      live();
      return requests.map((request) => commitOne(request.id, request));
    },

    async seen(id, keys) {
      live();
      const taken = rows.get(id)?.keys;
      return keys.map((key) => taken?.has(key) ?? false);
    },

    async claimDueTimers(now, limit, leaseMs) {
      live();
      const due: { instanceId: string; row: TimerRow }[] = [];
      for (const [instanceId, own] of timers) {
        for (const row of own.values()) {
          if (row.dueAt <= now && row.leaseUntil <= now) due.push({ instanceId, row });
        }
      }
      due.sort((a, b) => a.row.dueAt - b.row.dueAt);
      return due.slice(0, limit).map(({ instanceId, row }): ClaimedTimer => {
        row.leaseId = `lease-${++leaseSeq}`;
        row.leaseUntil = now + leaseMs;
        return {
          instanceId,
          timerId: row.timerId,
          dueAt: row.dueAt,
          event: structuredClone(row.event),
          leaseId: row.leaseId,
        };
      });
    },

    async ackTimers(acks) {
      live();
      for (const { instanceId, timerId, leaseId } of acks) {
        const own = timers.get(instanceId);
        if (own?.get(timerId)?.leaseId === leaseId) own.delete(timerId);
      }
    },

    async reserve({
      counter,
      holder,
      qty,
      capacity,
      mode = 'hold',
      replacing,
    }: ReserveRequest): Promise<ReserveResult> {
      live();
      let c = counters.get(counter);
      if (!c) {
        c = { remaining: capacity, holders: new Map(), replaceable: new Set() };
        counters.set(counter, c);
      }
      const duplicate = { ok: true, remaining: c.remaining, duplicate: true };
      const replaceably = mode === 'replaceable' || mode === 'touch';
      if (c.holders.has(holder)) {
        if (!replaceably) c.replaceable.delete(holder);
        return duplicate;
      }
      if (c.remaining >= qty) {
        c.remaining -= qty;
        c.holders.set(holder, qty);
        if (replaceably) c.replaceable.add(holder);
        return { ok: true, remaining: c.remaining, duplicate: false };
      }
      // A unit held replaceably: settled where it is, reported, or taken over.
      const [current] = c.replaceable;
      if (mode === 'touch' && current !== undefined)
        return { ok: true, remaining: c.remaining, duplicate: false, holder: current };
      if (mode === 'settle' && current !== undefined) {
        c.replaceable.delete(current);
        return duplicate;
      }
      if (mode === 'replaceable' && current !== undefined && (replacing ?? current) === current) {
        c.holders.set(holder, c.holders.get(current) ?? qty);
        c.holders.delete(current);
        c.replaceable.delete(current);
        c.replaceable.add(holder);
        return { ok: true, remaining: c.remaining, duplicate: false, replaced: current };
      }
      return { ok: false, remaining: c.remaining, duplicate: false };
    },

    async release(counter, holder) {
      live();
      const c = counters.get(counter);
      const qty = c?.holders.get(holder);
      if (!c || qty === undefined) return false;
      c.holders.delete(holder);
      c.replaceable.delete(holder);
      c.remaining += qty;
      return true;
    },

    async incrementScore({ board, member, delta, at, key }) {
      live();
      let b = boards.get(board);
      if (!b) {
        b = { entries: new Map(), keys: new Set() };
        boards.set(board, b);
      }
      const current = b.entries.get(member);
      if (b.keys.has(key)) return { ...(current ?? { member, score: 0, reachedAt: at }), applied: false };
      b.keys.add(key);
      const next = { member, score: (current?.score ?? 0) + delta, reachedAt: at };
      b.entries.set(member, next);
      return { ...next, applied: true };
    },

    async topScores(board, limit) {
      live();
      return [...(boards.get(board)?.entries.values() ?? [])].sort(ahead).slice(0, limit);
    },

    async scoreOf(board, member) {
      live();
      const entries = boards.get(board)?.entries;
      const entry = entries?.get(member);
      if (!entries || !entry) return null;
      let rank = 1;
      for (const other of entries.values()) if (ahead(other, entry) < 0) rank++;
      return { ...entry, rank };
    },

    async readOutbox(cursor, limit) {
      live();
      const start = Math.max(0, (cursor === null ? 0 : Number(cursor)) - trimmed);
      return outbox
        .slice(start, start + limit)
        .map((item) => ({ ...item, payload: structuredClone(item.payload) }));
    },

    async delete(id) {
      live();
      timers.delete(id);
      return rows.delete(id);
    },

    async dispose() {
      disposed = true;
    },

    async leaseConsumer(name, owner, now, leaseMs) {
      live();
      const c = consumers.get(name) ?? {
        name,
        cursor: null,
        owner: null,
        leaseUntil: 0,
        fence: 0,
        deadLetters: new Map(),
      };
      if (c.owner !== null && c.owner !== owner && c.leaseUntil > now) return null;
      const next = { ...c, owner, leaseUntil: now + leaseMs, fence: c.fence + (c.owner === owner ? 0 : 1) };
      consumers.set(name, next);
      return { cursor: next.cursor, fence: next.fence, leaseUntil: next.leaseUntil };
    },

    async advanceConsumer({ name, fence, cursor, deadLetters }) {
      live();
      const c = consumers.get(name);
      if (c?.fence !== fence) return false;
      for (const letter of deadLetters) c.deadLetters.set(letter.item.dedupeKey, structuredClone(letter));
      if (cursor !== undefined) consumers.set(name, { ...c, cursor });
      return true;
    },

    async listConsumers() {
      live();
      return [...consumers.values()]
        .map(({ deadLetters: _, ...state }) => state)
        .sort((a, b) => codePointOrder(a.name, b.name));
    },

    async deleteConsumer(name) {
      live();
      return consumers.delete(name);
    },

    async listDeadLetters(consumer, after, limit) {
      live();
      return [...(consumers.get(consumer)?.deadLetters.values() ?? [])]
        .filter((d) => after === null || codePointOrder(d.item.dedupeKey, after) > 0)
        .sort((a, b) => codePointOrder(a.item.dedupeKey, b.item.dedupeKey))
        .slice(0, limit)
        .map((d) => structuredClone(d));
    },

    async removeDeadLetter(consumer, dedupeKey) {
      live();
      return consumers.get(consumer)?.deadLetters.delete(dedupeKey) ?? false;
    },

    async trimOutbox() {
      live();
      const cursors = [...consumers.values()].map((c) => c.cursor);
      if (cursors.length === 0 || cursors.includes(null)) return 0;
      const slowest = Math.min(...cursors.map(Number));
      const count = Math.max(0, slowest - trimmed);
      outbox.splice(0, count);
      trimmed += count;
      return count;
    },
    ...memoryRecords(live),
  });
}

/**
 * Every call applied at once, in one synchronous step, and answered on the next turn of the event loop, as a store
 * across a wire would be. Answered in a microtask, a caller that calls in a loop (a reader paging the outbox, a
 * producer committing) keeps the microtask queue busy for good, so work waiting for the next turn starves: a batch
 * letting more events join waited seconds (p99 2.4 s while p50 was 0.5 ms), and a reader paging while others
 * commit never let the commits answer.
 */
function acrossTheWire<S extends object>(store: S): S {
  const wired: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wired[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            const answer = await value(...args);
            await nextTurn();
            return answer;
          }
        : value;
  }
  return wired as S;
}

/** Orders strings by code point (what SQL's "C" collation and Redis' lexical ranges do on UTF-8). */
function codePointOrder(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const d = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return left.length - right.length;
}

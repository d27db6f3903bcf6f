import { randomUUID } from 'node:crypto';
import type { Store } from '@liebian/core';
import type {
  ClaimedTimer,
  CommitRequest,
  CommitResult,
  OutboxItem,
  RecordStore,
  ScoreEntry,
  StoreCapabilities,
  StoredInstance,
} from '@liebian/core/store';
import { ident, migrate } from './migrations.js';
import { sqlConsumerMethods } from './sql-consumers.js';
import type { SqlDriver } from './sql-driver.js';
import { migrateRecords, sqlRecordMethods } from './sql-records.js';

/**
 * What {@link createSqlStore} needs beside a driver: the schema, the capabilities to report (the driver's
 * database decides them), and what to do once disposed.
 *
 * @example
 * const options: SqlStoreOptions = {
 *   schema: 'promo',
 *   capabilities: { durability: 'power-loss', multiProcess: true },
 * };
 * const store = await createSqlStore(pgDriver(pool, false), options);
 */
export interface SqlStoreOptions {
  /** PostgreSQL schema holding the tables (created and migrated on open). Default `liebian`. */
  readonly schema?: string;
  readonly capabilities: StoreCapabilities;
  /** Called once by `dispose()` after the driver is closed. */
  readonly onDispose?: () => Promise<void> | void;
}

const START_CURSOR = '0:0';

type ScoreRow = { member: string; score: string | number; reached_at: string | number };
const toEntry = (r: ScoreRow): ScoreEntry => ({
  member: r.member,
  score: Number(r.score),
  reachedAt: Number(r.reached_at),
});

/**
 * Batches that change counters hold the counters' row locks until their transaction ends, and every commit taking
 * the same stock waits for them: they go in calls of at most this many, sent side by side, so a shared stock is
 * never locked for a whole large group.
 */
const COUNTER_CALL = 16;

/**
 * The calls a group commit makes (indexes into the requests, each call sorted by instance id — stable, so one
 * instance's requests keep their order — the order its rows are locked in): the batches without counter changes
 * in one call, those with them in calls of {@link COUNTER_CALL}. An instance named twice keeps all its requests
 * in one call, in order.
 */
function commitCalls(requests: readonly CommitRequest[]): number[][] {
  const byId = (a: number, b: number) => {
    const x = (requests[a] as CommitRequest).id;
    const y = (requests[b] as CommitRequest).id;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  const all = requests.map((_, i) => i);
  if (new Set(requests.map((r) => r.id)).size < requests.length) return [all.sort(byId)];
  const plain = all.filter((i) => ((requests[i] as CommitRequest).counters ?? []).length === 0);
  const counted = all.filter((i) => ((requests[i] as CommitRequest).counters ?? []).length > 0);
  const calls = plain.length > 0 ? [plain.sort(byId)] : [];
  for (let i = 0; i < counted.length; i += COUNTER_CALL)
    calls.push(counted.slice(i, i + COUNTER_CALL).sort(byId));
  return calls;
}

/**
 * The one SQL store, for PostgreSQL servers and embedded PGlite alike. Every write is one statement calling a
 * PL/pgSQL function, so each commit is a single round trip and a single transaction.
 *
 * @example
 * // createPostgresStore and createPgliteStore are this over their own driver:
 * const store = await createSqlStore(pgliteDriver(new PGlite()), {
 *   capabilities: { durability: 'none', multiProcess: false },
 * });
 */
export async function createSqlStore(
  driver: SqlDriver,
  options: SqlStoreOptions,
): Promise<Store & RecordStore> {
  const schema = options.schema ?? 'liebian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema "${schema}" must be lower-case letters, digits and "_", starting with a letter`);
  }
  await migrate(driver, schema);
  const s = ident(schema);
  await migrateRecords(driver, s, schema);
  let disposed = false;

  const sql = {
    load: `SELECT campaign_id, kind, version, snapshot, updated_at FROM ${s}.instances WHERE id = $1`,
    commit: `SELECT n, ok, version, taken, short FROM ${s}.commit_many($1::jsonb)`,
    seen: `SELECT key FROM ${s}.instance_keys WHERE instance_id = $1 AND key = ANY ($2::text[])`,
    claim: `
      WITH due AS (
        SELECT instance_id, timer_id FROM ${s}.timers
        WHERE due_at <= $1::bigint AND lease_until <= $1::bigint
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
      )
      UPDATE ${s}.timers t SET lease_id = $3, lease_until = $1::bigint + $4::bigint
      FROM due WHERE t.instance_id = due.instance_id AND t.timer_id = due.timer_id
      RETURNING t.instance_id, t.timer_id, t.due_at, t.event, t.lease_id`,
    ack: `DELETE FROM ${s}.timers t USING unnest($1::text[], $2::text[], $3::text[]) AS a(instance_id, timer_id, lease_id)
          WHERE t.instance_id = a.instance_id AND t.timer_id = a.timer_id AND t.lease_id = a.lease_id`,
    reserve: `SELECT ok, remaining, duplicate, replaced FROM ${s}.reserve($1, $2, $3, $4, $5, $6)`,
    release: `SELECT ${s}.release($1, $2) AS released`,
    // Rows of transactions still in flight are held back (txid gate), so a cursor never skips a late commit.
    outbox: `
      -- Ordered by the xid8 column (o.txid), never by its text form: '100000' sorts before '99999'.
      SELECT o.txid::text AS txid_text, o.seq, o.instance_id, o.type, o.dedupe_key, o.payload, o.entries
      FROM ${s}.outbox o
      WHERE (o.txid, o.seq) >= ($1::xid8, $2::bigint) AND o.txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY o.txid, o.seq LIMIT $3`,
    incrementScore: `SELECT score, reached_at, applied FROM ${s}.increment_score($1, $2, $3, $4, $5)`,
    topScores: `
      SELECT member, score, reached_at FROM ${s}.score_entries WHERE board = $1
      ORDER BY score DESC, reached_at, member COLLATE "C" LIMIT $2`,
    scoreOf: `
      SELECT e.member, e.score, e.reached_at,
        1 + (SELECT count(*) FROM ${s}.score_entries o WHERE o.board = e.board
             AND (o.score > e.score OR (o.score = e.score AND (o.reached_at < e.reached_at
               OR (o.reached_at = e.reached_at AND o.member COLLATE "C" < e.member COLLATE "C"))))) AS rank
      FROM ${s}.score_entries e WHERE e.board = $1 AND e.member = $2`,
    delete: `
      WITH k AS (DELETE FROM ${s}.instance_keys WHERE instance_id = $1),
           t AS (DELETE FROM ${s}.timers WHERE instance_id = $1)
      DELETE FROM ${s}.instances WHERE id = $1 RETURNING id`,
  };

  type CommitRow = {
    n: string | number;
    ok: boolean;
    version: string | number | null;
    taken: string[] | null;
    short: number[] | null;
  };
  const commitResult = (row: CommitRow): CommitResult => {
    if (row.ok) return { ok: true, version: Number(row.version) };
    if (row.taken) return { ok: false, reason: 'taken', keys: row.taken };
    if (row.short) return { ok: false, reason: 'exhausted', short: row.short.map(Number) };
    return {
      ok: false,
      reason: 'conflict',
      currentVersion: row.version == null ? null : Number(row.version),
    };
  };

  /** A batch as commit_many reads it. */
  const commitJson = (r: CommitRequest) => ({
    id: r.id,
    expectedVersion: r.expectedVersion,
    campaignId: r.campaignId,
    kind: r.kind,
    snapshot: JSON.stringify(r.snapshot),
    now: r.now,
    keys: [...new Set(r.keys)],
    upsert: r.timers.upsert,
    cancel: r.timers.cancel,
    outbox: r.outbox,
    counters: r.counters ?? [],
  });

  const live = () => {
    if (disposed) throw new Error('sql store: used after dispose()');
  };

  return {
    capabilities: options.capabilities,

    async load(id) {
      live();
      const { rows } = await driver.query<{
        campaign_id: string;
        kind: string;
        version: string | number;
        snapshot: string;
        updated_at: string | number;
      }>(sql.load, [id]);
      const row = rows[0];
      if (!row) return null;
      const stored: StoredInstance = {
        id,
        campaignId: row.campaign_id,
        kind: row.kind,
        version: Number(row.version),
        snapshot: JSON.parse(row.snapshot),
        updatedAt: Number(row.updated_at),
      };
      return stored;
    },

    async commit(requests) {
      live();
      const results: CommitResult[] = new Array(requests.length);
      await Promise.all(
        commitCalls(requests).map(async (indexes) => {
          const { rows } = await driver.query<CommitRow>(sql.commit, [
            JSON.stringify(indexes.map((i) => commitJson(requests[i] as CommitRequest))),
          ]);
          if (rows.length !== indexes.length)
            throw new Error('sql store: commit_many answered fewer rows than batches');
          for (const row of rows) results[indexes[Number(row.n) - 1] as number] = commitResult(row);
        }),
      );
      return results;
    },

    async seen(id, keys) {
      live();
      if (keys.length === 0) return [];
      const { rows } = await driver.query<{ key: string }>(sql.seen, [id, [...keys]]);
      const taken = new Set(rows.map((r) => r.key));
      return keys.map((k) => taken.has(k));
    },

    async claimDueTimers(now, limit, leaseMs) {
      live();
      const leaseId = randomUUID();
      const { rows } = await driver.query<{
        instance_id: string;
        timer_id: string;
        due_at: string | number;
        event: unknown;
        lease_id: string;
      }>(sql.claim, [now, limit, leaseId, leaseMs]);
      return rows
        .map(
          (r): ClaimedTimer => ({
            instanceId: r.instance_id,
            timerId: r.timer_id,
            dueAt: Number(r.due_at),
            event: r.event,
            leaseId: r.lease_id,
          }),
        )
        .sort((a, b) => a.dueAt - b.dueAt);
    },

    async ackTimers(acks) {
      live();
      if (acks.length === 0) return;
      await driver.query(sql.ack, [
        acks.map((a) => a.instanceId),
        acks.map((a) => a.timerId),
        acks.map((a) => a.leaseId),
      ]);
    },

    async reserve({ counter, holder, qty, capacity, mode = 'hold', replacing }) {
      live();
      const { rows } = await driver.query<{
        ok: boolean;
        remaining: string | number;
        duplicate: boolean;
        replaced: string | null;
      }>(sql.reserve, [counter, holder, qty, capacity, mode, replacing ?? null]);
      const row = rows[0];
      if (!row) throw new Error('sql store: reserve returned no row');
      const result = { ok: row.ok, remaining: Number(row.remaining), duplicate: row.duplicate };
      if (row.replaced === null) return result;
      // The function answers the holder in one place: taken over from, or (touch) found.
      return mode === 'touch' ? { ...result, holder: row.replaced } : { ...result, replaced: row.replaced };
    },

    async release(counter, holder) {
      live();
      const { rows } = await driver.query<{ released: boolean }>(sql.release, [counter, holder]);
      return rows[0]?.released === true;
    },

    async incrementScore({ board, member, delta, at, key }) {
      live();
      const { rows } = await driver.query<{
        score: string | number | null;
        reached_at: string | number | null;
        applied: boolean;
      }>(sql.incrementScore, [board, member, delta, at, key]);
      const row = rows[0];
      return {
        member,
        score: Number(row?.score ?? 0),
        reachedAt: Number(row?.reached_at ?? at),
        applied: row?.applied === true,
      };
    },

    async topScores(board, limit) {
      live();
      const { rows } = await driver.query<ScoreRow>(sql.topScores, [board, limit]);
      return rows.map(toEntry);
    },

    async scoreOf(board, member) {
      live();
      const { rows } = await driver.query<ScoreRow & { rank: string | number }>(sql.scoreOf, [board, member]);
      const row = rows[0];
      return row ? { ...toEntry(row), rank: Number(row.rank) } : null;
    },

    async readOutbox(cursor, limit) {
      live();
      // A cursor is `txid:seq:index` (the row, and the last entry of it delivered); `txid:seq` from before
      // migration 3 meant the whole row.
      const [txid = '0', seq = '0', index] = (cursor ?? START_CURSOR).split(':');
      const delivered = index === undefined ? Number.POSITIVE_INFINITY : Number(index);
      const { rows } = await driver.query<{
        txid_text: string;
        seq: string | number;
        instance_id: string;
        type: string;
        dedupe_key: string;
        payload: unknown;
        entries: { type: string; dedupeKey: string; payload: unknown }[] | null;
      }>(sql.outbox, [txid, seq, limit + 1]);
      const out: OutboxItem[] = [];
      for (const r of rows) {
        const same = r.txid_text === txid && String(r.seq) === seq;
        const list = r.entries ?? [{ type: r.type, dedupeKey: r.dedupe_key, payload: r.payload }];
        list.forEach((e, i) => {
          if (same && i <= delivered) return;
          out.push({
            cursor: `${r.txid_text}:${r.seq}:${i}`,
            instanceId: r.instance_id,
            type: e.type,
            dedupeKey: e.dedupeKey,
            payload: e.payload,
          });
        });
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    },

    async delete(id) {
      live();
      const { rows } = await driver.query(sql.delete, [id]);
      return rows.length > 0;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      await driver.close();
      await options.onDispose?.();
    },

    ...sqlConsumerMethods(driver, s, live),
    ...sqlRecordMethods(driver, s, live),
  };
}

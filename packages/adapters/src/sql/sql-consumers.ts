import type { ConsumerMethods, DeadLetter, OutboxItem } from '@liebian/core/store';
import type { SqlDriver } from './sql-driver.js';

/**
 * The consumer part of the SQL store (tables and function of migration 6). `s` is the quoted schema; `live`
 * throws after `dispose()`.
 */
export function sqlConsumerMethods(driver: SqlDriver, s: string, live: () => void): ConsumerMethods {
  const sql = {
    // The upsert's WHERE makes the grant atomic: a live lease of another owner updates nothing and returns no row.
    lease: `
      INSERT INTO ${s}.consumers AS c (name, cursor, owner, lease_until, fence)
        VALUES ($1, NULL, $2, $3::bigint + $4::bigint, 1)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until,
        fence = c.fence + CASE WHEN c.owner IS DISTINCT FROM excluded.owner THEN 1 ELSE 0 END
      WHERE c.owner IS NULL OR c.owner = excluded.owner OR c.lease_until <= $3::bigint
      RETURNING c.cursor, c.fence, c.lease_until`,
    advance: `SELECT ${s}.advance_consumer($1, $2, $3, $4::jsonb) AS moved`,
    list: `SELECT name, cursor, owner, lease_until, fence FROM ${s}.consumers ORDER BY name COLLATE "C"`,
    delete: `
      WITH d AS (DELETE FROM ${s}.dead_letters WHERE consumer = $1)
      DELETE FROM ${s}.consumers WHERE name = $1 RETURNING name`,
    letters: `
      SELECT item, error, attempts, failed_at FROM ${s}.dead_letters
      WHERE consumer = $1 AND ($2::text IS NULL OR dedupe_key > $2::text COLLATE "C")
      ORDER BY dedupe_key LIMIT $3`,
    remove: `DELETE FROM ${s}.dead_letters WHERE consumer = $1 AND dedupe_key = $2 RETURNING dedupe_key`,
    // Rows strictly before the slowest cursor's row (a cursor names its row and an entry inside it). The outbox
    // read's txid gate means no row can still appear before a cursor that was handed out.
    trim: `
      WITH fresh AS (SELECT count(*) AS n FROM ${s}.consumers WHERE cursor IS NULL),
      slowest AS (
        SELECT split_part(cursor, ':', 1)::xid8 AS txid, split_part(cursor, ':', 2)::bigint AS seq
        FROM ${s}.consumers WHERE cursor IS NOT NULL ORDER BY 1, 2 LIMIT 1
      )
      DELETE FROM ${s}.outbox o USING slowest, fresh
      WHERE fresh.n = 0 AND (o.txid, o.seq) < (slowest.txid, slowest.seq)
      RETURNING coalesce(jsonb_array_length(o.entries), 1) AS n`,
  };

  return {
    async leaseConsumer(name, owner, now, leaseMs) {
      live();
      const { rows } = await driver.query<{
        cursor: string | null;
        fence: string | number;
        lease_until: string | number;
      }>(sql.lease, [name, owner, now, leaseMs]);
      const row = rows[0];
      return row
        ? { cursor: row.cursor, fence: Number(row.fence), leaseUntil: Number(row.lease_until) }
        : null;
    },

    async advanceConsumer({ name, fence, cursor, deadLetters }) {
      live();
      const { rows } = await driver.query<{ moved: boolean }>(sql.advance, [
        name,
        fence,
        cursor ?? null,
        JSON.stringify(deadLetters),
      ]);
      return rows[0]?.moved === true;
    },

    async listConsumers() {
      live();
      const { rows } = await driver.query<{
        name: string;
        cursor: string | null;
        owner: string | null;
        lease_until: string | number;
        fence: string | number;
      }>(sql.list);
      return rows.map((r) => ({
        name: r.name,
        cursor: r.cursor,
        owner: r.owner,
        leaseUntil: Number(r.lease_until),
        fence: Number(r.fence),
      }));
    },

    async deleteConsumer(name) {
      live();
      return (await driver.query(sql.delete, [name])).rows.length > 0;
    },

    async listDeadLetters(consumer, after, limit) {
      live();
      const { rows } = await driver.query<{
        item: OutboxItem;
        error: string;
        attempts: number;
        failed_at: string | number;
      }>(sql.letters, [consumer, after, limit]);
      return rows.map(
        (r): DeadLetter => ({
          item: r.item,
          error: r.error,
          attempts: Number(r.attempts),
          failedAt: Number(r.failed_at),
        }),
      );
    },

    async removeDeadLetter(consumer, dedupeKey) {
      live();
      return (await driver.query(sql.remove, [consumer, dedupeKey])).rows.length > 0;
    },

    async trimOutbox() {
      live();
      const { rows } = await driver.query<{ n: number | string }>(sql.trim);
      return rows.reduce((sum, r) => sum + Number(r.n), 0);
    },
  };
}

import { MAX_RECORDS_LISTED, type OperatorRecord, type RecordStore } from '@liebian/core/store';
import type { SqlDriver } from './sql-driver.js';

/**
 * The operator records table (held events, the audit). Created by its own idempotent step rather than a numbered
 * migration: it shares nothing with the instance tables, so it can arrive, or be dropped, independently of them.
 */
export async function migrateRecords(driver: SqlDriver, s: string, schema: string): Promise<void> {
  await driver.exec(`
    BEGIN;
    SELECT pg_advisory_xact_lock(hashtext('liebian-records:${schema.replaceAll("'", "''")}'));
    CREATE TABLE IF NOT EXISTS ${s}.operator_records (
      collection text NOT NULL,
      id text NOT NULL,
      status text NOT NULL,
      ref text NOT NULL,
      at bigint NOT NULL,
      updated_at bigint NOT NULL,
      data jsonb NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE INDEX IF NOT EXISTS operator_records_by_time ON ${s}.operator_records (collection, at DESC, id COLLATE "C" DESC);
    COMMIT;
  `);
}

type Row = {
  collection: string;
  id: string;
  status: string;
  ref: string;
  at: string | number;
  updated_at: string | number;
  data: unknown;
};
const toRecord = (r: Row): OperatorRecord => ({
  collection: r.collection,
  id: r.id,
  status: r.status,
  ref: r.ref,
  at: Number(r.at),
  updatedAt: Number(r.updated_at),
  data: r.data,
});

/** The record methods of the SQL store: each write is one statement. `s` is the quoted schema. */
export function sqlRecordMethods(driver: SqlDriver, s: string, live: () => void): RecordStore {
  const columns = 'collection, id, status, ref, at, updated_at, data';
  const sql = {
    // The CTE answers the row this statement inserted, or (on a conflict) the stored one, in one statement.
    put: `
      WITH ins AS (
        INSERT INTO ${s}.operator_records (${columns}) VALUES ($1, $2, $3, $4, $5, $5, $6::jsonb)
        ON CONFLICT (collection, id) DO NOTHING RETURNING ${columns}
      )
      SELECT ${columns}, true AS created FROM ins
      UNION ALL
      SELECT ${columns}, false AS created FROM ${s}.operator_records
        WHERE collection = $1 AND id = $2 AND NOT EXISTS (SELECT 1 FROM ins)`,
    update: `
      UPDATE ${s}.operator_records SET status = $4, data = $5::jsonb, updated_at = $6
      WHERE collection = $1 AND id = $2 AND status = $3 RETURNING ${columns}`,
    get: `SELECT ${columns} FROM ${s}.operator_records WHERE collection = $1 AND id = $2`,
    list: `
      SELECT ${columns} FROM ${s}.operator_records
      WHERE collection = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR ref = $3)
      ORDER BY at DESC, id COLLATE "C" DESC LIMIT $4`,
  };
  const get = async (collection: string, id: string) => {
    const { rows } = await driver.query<Row>(sql.get, [collection, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  };
  return {
    async putRecord(record) {
      live();
      const { rows } = await driver.query<Row & { created: boolean }>(sql.put, [
        record.collection,
        record.id,
        record.status,
        record.ref,
        record.at,
        JSON.stringify(record.data),
      ]);
      const row = rows[0];
      // A concurrent insert committed between the two halves: read what it stored.
      if (!row)
        return { record: (await get(record.collection, record.id)) as OperatorRecord, created: false };
      return { record: toRecord(row), created: row.created === true };
    },
    async updateRecord(collection, id, update) {
      live();
      const { rows } = await driver.query<Row>(sql.update, [
        collection,
        id,
        update.from,
        update.to,
        JSON.stringify(update.data),
        update.at,
      ]);
      if (rows[0]) return { record: toRecord(rows[0]), updated: true };
      return { record: await get(collection, id), updated: false };
    },
    async getRecord(collection, id) {
      live();
      return get(collection, id);
    },
    async listRecords(collection, query) {
      live();
      const { rows } = await driver.query<Row>(sql.list, [
        collection,
        query.status ?? null,
        query.ref ?? null,
        Math.max(0, Math.min(query.limit, MAX_RECORDS_LISTED)),
      ]);
      return rows.map(toRecord);
    },
  };
}

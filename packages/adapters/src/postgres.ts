import type { Store } from '@liebian/core';
import pg from 'pg';
import type { SqlDriver } from './sql/sql-driver.js';
import { createSqlStore } from './sql/sql-store.js';

export type { SqlDriver } from './sql/sql-driver.js';
export { createSqlStore, type SqlStoreOptions } from './sql/sql-store.js';

export interface PostgresStoreOptions {
  /** A `pg` pool you own, or a connection string (the store then owns and closes its pool). */
  readonly pool?: pg.Pool;
  readonly connectionString?: string;
  /** Pool size when the store creates the pool. Default 10. */
  readonly max?: number;
  /** Schema for the tables, created and migrated on open. Default `liebian`. */
  readonly schema?: string;
}

/** A {@link SqlDriver} over a `pg` pool. */
export function pgDriver(pool: pg.Pool, ownsPool: boolean): SqlDriver {
  return {
    query: async (sql, params) => {
      const result = await pool.query(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}

/**
 * A store on a PostgreSQL server: durable, safe for many engine processes.
 *
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * const engine = createEngine({ campaigns, store });
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const owns = options.pool === undefined;
  if (owns && !options.connectionString)
    throw new Error('createPostgresStore: pass `pool` or `connectionString`');
  const pool =
    options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  try {
    return await createSqlStore(pgDriver(pool, owns), {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      capabilities: { durability: 'power-loss', multiProcess: true },
    });
  } catch (error) {
    if (owns) await pool.end();
    throw error;
  }
}

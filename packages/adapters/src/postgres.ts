import type { Store } from '@liebian/core';
import type { RecordStore } from '@liebian/core/store';
import pg from 'pg';
import type { SqlDriver } from './sql/sql-driver.js';
import { createSqlStore } from './sql/sql-store.js';

export type { SqlDriver } from './sql/sql-driver.js';
export { createSqlStore, type SqlStoreOptions } from './sql/sql-store.js';

/**
 * How {@link createPostgresStore} reaches the server: a pool you own or a connection string, and the schema
 * its tables live in.
 *
 * @example
 * const options: PostgresStoreOptions = { connectionString: process.env.DATABASE_URL, max: 20, schema: 'promo' };
 * const store = await createPostgresStore(options);
 */
export interface PostgresStoreOptions {
  /** A `pg` pool you own, or a connection string (the store then owns and closes its pool). */
  readonly pool?: pg.Pool;
  readonly connectionString?: string;
  /** Pool size when the store creates the pool. Default 10. */
  readonly max?: number;
  /** Schema for the tables, created and migrated on open. Default `liebian`. */
  readonly schema?: string;
  /** When the store creates the pool: how long to wait for a connection, or a free client. Default: no limit. */
  readonly connectionTimeoutMs?: number;
}

/**
 * A {@link SqlDriver} over a `pg` pool.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = await createSqlStore(pgDriver(pool, false), {
 *   capabilities: { durability: 'power-loss', multiProcess: true },
 * });
 */
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
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store & RecordStore> {
  const owns = options.pool === undefined;
  if (owns && !options.connectionString)
    throw new Error('createPostgresStore: pass `pool` or `connectionString`');
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      // pg applies this to waiting for a free client too, so it is off unless asked for: the engine bounds every
      // store call (`storeTimeoutMs`) whatever the pool does.
      ...(options.connectionTimeoutMs === undefined
        ? {}
        : { connectionTimeoutMillis: options.connectionTimeoutMs }),
      keepAlive: true,
    });
  // An idle client whose connection drops (a restarted server, a cut network) emits 'error' on the pool; without a
  // listener that kills the process. The pool replaces the client; the next call reconnects.
  pool.on('error', () => {});
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

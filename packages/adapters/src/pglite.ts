import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Store } from '@liebian/core';
import type { RecordStore } from '@liebian/core/store';
import type { SqlDriver } from './sql/sql-driver.js';
import { createSqlStore } from './sql/sql-store.js';

/**
 * Where {@link createPgliteStore} keeps its embedded database: a directory (survives the process) or memory.
 *
 * @example
 * const options: PgliteStoreOptions = { dataDir: '.liebian/db' };
 * const store = await createPgliteStore(options);
 */
export interface PgliteStoreOptions {
  /** Directory holding the embedded database; created if missing. Omit for an in-memory database. */
  readonly dataDir?: string;
  /** Schema for the tables. Default `liebian`. */
  readonly schema?: string;
}

const LOCK_FILE = 'liebian.lock';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process. PGlite has no lock of its own and a second process opening the same
 * directory corrupts it (electric-sql/pglite#1106), so a lock file names the owner's pid; a lock left by a process
 * that no longer runs (killed) is taken over.
 *
 * @example
 * const release = lockDataDir('.liebian/db'); // throws if another live process holds it
 * try {
 *   await work();
 * } finally {
 *   release();
 * }
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && pidAlive(owner)) {
        throw new Error(
          `PGlite data directory ${dataDir} is in use by process ${owner}. One process per directory: stop it, or use PostgreSQL for several processes.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock PGlite data directory ${dataDir}`);
}

/**
 * A {@link SqlDriver} over a PGlite instance.
 *
 * @example
 * const driver = pgliteDriver(new PGlite());
 * console.log((await driver.query('select 1 as one')).rows); // [{ one: 1 }]
 */
export function pgliteDriver(db: PGlite): SqlDriver {
  return {
    query: async (sql, params) => {
      const result = await db.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[] };
    },
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/**
 * The embedded persistent store: PostgreSQL in WebAssembly (PGlite) in a directory on disk, for one process.
 * It survives a killed process; it is not power-loss durable (PGlite runs with fsync off).
 *
 * @example
 * const store = await createPgliteStore({ dataDir: '.data/liebian' });
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store & RecordStore> {
  const unlock = options.dataDir === undefined ? () => {} : lockDataDir(options.dataDir);
  try {
    const db = await PGlite.create(options.dataDir);
    return await createSqlStore(pgliteDriver(db), {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      capabilities: { durability: options.dataDir === undefined ? 'none' : 'process', multiProcess: false },
      onDispose: unlock,
    });
  } catch (error) {
    unlock();
    throw error;
  }
}

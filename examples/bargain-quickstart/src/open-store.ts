import { rmSync } from 'node:fs';
import { createPgliteStore } from '@liebian/adapters/pglite';
import { createPostgresStore } from '@liebian/adapters/postgres';
import { createRedisStore } from '@liebian/adapters/redis';
import type { Store } from '@liebian/core';
import type { RecordStore } from '@liebian/core/store';

/**
 * The store an example runs on: PostgreSQL when `DATABASE_URL` is set, Redis when `REDIS_URL` is set, else the
 * embedded persistent default (PGlite in `.data/<name>`). Switching stores is this one line in your own code.
 */
export async function openStore(
  name: string,
  options: { fresh?: boolean } = {},
): Promise<{ store: Store & RecordStore; label: string }> {
  if (process.env.DATABASE_URL) {
    return {
      store: await createPostgresStore({ connectionString: process.env.DATABASE_URL }),
      label: 'PostgreSQL (DATABASE_URL)',
    };
  }
  if (process.env.REDIS_URL)
    return { store: await createRedisStore({ url: process.env.REDIS_URL }), label: 'Redis (REDIS_URL)' };
  const dataDir = `.data/${name}`;
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  return { store: await createPgliteStore({ dataDir }), label: `embedded PGlite in ${dataDir}` };
}

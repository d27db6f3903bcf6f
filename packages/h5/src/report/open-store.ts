import type { Store } from '@liebian/core';

/** The adapter modules `--store` may need, loaded only when used (`@liebian/adapters` is an optional peer). */
type Adapters = {
  postgres: { createPostgresStore(o: { connectionString: string; schema?: string }): Promise<Store> };
  redis: { createRedisStore(o: { url: string; prefix?: string }): Promise<Store> };
  pglite: { createPgliteStore(o: { dataDir: string; schema?: string }): Promise<Store> };
};

async function adapter<K extends keyof Adapters>(name: K): Promise<Adapters[K]> {
  const specifier = `@liebian/adapters/${name}`;
  try {
    return (await import(specifier)) as Adapters[K];
  } catch (error) {
    const { code } = error as { code?: unknown };
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      `reading a store needs the package "@liebian/adapters", an optional peer dependency of @liebian/h5: npm install @liebian/adapters`,
      { cause: error },
    );
  }
}

/**
 * Opens the store `--store` names: a `postgres://` / `postgresql://` URL, a `redis://` / `rediss://` URL, or a
 * PGlite data directory (the demo's is `.data/demo`). `scope` is the schema (SQL) or key prefix (Redis), when the
 * engine was given one.
 *
 * @example
 * const store = await openStoreAt('postgres://localhost/shop');
 */
export async function openStoreAt(spec: string, scope?: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const { createPostgresStore } = await adapter('postgres');
    return createPostgresStore({ connectionString: spec, ...(scope ? { schema: scope } : {}) });
  }
  if (/^rediss?:\/\//.test(spec)) {
    const { createRedisStore } = await adapter('redis');
    return createRedisStore({ url: spec, ...(scope ? { prefix: scope } : {}) });
  }
  const { createPgliteStore } = await adapter('pglite');
  return createPgliteStore({ dataDir: spec, ...(scope ? { schema: scope } : {}) });
}

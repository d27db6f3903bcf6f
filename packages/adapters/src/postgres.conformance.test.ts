import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '@liebian/core';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { createPostgresStore } from './postgres.js';
import { serviceUrl, suffix, TS_NODE_ARGS } from './test-env.test-utils.js';
import { runStoreConformance } from './testing/index.js';

const url = serviceUrl('TEST_DATABASE_URL');
const schemas = new Map<Store, string>();
const durabilitySchema = `lbt_kill_${suffix()}`;

afterAll(async () => {
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const schema of [...new Set(schemas.values()), durabilitySchema])
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

async function open(schema: string): Promise<Store> {
  const store = await createPostgresStore({ connectionString: url as string, schema, max: 12 });
  schemas.set(store, schema);
  return store;
}

(url ? describe : describe.skip)('postgres (TEST_DATABASE_URL)', () => {
  runStoreConformance(
    { describe, it },
    {
      name: 'postgres',
      create: () => open(`lbt_${suffix()}`),
      sibling: (store) => open(schemas.get(store) as string),
      durability: {
        spawn: () =>
          spawn(
            process.execPath,
            [
              ...TS_NODE_ARGS,
              join(import.meta.dirname, 'durability-child.test-utils.ts'),
              'postgres',
              url as string,
              durabilitySchema,
            ],
            { stdio: ['ignore', 'pipe', 'pipe'] },
          ),
        reopen: () => open(durabilitySchema),
      },
    },
  );
});

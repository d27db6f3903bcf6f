import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '@liebian/core';
import { commitOne } from '@liebian/core/store';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
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
      records: true,
      create: () => open(`lbt_${suffix()}`),
      sibling: (store) => open(schemas.get(store) as string),
      rawRead: async (store, id) => {
        const client = new pg.Client({ connectionString: url as string });
        await client.connect();
        try {
          const { rows } = await client.query(
            `SELECT version, snapshot FROM "${schemas.get(store)}".instances WHERE id = $1`,
            [id],
          );
          return rows[0]
            ? { version: Number(rows[0].version), snapshot: JSON.parse(rows[0].snapshot) }
            : null;
        } finally {
          await client.end();
        }
      },
      faults: {
        commitMarker: 'commit_instance',
        target: {
          host: new URL(url ?? 'postgres://x').hostname,
          port: Number(new URL(url ?? 'postgres://x').port || 5432),
        },
        open: async (via) => {
          const schema = `lbt_fault_${suffix()}`;
          const through = new URL(url as string);
          through.hostname = via.host;
          through.port = String(via.port);
          const direct = await open(schema);
          const store = await createPostgresStore({ connectionString: through.href, schema, max: 8 });
          return { store, direct };
        },
      },
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

(url ? describe : describe.skip)('postgres outbox and a transaction that commits late', () => {
  it('holds back newer entries until the older transaction ends, so a cursor never skips one', async () => {
    const schema = `lbt_late_${suffix()}`;
    const store = await open(schema);
    const late = new pg.Client({ connectionString: url as string });
    await late.connect();
    try {
      for (const id of ['a', 'b']) {
        await commitOne(store, id, {
          expectedVersion: 0,
          campaignId: 'c',
          kind: 'bargain',
          snapshot: {},
          keys: [],
          timers: { upsert: [], cancel: [] },
          outbox: [],
          now: 1,
        });
      }
      // Transaction A takes its id first but stays open; B commits after it.
      await late.query('BEGIN');
      await late.query(
        `SELECT * FROM "${schema}".commit_instance('a', 1, 'c', 'bargain', '{}', 2, '{}', '[]', '{}', $1::jsonb)`,
        [JSON.stringify([{ type: 'late', dedupeKey: 'late', payload: {} }])],
      );
      await commitOne(store, 'b', {
        expectedVersion: 1,
        campaignId: 'c',
        kind: 'bargain',
        snapshot: {},
        keys: [],
        timers: { upsert: [], cancel: [] },
        outbox: [{ type: 'early', dedupeKey: 'early', payload: {} }],
        now: 2,
      });
      const first = await store.readOutbox(null, 10);
      expect(first.map((o) => o.type)).toEqual([]);
      await late.query('COMMIT');
      const after = await store.readOutbox(first.at(-1)?.cursor ?? null, 10);
      expect(after.map((o) => o.type)).toEqual(['late', 'early']);
    } finally {
      await late.end();
      await store.dispose();
    }
  });
});

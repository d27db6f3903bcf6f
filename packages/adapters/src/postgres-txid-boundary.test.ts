import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from './postgres.js';
import { pageWhileCommitting } from './testing/outbox-tests.js';

// A throw-away PostgreSQL cluster whose next transaction id is moved to just below 10^4, 10^5 and 10^6, where the
// text form of a txid gains a digit (the order bug of issue 11 skipped entries there). Each run pages the outbox
// while committing across the boundary.
const BIN = '/usr/lib/postgresql/15/bin';
const present = ['initdb', 'pg_ctl', 'pg_resetwal'].every((tool) => existsSync(join(BIN, tool)));
if (!present) console.warn(`skipping the transaction-id boundary test: no PostgreSQL 15 binaries in ${BIN}`);
const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the `postgres` OS user (initdb and the server refuse root). */
const tool = (name: string, args: string[]) =>
  asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, name), ...args]) : run(join(BIN, name), args);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

(present ? describe : describe.skip)('postgres outbox paging across transaction-id boundaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liebian-txid-'));
  const data = join(dir, 'data');
  let port = 0;
  const url = () => `postgres://postgres@127.0.0.1:${port}/postgres`;
  const start = () =>
    tool('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off`,
      'start',
    ]);
  const stop = () => tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  const nextXid = async () => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      return Number(rows[0]?.xid);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    port = await freePort();
    await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await start();
  }, 60_000);

  afterAll(async () => {
    await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([10_000, 100_000, 1_000_000])(
    'pages every entry exactly once while commits cross txid %i',
    async (boundary) => {
      await stop();
      // Segment 0000 of pg_xact holds the status of xids 0…1,048,575; the server only extends it page by page as
      // it hands out ids, so give it the whole segment (zeroed, as the server would) before moving the id there.
      truncateSync(join(data, 'pg_xact', '0000'), 256 * 1024);
      await tool('pg_resetwal', ['-x', String(boundary - 600), '-D', data]);
      await start();
      expect(await nextXid()).toBeLessThan(boundary);
      const store = await createPostgresStore({ connectionString: url(), schema: 'txid', max: 10 });
      try {
        await pageWhileCommitting(store, 1_500);
      } finally {
        await store.dispose();
      }
      expect(await nextXid()).toBeGreaterThan(boundary);
    },
    60_000,
  );
});

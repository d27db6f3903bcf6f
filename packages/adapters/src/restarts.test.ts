import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';
import { serviceUrl, suffix } from './test-env.test-utils.js';
import { claimsUnderFaults } from './testing/claims-workload.js';

const url = serviceUrl('TEST_DATABASE_URL');
const schema = `lbt_restart_${suffix()}`;

afterAll(async () => {
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

/** Waits for `condition`, checking every few milliseconds of event-loop time (never a fixed sleep). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}

(url ? describe : describe.skip)(
  'an engine on PostgreSQL whose connections are terminated under load',
  () => {
    it('carries on: every backend it has is terminated three times mid-load, and every promise holds', async () => {
      const app = `lbt-restart-${suffix()}`;
      const through = new URL(url as string);
      through.searchParams.set('application_name', app);
      const store = await createPostgresStore({ connectionString: through.href, schema, max: 8 });
      const direct = await createPostgresStore({ connectionString: url as string, schema });
      const admin = new pg.Client({ connectionString: url as string });
      await admin.connect();
      let terminated = 0;
      try {
        const during = async (progress: () => number) => {
          for (const at of [0.2, 0.5, 0.8]) {
            await until(() => progress() >= at);
            const { rows } = await admin.query(
              'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1',
              [app],
            );
            terminated += Number(rows[0]?.n ?? 0);
          }
        };
        await claimsUnderFaults(store, direct, { stock: 40, users: 80, during });
        expect(terminated).toBeGreaterThan(0);
      } finally {
        await admin.end();
        await store.dispose();
        await direct.dispose();
      }
    }, 120_000);
  },
);

const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version']);
    return true;
  } catch {
    console.warn('skipping the Redis restart test: redis-server is not on PATH');
    return false;
  }
})();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

(hasRedisServer ? describe : describe.skip)(
  'an engine on a Redis server that is killed and restarted',
  () => {
    it('carries on after the server comes back with its data (AOF, fsync always), and every promise holds', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lbt-redis-'));
      const port = await freePort();
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
      const durable = [...args, '--appendonly', 'yes', '--appendfsync', 'always'];
      let server: ChildProcess = spawn('redis-server', durable, { stdio: 'ignore' });
      const ping = async () => {
        const probe = new Redis({
          port,
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      };
      await until(ping);
      const store = await createRedisStore({ url: `redis://127.0.0.1:${port}`, prefix: 'restart' });
      const direct = await createRedisStore({ url: `redis://127.0.0.1:${port}`, prefix: 'restart' });
      let restarts = 0;
      try {
        const during = async (progress: () => number) => {
          for (const at of [0.3, 0.7]) {
            await until(() => progress() >= at);
            const exited = new Promise((resolve) => server.once('exit', resolve));
            server.kill('SIGKILL');
            await exited;
            server = spawn('redis-server', durable, { stdio: 'ignore' });
            await until(ping);
            restarts++;
          }
        };
        await claimsUnderFaults(store, direct, { stock: 40, users: 80, during });
        expect(restarts).toBe(2);
      } finally {
        await store.dispose();
        await direct.dispose();
        server.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);

/**
 * `npm start`: serves every sample campaign as a live page with its API on the embedded store (PGlite in
 * `.data/demo`), or on PostgreSQL / Redis when DATABASE_URL / REDIS_URL is set.
 * Options: `--port 3000`, `--simulate N` (N simulated friends act on open instances over time).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createEngine, defineCampaign } from '@liebian/core';
import { createAnalytics } from '@liebian/core/analytics';
import { createDashboardHandler } from '@liebian/h5';
import { createConsole } from '@liebian/h5/console';
import { buildPosterModule } from '@liebian/h5/node';
import { openStore } from '../../bargain-quickstart/src/open-store.js';
import { createDemoServer, demoConsoleAccess } from './demo-server.js';
import { startSimulation } from './simulate.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const dir = new URL('../../campaigns/', import.meta.url);
const campaigns = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => defineCampaign(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const { store, label } = await openStore('demo');
// Analytics: the engine records each applied event in the outbox; a durable consumer counts them into the store.
const analytics = createAnalytics({
  store,
  campaigns,
  onError: (error) => console.error('analytics:', error),
});
// The console's indexer lists what waits for an operator; the engine's hint wakes it and the analytics consumer
// after each commit.
let wake = () => {};
const engine = createEngine({
  campaigns,
  store,
  recordEvents: true,
  onEffect: () => {
    wake();
    analytics.consumer.notify();
  },
});
const ops = createConsole(engine, {
  store,
  ...demoConsoleAccess,
  analytics, // the campaign pages show the dashboard's figures
  secret: process.env.CONSOLE_SECRET ?? randomBytes(32).toString('hex'),
});
wake = () => ops.indexer.notify();
await ops.restoreCampaigns();
ops.indexer.start();
analytics.consumer.start();
const timers = setInterval(() => void engine.tick().catch(() => {}), 1_000);
// The share poster is the only front-end file the pages load (on tap); build it once at start.
const assetsDir = new URL('../../../.data/assets/', import.meta.url).pathname;
const poster = await buildPosterModule(assetsDir);
const server = createDemoServer({
  engine,
  campaigns,
  inviteSecret: process.env.INVITE_SECRET ?? randomBytes(32).toString('hex'),
  assets: { dir: assetsDir, poster },
  console: { basePath: '/console', handle: ops.handle },
  beaconStore: store,
  dashboard: createDashboardHandler({ store, campaigns, basePath: '/dashboard/', authorize: () => true }),
});
const port = Number(arg('--port') ?? process.env.PORT ?? 3000);
server.listen(port, () => {
  console.log(`Liebian demo on http://localhost:${port}  (store: ${label})`);
  console.log(`Campaign figures: http://localhost:${port}/dashboard/`);
  console.log(
    'Open it in two browser windows, log in with two names, launch in one and share the invite link with the other.',
  );
  console.log(
    `Operator console: http://localhost:${port}/console (demo roles: a name starting with "admin" is an admin, "op" an operator, anyone else a viewer)`,
  );
});
const simulate = Number(arg('--simulate') ?? 0);
const stopSimulation = simulate > 0 ? startSimulation(engine, store, campaigns, simulate) : () => {};

const shutdown = async () => {
  clearInterval(timers);
  stopSimulation();
  await ops.indexer.stop();
  await analytics.consumer.stop();
  server.close();
  await engine.dispose();
  await store.dispose();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

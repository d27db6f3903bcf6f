// biome-ignore-all lint/suspicious/noExplicitAny: a timing proxy over every store method
import { createAnalytics } from '@liebian/core/analytics';
import { createManualClock } from '@liebian/core/testing';
/**
 * A rough figure, not a bench: how many outbox entries a second the analytics consumer folds on PostgreSQL or Redis
 * (100 bargains with 19 helps each, event records on), and where its store time goes.
 * `node --conditions=source --import tsx scripts/analytics-fold-rate.ts postgres|redis` with the test services up.
 */

import { readFileSync } from 'node:fs';
import { createPostgresStore } from '@liebian/adapters/postgres';
import { createRedisStore } from '@liebian/adapters/redis';
import { createEngine, defineCampaign } from '@liebian/core';

const kind = process.argv[2];
const tag = `lbt_fold_${Date.now()}`;
const store =
  kind === 'redis'
    ? await createRedisStore({ url: 'redis://127.0.0.1:6379', prefix: tag })
    : await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', schema: tag });
const clock = createManualClock(Date.parse('2026-12-02T10:00:00+08:00'));
const raw = JSON.parse(readFileSync(new URL('../examples/campaigns/bargain.json', import.meta.url), 'utf8'));
raw.rules.helpersToFloor = 50;
delete raw.rules.helperQuotaPerCampaign;
delete raw.rules.launchesPerUser;
const campaign = defineCampaign(raw);
const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
for (let i = 0; i < 100; i++) {
  const { instanceId } = await engine.start(campaign.id, { actor: { id: `u${i}` } });
  await Promise.all(
    Array.from({ length: 19 }, (_, j) =>
      engine.send(
        instanceId,
        { type: 'bargain.help', eventId: `h${i}-${j}` },
        { actor: { id: `f${i}-${j}`, newUser: j % 2 === 0 }, channel: 'moments' },
      ),
    ),
  );
}
const calls = new Map<string, [number, number]>();
const timed = new Proxy(store, {
  get(t, p) {
    const v: unknown = Reflect.get(t, p);
    if (typeof v !== 'function') return v;
    return async (...a: unknown[]) => {
      const s = performance.now();
      try {
        return await v.apply(t, a);
      } finally {
        const c = calls.get(String(p)) ?? [0, 0];
        c[0]++;
        c[1] += performance.now() - s;
        calls.set(String(p), c);
      }
    };
  },
});
const analytics = createAnalytics({ store: timed, campaigns: [campaign], clock });
const t0 = performance.now();
const r = await analytics.consumer.drain();
const ms = performance.now() - t0;
console.log([...calls].map(([k, [n, t]]) => `${k} ${n}× ${Math.round(t)}ms`).join('; '));
console.log(
  kind,
  r.delivered,
  'entries in',
  Math.round(ms),
  'ms =',
  Math.round(r.delivered / (ms / 1000)),
  'entries/s',
);
await engine.dispose();
await store.dispose();
if (kind !== 'redis') {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await c.connect();
  await c.query(`DROP SCHEMA "${tag}" CASCADE`);
  await c.end();
} else {
  const { Redis } = await import('ioredis');
  const r2 = new Redis('redis://127.0.0.1:6379');
  for await (const keys of r2.scanStream({ match: `${tag}*`, count: 1000 }))
    if (keys.length) await r2.del(...keys);
  await r2.quit();
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type BargainView, createEngine, type Effect } from '@liebian/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChildSummary,
  lastTouchCampaign,
  lastTouchLinks,
  multiProcessCampaign,
  openStore,
} from './engine-child.test-utils.js';
import { serviceUrl, suffix, TS_NODE_ARGS } from './test-env.test-utils.js';

const targets = [
  { kind: 'postgres', url: serviceUrl('TEST_DATABASE_URL'), scope: `lbt_mp_${suffix()}` },
  { kind: 'redis', url: serviceUrl('TEST_REDIS_URL'), scope: `lbt-mp-${suffix()}` },
];

afterAll(async () => {
  for (const t of targets) {
    if (!t.url) continue;
    if (t.kind === 'postgres') {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${t.scope}" CASCADE`);
      await client.end();
    } else {
      const redis = new Redis(t.url);
      for await (const keys of redis.scanStream({ match: `${t.scope}*`, count: 1000 }))
        if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  }
});

function runChild<T = ChildSummary>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...TS_NODE_ARGS, join(import.meta.dirname, 'engine-child.test-utils.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`engine child failed (${code}):\n${err}`)),
    );
  });
}

describe.each(targets)('two engine processes on one $kind instance', ({ kind, url, scope }) => {
  it.skipIf(!url)(
    'apply every distinct help exactly once: 2,500 friends, 500 of them sent by both processes',
    async () => {
      const store = await openStore(kind, url as string, scope);
      const engine = createEngine({ campaigns: [multiProcessCampaign()], store });
      const instanceId = `mp-${suffix()}`;
      await engine.start(multiProcessCampaign().id, { actor: { id: 'initiator' }, instanceId });
      const [a, b] = await Promise.all([
        runChild(['bargain', kind, url as string, scope, instanceId, '0', '1500']),
        runChild(['bargain', kind, url as string, scope, instanceId, '1000', '2500']),
      ]);
      const view = (await engine.view(instanceId, { id: 'initiator' })) as BargainView;
      expect(a.applied + b.applied).toBe(2_500);
      expect(a.rejected + b.rejected).toBe(500);
      expect({ ...a.reasons, ...b.reasons }).toEqual({ 'already-helped': expect.any(Number) });
      expect(view.helps.count).toBe(2_500);
      await engine.dispose();
      await store.dispose();
    },
    120_000,
  );

  it.skipIf(!url)(
    'last-touch: 400 friends taken over between three links by both processes are each converted once, where they are',
    async () => {
      const store = await openStore(kind, url as string, scope);
      const campaign = lastTouchCampaign();
      const engine = createEngine({ campaigns: [campaign], store });
      for (const [i, link] of lastTouchLinks.entries())
        await engine.start(campaign.id, { actor: { id: `r${i}` }, instanceId: link });
      type Halves = { accepts: ChildSummary; converts: ChildSummary };
      const [a, b] = await Promise.all([
        runChild<Halves>(['last-touch', kind, url as string, scope, '0', '400']),
        runChild<Halves>(['last-touch', kind, url as string, scope, '0', '400']),
      ]);
      // Every accept is applied once (the other process's accept of the same friend at the same link is refused).
      expect(a.accepts.applied + b.accepts.applied).toBe(1_200);
      const effects: Effect[] = [];
      for (let cursor: string | null = null; ; ) {
        const page = await engine.readEffects(cursor, 1_000);
        if (page.length === 0) break;
        effects.push(...page.map((p) => p.effect).filter((e) => e.campaignId === campaign.id));
        cursor = page[page.length - 1]?.cursor ?? null;
      }
      const pairs = (type: string) =>
        effects.filter((e) => e.type === type).map((e) => `${e.instanceId}:${e.payload.referee}`);
      const converted = pairs('referral.converted');
      const moved = new Set(pairs('referral.moved'));
      const active = pairs('referral.accepted').filter((p) => !moved.has(p));
      expect(a.converts.applied + b.converts.applied).toBe(400);
      expect(new Set(converted.map((p) => p.split(':')[1])).size).toBe(400);
      // Each friend active at exactly one link — the one that converted them.
      expect(active.sort()).toEqual(converted.sort());
      await engine.dispose();
      await store.dispose();
    },
    180_000,
  );
});

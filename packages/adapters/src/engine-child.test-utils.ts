/**
 * One engine process of the multi-process test: `node … engine-child.test-utils.ts <store> <url> <scope> <instance> <from> <to>`.
 * Sends a help from each friend in [from, to) to one instance with 32 concurrent producers, then prints a summary.
 */
import { createEngine, defineCampaign, type Store } from '@liebian/core';
import { bargainCampaignInput } from '../../core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';

export const multiProcessCampaign = () =>
  defineCampaign(
    bargainCampaignInput(
      {
        originalPrice: 10_000_000,
        floorPrice: 0,
        helpersToFloor: 5_000,
        cut: { strategy: 'uniform', min: 1, max: 5_000 },
      },
      { schedule: { startsAt: '2020-01-01T00:00:00+08:00', endsAt: '2099-01-01T00:00:00+08:00' } },
    ),
  );

export function openStore(kind: string, url: string, scope: string): Promise<Store> {
  return kind === 'postgres'
    ? createPostgresStore({ connectionString: url, schema: scope })
    : createRedisStore({ url, prefix: scope });
}

if (process.argv[1]?.endsWith('engine-child.test-utils.ts')) {
  const [kind = '', url = '', scope = '', instanceId = '', from = '0', to = '0'] = process.argv.slice(2);
  const store = await openStore(kind, url, scope);
  const engine = createEngine({ campaigns: [multiProcessCampaign()], store });
  const summary = { applied: 0, duplicate: 0, rejected: 0, reasons: {} as Record<string, number> };
  let next = Number(from);
  const producer = async () => {
    while (next < Number(to)) {
      const i = next++;
      const result = await engine.send(
        instanceId,
        { type: 'bargain.help', eventId: `help-${i}-${process.pid}` },
        { actor: { id: `friend-${i}` } },
      );
      if (result.status === 'rejected') {
        summary.rejected++;
        summary.reasons[result.reason] = (summary.reasons[result.reason] ?? 0) + 1;
      } else if (result.duplicate) summary.duplicate++;
      else summary.applied++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, producer));
  await engine.dispose();
  await store.dispose();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

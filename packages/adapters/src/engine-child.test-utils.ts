/**
 * One engine process of the multi-process tests: `node … engine-child.test-utils.ts <workload> <store> <url> <scope> …`.
 * - `bargain <instance> <from> <to>`: a help from each friend in [from, to) to one instance.
 * - `last-touch <from> <to>`: each friend in [from, to) accepts the three links of {@link lastTouchLinks}, then
 *   their conversion is reported to all three.
 * 32 concurrent producers; prints a summary of the answers as JSON.
 */
import { createEngine, defineCampaign, type Engine, type SendResult, type Store } from '@liebian/core';
import { bargainCampaignInput } from '../../core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { referralCampaignInput } from '../../core/src/mechanics/referral/referral-fixture.test-utils.js';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';

const ALWAYS = { schedule: { startsAt: '2020-01-01T00:00:00+08:00', endsAt: '2099-01-01T00:00:00+08:00' } };

export const multiProcessCampaign = () =>
  defineCampaign(
    bargainCampaignInput(
      {
        originalPrice: 10_000_000,
        floorPrice: 0,
        helpersToFloor: 5_000,
        cut: { strategy: 'uniform', min: 1, max: 5_000 },
      },
      ALWAYS,
    ),
  );

export const lastTouchCampaign = () =>
  defineCampaign(
    referralCampaignInput(
      { attribution: 'last-touch', refereeReward: { rewardId: 'free-coffee' }, capPerReferrer: 10_000 },
      { ...ALWAYS, id: 'mp-last-touch', budget: { totalFen: 100_000_000 } },
    ),
    'referral',
  );

/** The referrers' links of the last-touch workload, started by the test. */
export const lastTouchLinks = ['r0', 'r1', 'r2'].map((r) => `mp-lt-${r}`);

export function openStore(kind: string, url: string, scope: string): Promise<Store> {
  return kind === 'postgres'
    ? createPostgresStore({ connectionString: url, schema: scope })
    : createRedisStore({ url, prefix: scope });
}

export interface ChildSummary {
  applied: number;
  duplicate: number;
  rejected: number;
  reasons: Record<string, number>;
}

/** Sends `count` commands through 32 concurrent producers and tallies the answers. */
async function drive(count: number, send: (i: number) => Promise<SendResult>): Promise<ChildSummary> {
  const summary: ChildSummary = { applied: 0, duplicate: 0, rejected: 0, reasons: {} };
  let next = 0;
  const producer = async () => {
    while (next < count) {
      const result = await send(next++);
      if (result.status === 'rejected') {
        summary.rejected++;
        summary.reasons[result.reason] = (summary.reasons[result.reason] ?? 0) + 1;
      } else if (result.duplicate) summary.duplicate++;
      else summary.applied++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, producer));
  return summary;
}

const WORKLOADS: Record<string, (engine: Engine, args: string[]) => Promise<unknown>> = {
  bargain(engine, [instanceId = '', from = '0', to = '0']) {
    const first = Number(from);
    return drive(Number(to) - first, (i) =>
      engine.send(
        instanceId,
        { type: 'bargain.help', eventId: `help-${first + i}-${process.pid}` },
        { actor: { id: `friend-${first + i}` } },
      ),
    );
  },
  async 'last-touch'(engine, [from = '0', to = '0']) {
    const first = Number(from);
    const sends = (Number(to) - first) * lastTouchLinks.length;
    // This process goes round the links in its own order, so the two processes take friends over from each other.
    const link = (i: number) => lastTouchLinks[(i + process.pid) % lastTouchLinks.length] as string;
    const friend = (i: number) => `f${first + Math.floor(i / lastTouchLinks.length)}`;
    const accepts = await drive(sends, (i) =>
      engine.send(link(i), { type: 'referral.accept' }, { actor: { id: friend(i) } }),
    );
    const converts = await drive(sends, (i) =>
      engine.send(
        link(i),
        { type: 'referral.convert', referee: friend(i) },
        { actor: { id: 'orders', operator: true } },
      ),
    );
    return { accepts, converts };
  },
};

if (process.argv[1]?.endsWith('engine-child.test-utils.ts')) {
  const [workload = '', kind = '', url = '', scope = '', ...args] = process.argv.slice(2);
  const run = WORKLOADS[workload];
  if (!run) throw new Error(`unknown workload "${workload}"`);
  const store = await openStore(kind, url, scope);
  const engine = createEngine({
    campaigns: [workload === 'bargain' ? multiProcessCampaign() : lastTouchCampaign()],
    store,
  });
  const summary = await run(engine, args);
  await engine.dispose();
  await store.dispose();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

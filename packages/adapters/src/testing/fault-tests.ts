import {
  commitOne,
  createEngine,
  createManualClock,
  isLiebianError,
  RETRYABLE_CODES,
  type Store,
  seededRandom,
} from '@liebian/core';
import {
  claimsUnderFaults,
  couponCampaign,
  DURING_CLAIMS,
  readAll,
  untilAnswered,
} from './claims-workload.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { batch, check, created, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

export function faultTests({ test, options }: SuiteContext): void {
  const faults = options.faults;
  if (!faults) return;
  /** A proxy in front of the server and a fresh store through it (plus a direct handle), all closed after `body`. */
  const throughProxy = async (
    seed: number,
    body: (proxy: FaultProxy, stores: { store: Store; direct: Store }) => Promise<void>,
  ): Promise<void> => {
    const proxy = await startFaultProxy(faults.target, seededRandom(seed).next);
    const stores = await faults.open(proxy.address);
    try {
      await body(proxy, stores);
    } finally {
      Object.assign(proxy.plan, {
        cutAnswer: 0,
        cutRequest: 0,
        cutAnswerTo: null,
        silent: false,
        refuse: false,
      });
      await stores.store.dispose();
      await stores.direct.dispose();
      await proxy.close();
    }
  };

  test(
    'a commit whose connection is cut applied whole or not at all, and the store keeps working',
    async () =>
      throughProxy(11, async (proxy, { store, direct }) => {
        const ids = [uid('cut-a'), uid('cut-b'), uid('cut-c')];
        for (const id of ids) await created(direct, id);
        proxy.plan.cutAnswer = 0.15;
        proxy.plan.cutRequest = 0.05;
        let lost = 0;
        for (let round = 1; round <= 40; round++) {
          for (const id of ids) {
            const keys = [`e:${round}`];
            const outbox = [{ type: 'cut', dedupeKey: `${id}:${round}`, payload: { round } }];
            const commit = batch({ expectedVersion: round, keys, outbox, snapshot: { round } });
            for (;;) {
              const result = await commitOne(store, id, commit).catch(() => null);
              if (result?.ok) break;
              check(result === null, `${id} round ${round}: ${JSON.stringify(result)}`);
              lost++;
              // The answer was lost: the commit applied whole (version, snapshot and key) or not at all.
              const [stored, [taken]] = await Promise.all([direct.load(id), direct.seen(id, keys)]);
              const applied = stored?.version === round + 1;
              check(
                applied === taken,
                `${id} round ${round}: version ${stored?.version}, key taken ${taken}`,
              );
              if (applied) {
                check(
                  (stored?.snapshot as { round?: number } | undefined)?.round === round,
                  'snapshot of the lost commit',
                );
                break;
              }
              check(stored?.version === round, `${id} round ${round}: version ${stored?.version}`);
            }
          }
        }
        proxy.plan.cutAnswer = 0;
        proxy.plan.cutRequest = 0;
        const entries = (await readAll(direct)).filter((e) => ids.includes(e.instanceId));
        check(
          entries.length === ids.length * 40,
          `outbox holds ${entries.length} entries, not ${ids.length * 40}`,
        );
        check(new Set(entries.map((e) => e.dedupeKey)).size === entries.length, 'no outbox entry twice');
        // (A client that sends a command again after reconnecting, as ioredis does, may hide every lost answer.)
        check(proxy.cuts > 0, `the proxy cut nothing (${lost} lost answers)`);
      }),
    120_000,
  );

  test(
    'claims on shared stock through cut connections never over-issue; everyone told "accepted" has a coupon',
    async () =>
      throughProxy(12, async (proxy, { store, direct }) => {
        const during = async () => {
          proxy.plan.cutAnswer = 0.03;
          proxy.plan.cutRequest = 0.01;
          if (faults.commitMarker) proxy.plan.cutAnswerTo = { marker: faults.commitMarker, chance: 0.3 };
        };
        await claimsUnderFaults(store, direct, { stock: 30, users: 60, during });
        check(proxy.cuts > 0, 'the proxy cut nothing');
        console.info(`faults: ${proxy.cuts} connections cut by the proxy`);
      }),
    180_000,
  );

  test(
    'a silent server: calls fail with a retryable store-timeout, and work again once it answers',
    async () =>
      throughProxy(13, async (proxy, { store }) => {
        const campaign = couponCampaign(uid('silent'), 10);
        const engine = createEngine({
          campaigns: [campaign],
          store,
          clock: createManualClock(DURING_CLAIMS),
          storeTimeoutMs: 500,
        });
        try {
          await engine.start(campaign.id, { actor: { id: 'sharer' }, instanceId: `${campaign.id}-s` });
          proxy.plan.silent = true;
          const claim = () =>
            engine.send(`${campaign.id}-s`, { type: 'coupon.claim', eventId: 'c1' }, { actor: { id: 'u1' } });
          const error = await claim().catch((e: unknown) => e);
          check(
            isLiebianError(error) && RETRYABLE_CODES.has(error.code),
            `expected a retryable store error, got ${String(error)}`,
          );
          proxy.plan.silent = false;
          const answer = await untilAnswered(claim);
          check(answer.status === 'accepted', `after the server spoke again: ${JSON.stringify(answer)}`);
        } finally {
          await engine.dispose();
        }
      }),
    60_000,
  );

  test(
    'refused connections are store-unavailable (retryable), and the store recovers',
    async () =>
      throughProxy(14, async (proxy, { store, direct }) => {
        const id = uid('refused');
        await created(direct, id);
        proxy.plan.refuse = true;
        proxy.cutAll();
        const failed = await commitOne(store, id, batch({ expectedVersion: 1 })).then(
          () => null,
          (e: unknown) => e,
        );
        check(failed !== null, 'a commit with every connection refused did not fail');
        proxy.plan.refuse = false;
        let result = null;
        for (let i = 0; i < 50 && !result?.ok; i++)
          result = await commitOne(store, id, batch({ expectedVersion: 1 })).catch(() => null);
        check(result?.ok === true, `the store did not recover: ${JSON.stringify(result)}`);
      }),
    60_000,
  );
}

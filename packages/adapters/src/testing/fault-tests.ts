import {
  createEngine,
  createManualClock,
  defineCampaign,
  type Effect,
  isLiebianError,
  RETRYABLE_CODES,
  type SendResult,
  type Store,
  seededRandom,
} from '@liebian/core';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { batch, check, created, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const NOW = Date.parse('2026-12-02T10:00:00+08:00');

/** A coupon share campaign with shared stock, one coupon per user. */
const couponCampaign = (id: string, stock: number) =>
  defineCampaign({
    id,
    kind: 'coupon',
    name: '好友领券',
    channel: 'app',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'coupons', name: '店铺优惠券', kind: 'coupon' }],
    page: { hook: { title: '分享给好友，一起领券' }, cta: { headline: '邀请好友' } },
    disclosure: { organizer: { name: '青柠超市', contact: '400-555-0100' } },
    stock: { total: stock },
    rules: {
      mode: 'share',
      coupon: { discountFen: 500, thresholdFen: 3000, validity: { days: 7 } },
      friendsPerShare: 1_000,
      sharerCouponsPerShare: 0,
      perUserLimit: 1,
      timeLimitMinutes: 600,
    },
  });

/** Retries a retryable failure with the same event id until the engine answers. */
async function untilAnswered(send: () => Promise<SendResult>): Promise<SendResult> {
  for (let tries = 0; ; tries++) {
    try {
      return await send();
    } catch (error) {
      if (!(isLiebianError(error) && RETRYABLE_CODES.has(error.code)) || tries > 1_000)
        throw new Error(`no answer after ${tries} tries: ${String(error)}`, { cause: error });
    }
  }
}

async function readAll(store: Store) {
  const out = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.readOutbox(cursor, 500);
    if (page.length === 0) return out;
    out.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

export function faultTests({ test, options }: SuiteContext): void {
  const faults = options.faults;
  if (!faults) return;
  const withProxy = async <T>(seed: number, body: (proxy: FaultProxy) => Promise<T>): Promise<T> => {
    const proxy = await startFaultProxy(faults.target, seededRandom(seed).next);
    try {
      return await body(proxy);
    } finally {
      await proxy.close();
    }
  };

  test(
    'a commit whose connection is cut applied whole or not at all, and the store keeps working',
    async () =>
      withProxy(11, async (proxy) => {
        const { store, direct } = await faults.open(proxy.address);
        try {
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
                const result = await store.commit(id, commit).catch(() => null);
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
        } finally {
          await store.dispose();
          await direct.dispose();
        }
      }),
    120_000,
  );

  test(
    'claims on shared stock through cut connections never over-issue; everyone told "accepted" has a coupon',
    async () =>
      withProxy(12, async (proxy) => {
        const { store, direct } = await faults.open(proxy.address);
        const campaign = couponCampaign(uid('cut-stock'), 30);
        const engine = createEngine({
          campaigns: [campaign],
          store,
          clock: createManualClock(NOW),
          random: seededRandom(5),
          storeTimeoutMs: 3_000,
        });
        try {
          const shares = ['s0', 's1', 's2'].map((s) => `${campaign.id}-${s}`);
          for (const [i, id] of shares.entries())
            await engine.start(campaign.id, { actor: { id: `sharer-${i}` }, instanceId: id });
          proxy.plan.cutAnswer = 0.03;
          proxy.plan.cutRequest = 0.01;
          if (faults.commitMarker) proxy.plan.cutAnswerTo = { marker: faults.commitMarker, chance: 0.3 };
          // 60 users claim on one share, 30 of them on a second too, against stock 30.
          const claims = Array.from({ length: 90 }, (_, i) => ({
            user: `u${i % 60}`,
            share: shares[(i + Math.floor(i / 60)) % 3] as string,
          }));
          // Eight clients, each sending its claims one after another: many small commits, so many lost answers.
          const answers: { user: string; share: string; answer: SendResult }[] = [];
          await Promise.all(
            Array.from({ length: 8 }, async (_, client) => {
              for (const { user, share } of claims.filter((_, i) => i % 8 === client)) {
                const eventId = `claim-${user}-${share}`;
                const send = () =>
                  engine.send(share, { type: 'coupon.claim', eventId }, { actor: { id: user } });
                answers.push({ user, share, answer: await untilAnswered(send) });
              }
            }),
          );
          proxy.plan.cutAnswer = 0;
          proxy.plan.cutRequest = 0;
          proxy.plan.cutAnswerTo = null;
          const issued = (await readAll(direct))
            .map((o) => o.payload as Effect)
            .filter((e) => e.type === 'coupon.issued' && shares.includes(e.instanceId));
          check(issued.length <= 30, `${issued.length} coupons issued against stock 30`);
          const holders = issued.map((e) => e.payload.holder as string);
          check(new Set(holders).size === holders.length, 'a user holds two coupons');
          check(
            new Set(issued.map((e) => e.dedupeKey)).size === issued.length,
            'two coupons share a dedupe key',
          );
          for (const { user, share, answer } of answers) {
            if (answer.status !== 'accepted') continue;
            check(
              issued.some((e) => e.payload.holder === user && e.instanceId === share),
              `${user} was told accepted on ${share} but holds no coupon there`,
            );
          }
          check(proxy.cuts > 0, 'the proxy cut nothing');
        } finally {
          await engine.dispose();
          await store.dispose();
          await direct.dispose();
        }
      }),
    180_000,
  );

  test(
    'a silent server: calls fail with a retryable store-timeout, and work again once it answers',
    async () =>
      withProxy(13, async (proxy) => {
        const { store, direct } = await faults.open(proxy.address);
        const campaign = couponCampaign(uid('silent'), 10);
        const engine = createEngine({
          campaigns: [campaign],
          store,
          clock: createManualClock(NOW),
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
          await store.dispose();
          await direct.dispose();
        }
      }),
    60_000,
  );

  test(
    'refused connections are store-unavailable (retryable), and the store recovers',
    async () =>
      withProxy(14, async (proxy) => {
        const { store, direct } = await faults.open(proxy.address);
        try {
          const id = uid('refused');
          await created(direct, id);
          proxy.plan.refuse = true;
          proxy.cutAll();
          const failed = await store.commit(id, batch({ expectedVersion: 1 })).then(
            () => null,
            (e: unknown) => e,
          );
          check(failed !== null, 'a commit with every connection refused did not fail');
          proxy.plan.refuse = false;
          let result = null;
          for (let i = 0; i < 50 && !result?.ok; i++)
            result = await store.commit(id, batch({ expectedVersion: 1 })).catch(() => null);
          check(result?.ok === true, `the store did not recover: ${JSON.stringify(result)}`);
        } finally {
          await store.dispose();
          await direct.dispose();
        }
      }),
    60_000,
  );
}

import type { TimerSpec } from '@liebian/core/store';
import { commitOne } from '@liebian/core/store';
import { all, batch, check, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const timer = (timerId: string, dueAt: number): TimerSpec => ({
  timerId,
  dueAt,
  event: { type: 'x.deadline', deadline: timerId },
});

export function timerTests({ test, concurrency }: SuiteContext): void {
  test('a timer is not claimable before it is due, and is claimed once after', async ({ open }) => {
    const store = await open();
    const id = uid('timer');
    await commitOne(store, id, batch({ timers: { upsert: [timer('expire', 5_000)], cancel: [] } }));
    const mine = async (now: number) =>
      (await store.claimDueTimers(now, 1_000, 60_000)).filter((t) => t.instanceId === id);
    equal(await mine(4_999), [], 'claim before due');
    const claimed = await mine(5_000);
    equal(
      claimed.map((t) => [t.timerId, t.dueAt, t.event]),
      [['expire', 5_000, { type: 'x.deadline', deadline: 'expire' }]],
      'claim when due',
    );
    equal(await mine(6_000), [], 'a leased timer is not claimed again');
    await store.ackTimers([{ instanceId: id, timerId: 'expire', leaseId: claimed[0]?.leaseId ?? '' }]);
    equal(await mine(1_000_000), [], 'an acked timer is gone');
  });

  test(`each due timer is claimed by exactly one of ${concurrency} parallel sweepers`, async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const ids = Array.from({ length: 50 }, (_, i) => uid(`sweep${i}`));
    for (const id of ids)
      await commitOne(
        store,
        id,
        batch({ timers: { upsert: [timer('expire', 100), timer('remind', 50)], cancel: [] } }),
      );
    const claims = (
      await all(concurrency, (i) => (stores[i % stores.length] ?? store).claimDueTimers(1_000, 10, 60_000))
    ).flat();
    const mine = claims.filter((c) => ids.includes(c.instanceId)).map((c) => `${c.instanceId}/${c.timerId}`);
    equal(mine.length, new Set(mine).size, 'no timer claimed twice');
    equal(mine.length, ids.length * 2, 'every due timer claimed');
  });

  test('a lease that expires unacked makes the timer claimable again', async ({ open }) => {
    const store = await open();
    const id = uid('lease');
    await commitOne(store, id, batch({ timers: { upsert: [timer('expire', 100)], cancel: [] } }));
    const mine = async (now: number) =>
      (await store.claimDueTimers(now, 1_000, 500)).filter((t) => t.instanceId === id);
    const first = await mine(200);
    equal(first.length, 1, 'first claim');
    equal(await mine(699), [], 'claim while leased');
    const second = await mine(700);
    equal(second.length, 1, 'claim after the lease expired');
    check(second[0]?.leaseId !== first[0]?.leaseId, 'a new claim must carry a new lease id');
    await store.ackTimers([{ instanceId: id, timerId: 'expire', leaseId: first[0]?.leaseId ?? '' }]);
    equal((await mine(2_000)).length, 1, 'an ack with the expired lease must not remove the timer');
  });

  test('re-upserting a timer replaces it; cancelling removes it; a stale ack keeps the new one', async ({
    open,
  }) => {
    const store = await open();
    const id = uid('replace');
    await commitOne(
      store,
      id,
      batch({ timers: { upsert: [timer('expire', 100), timer('pay-by', 100)], cancel: [] } }),
    );
    const leased = (await store.claimDueTimers(150, 1_000, 60_000)).filter((t) => t.instanceId === id);
    equal(leased.length, 2, 'both claimed');
    await commitOne(
      store,
      id,
      batch({ expectedVersion: 1, timers: { upsert: [timer('expire', 300)], cancel: ['pay-by'] } }),
    );
    await store.ackTimers(leased.map((t) => ({ instanceId: id, timerId: t.timerId, leaseId: t.leaseId })));
    const mine = async (now: number) =>
      (await store.claimDueTimers(now, 1_000, 60_000)).filter((t) => t.instanceId === id);
    equal(await mine(299), [], 'the re-upserted timer is not due before its new time');
    equal(
      (await mine(300)).map((t) => [t.timerId, t.dueAt]),
      [['expire', 300]],
      'the re-upserted timer survives the stale ack',
    );
  });

  test('one ackTimers call acknowledges many timers of many instances; stale leases and strangers are kept', async ({
    open,
  }) => {
    const store = await open();
    const ids = Array.from({ length: 300 }, (_, i) => uid(`acks${i}`));
    for (const id of ids)
      await commitOne(
        store,
        id,
        batch({ timers: { upsert: [timer('expire', 100), timer('remind', 100)], cancel: [] } }),
      );
    const claimed = (await store.claimDueTimers(200, 10_000, 60_000)).filter((t) =>
      ids.includes(t.instanceId),
    );
    equal(claimed.length, ids.length * 2, 'every timer claimed');
    const [kept, ...acked] = claimed;
    await store.ackTimers([
      ...acked.map(({ instanceId, timerId, leaseId }) => ({ instanceId, timerId, leaseId })),
      ...(kept ? [{ instanceId: kept.instanceId, timerId: kept.timerId, leaseId: 'not-the-lease' }] : []),
      { instanceId: uid('nobody'), timerId: 'expire', leaseId: 'x' },
    ]);
    await store.ackTimers([]);
    const left = (await store.claimDueTimers(1_000_000, 10_000, 60_000)).filter((t) =>
      ids.includes(t.instanceId),
    );
    equal(
      left.map((t) => `${t.instanceId}/${t.timerId}`),
      kept ? [`${kept.instanceId}/${kept.timerId}`] : [],
      'only the timer acked with a stale lease is left',
    );
  });
}

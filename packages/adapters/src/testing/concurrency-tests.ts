import { commitOne } from '@liebian/core';
import { all, batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

export function concurrencyTests({ test, concurrency, options }: SuiteContext): void {
  test(`${concurrency} parallel commits on one version: exactly one wins`, async ({ open, handles }) => {
    const store = await open();
    const stores = await handles(store);
    const id = uid('race');
    await created(store, id);
    const results = await all(concurrency, (i) =>
      commitOne(
        stores[i % stores.length] ?? store,
        id,
        batch({ expectedVersion: 1, snapshot: { winner: i }, keys: [`e:${i}`] }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    equal(winners.length, 1, 'number of winning commits');
    equal((await store.load(id))?.snapshot, { winner: winners[0] }, 'the stored snapshot is the winner’s');
    const seen = await store.seen(
      id,
      results.map((_, i) => `e:${i}`),
    );
    equal(seen.filter(Boolean).length, 1, 'only the winner’s keys are stored');
  });

  test(`${concurrency} parallel retry loops lose no update`, async ({ open, handles }) => {
    const store = await open();
    const stores = await handles(store);
    const id = uid('counter');
    await created(store, id, { n: 0 });
    const perWorker = 5;
    await all(concurrency, async (w) => {
      const s = stores[w % stores.length] ?? store;
      for (let done = 0; done < perWorker; ) {
        const current = await s.load(id);
        check(current, 'instance vanished');
        const n = (current.snapshot as { n: number }).n;
        const result = await commitOne(
          s,
          id,
          batch({ expectedVersion: current.version, snapshot: { n: n + 1 } }),
        );
        if (result.ok) done++;
      }
    });
    const final = await store.load(id);
    check(final, 'instance vanished');
    equal((final.snapshot as { n: number }).n, concurrency * perWorker, 'increments applied');
    equal(final.version, 1 + concurrency * perWorker, 'final version');
  });

  test('reserve never over-issues: stock S against N > S parallel holders', async ({ open, handles }) => {
    const store = await open();
    const stores = await handles(store);
    const requests = options.reservations ?? 10_000;
    const stock = Math.max(1, Math.floor(requests / 10));
    const counter = `${uid('c')}:stock`;
    const results = await all(requests, (i) =>
      (stores[i % stores.length] ?? store).reserve({ counter, holder: `h${i}`, qty: 1, capacity: stock }),
    );
    equal(results.filter((r) => r.ok).length, stock, 'successful reservations');
    check(
      results.every((r) => r.remaining >= 0),
      'remaining went negative',
    );
    check(
      results.every((r) => !r.duplicate),
      'a distinct holder was reported as a duplicate',
    );
    const after = await store.reserve({ counter, holder: 'late', qty: 1, capacity: stock });
    equal(after, { ok: false, remaining: 0, duplicate: false }, 'reserve after sell-out');
  });

  test('one reservation per holder, even in parallel; release gives the units back', async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const counter = `${uid('c')}:quota`;
    const results = await all(concurrency, (i) =>
      (stores[i % stores.length] ?? store).reserve({ counter, holder: 'same', qty: 3, capacity: 10 }),
    );
    equal(results.filter((r) => r.ok && !r.duplicate).length, 1, 'non-duplicate reservations by one holder');
    check(
      results.every((r) => r.ok),
      'a duplicate must still be ok',
    );
    equal(
      (await store.reserve({ counter, holder: 'other', qty: 8, capacity: 10 })).ok,
      false,
      '8 more do not fit in 7',
    );
    equal(await store.release(counter, 'same'), true, 'release of a held reservation');
    equal(await store.release(counter, 'same'), false, 'second release');
    equal(
      await store.reserve({ counter, holder: 'other', qty: 8, capacity: 10 }),
      { ok: true, remaining: 2, duplicate: false },
      'after release',
    );
  });
}

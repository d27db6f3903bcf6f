import type { CommitResult, CounterChange, Store } from '@liebian/core';
import { commitOne } from '@liebian/core';
import { all, batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const take = (counter: string, holder: string, qty = 1, capacity = 1): CounterChange => ({
  op: 'take',
  counter,
  holder,
  qty,
  capacity,
});
const give = (counter: string, holder: string): CounterChange => ({ op: 'give', counter, holder });

/** Commits `counters` on a fresh instance (created with them): the commit's answer. */
const launch = (store: Store, counters: readonly CounterChange[], keys: string[] = []) =>
  commitOne(store, uid('ctr'), batch({ counters, keys }));

/** How many units are left, measured by taking them one by one in throw-away launches (then giving them back). */
async function unitsLeft(store: Store, counter: string, capacity: number): Promise<number> {
  const probes: string[] = [];
  for (;;) {
    const holder = uid('probe');
    const result = await launch(store, [take(counter, holder, 1, capacity)]);
    if (!result.ok) break;
    probes.push(holder);
  }
  if (probes.length > 0)
    await launch(
      store,
      probes.map((h) => give(counter, h)),
    );
  return probes.length;
}

const exhausted = (result: CommitResult, short: number[], what: string) =>
  equal(result, { ok: false, reason: 'exhausted', short }, what);

/** Counter changes inside a commit (stock, budget, quotas): all or nothing with the batch, never over-issued. */
export function counterTests({ test, concurrency, options }: SuiteContext): void {
  test('a take holds with the commit; a holder takes once; a give returns the units', async ({ open }) => {
    const store = await open();
    const stock = `${uid('c')}:stock`;
    equal((await launch(store, [take(stock, 'a', 2, 5)])).ok, true, 'first take');
    equal(await unitsLeft(store, stock, 5), 3, 'units left after taking 2 of 5');
    equal((await launch(store, [take(stock, 'a', 2, 5)])).ok, true, 'the same holder again');
    equal(await unitsLeft(store, stock, 5), 3, 'a holder takes once');
    equal((await launch(store, [give(stock, 'a'), give(stock, 'nobody')])).ok, true, 'give');
    equal(await unitsLeft(store, stock, 5), 5, 'units left after the give');
  });

  test('a take without room writes nothing of the batch and names every short take', async ({ open }) => {
    const store = await open();
    const stock = `${uid('c')}:stock`;
    const id = uid('short');
    await created(store, id);
    const result = await commitOne(
      store,
      id,
      batch({
        expectedVersion: 1,
        snapshot: { n: 'short' },
        keys: ['e:short'],
        outbox: [{ type: 'short', dedupeKey: 'short', payload: {} }],
        counters: [
          take(stock, 'a', 1, 2),
          take(stock, 'b', 1, 2),
          take(stock, 'c', 1, 2),
          take(stock, 'd', 1, 2),
        ],
      }),
    );
    exhausted(result, [2, 3], 'four takes of one unit from two');
    equal((await store.load(id))?.version, 1, 'version after an exhausted commit');
    equal(await store.seen(id, ['e:short']), [false], 'keys of an exhausted commit');
    equal(await unitsLeft(store, stock, 2), 2, 'units after an exhausted commit (its takes undone)');
    // Judged in order, with the changes before each one applied: a give makes room for the take after it.
    equal((await launch(store, [take(stock, 'a', 1, 2), take(stock, 'b', 1, 2)])).ok, true, 'sell out');
    exhausted(await launch(store, [take(stock, 'c', 1, 2)]), [0], 'after the sell-out');
    equal((await launch(store, [give(stock, 'a'), take(stock, 'c', 1, 2)])).ok, true, 'give, then take');
    exhausted(await launch(store, [take(stock, 'd', 1, 2), give(stock, 'b')]), [0], 'take, then give');
  });

  test('a version conflict or a taken key comes before a short take', async ({ open }) => {
    const store = await open();
    const stock = `${uid('c')}:stock`;
    const id = uid('order');
    await created(store, id);
    await commitOne(store, id, batch({ expectedVersion: 1, keys: ['e:1'], counters: [take(stock, 'a')] }));
    equal(
      await commitOne(store, id, batch({ expectedVersion: 1, counters: [take(stock, 'b')] })),
      { ok: false, reason: 'conflict', currentVersion: 2 },
      'stale and short',
    );
    equal(
      await commitOne(store, id, batch({ expectedVersion: 2, keys: ['e:1'], counters: [take(stock, 'b')] })),
      { ok: false, reason: 'taken', keys: ['e:1'] },
      'taken and short',
    );
  });

  test('a group commit answers each batch on its own, in order', async ({ open }) => {
    const store = await open();
    const stock = `${uid('c')}:stock`;
    const [a, b, c] = [uid('ga'), uid('gb'), uid('gc')];
    await created(store, b);
    const results = await store.commit([
      { ...batch({ counters: [take(stock, 'a', 1, 2)] }), id: a },
      { ...batch({ expectedVersion: 7 }), id: b },
      { ...batch({ counters: [take(stock, 'c', 1, 2)] }), id: c },
      { ...batch({ counters: [take(stock, 'd', 1, 2)] }), id: uid('gd') },
      { ...batch({ expectedVersion: 1, snapshot: { n: 'b2' } }), id: b },
      { ...batch({ expectedVersion: 2, snapshot: { n: 'b3' } }), id: b },
    ]);
    equal(
      results,
      [
        { ok: true, version: 1 },
        { ok: false, reason: 'conflict', currentVersion: 1 },
        { ok: true, version: 1 },
        { ok: false, reason: 'exhausted', short: [0] },
        { ok: true, version: 2 },
        { ok: true, version: 3 },
      ],
      'results of one group',
    );
    equal((await store.load(b))?.snapshot, { n: 'b3' }, 'one instance’s batches applied in order');
    equal(await store.commit([]), [], 'an empty group');
  });

  test(`${concurrency} parallel group commits never over-issue a shared stock`, async ({ open, handles }) => {
    const store = await open();
    const stores = await handles(store);
    const claims = options.reservations ?? 2_000;
    const stock = Math.max(1, Math.floor(claims / 10));
    const counter = `${uid('c')}:stock`;
    const groups = Math.max(1, Math.min(concurrency, claims));
    const size = Math.ceil(claims / groups);
    const results = (
      await all(groups, (g) =>
        (stores[g % stores.length] ?? store).commit(
          Array.from({ length: size }, (_, i) => ({
            ...batch({
              counters: [
                take(counter, `h${g}-${i}`, 1, stock),
                take(`${counter}:per-user:${i % 7}`, `h${g}-${i}`, 1, claims),
              ],
            }),
            id: uid(`claim-${g}-${i}`),
          })),
        ),
      )
    ).flat();
    const won = results.filter((r) => r.ok).length;
    equal(won, stock, 'claims that took a unit');
    check(
      results.every((r) => r.ok || (r.reason === 'exhausted' && r.short.length === 1 && r.short[0] === 0)),
      `every other claim is short of stock only: ${JSON.stringify(results.find((r) => !r.ok && r.reason !== 'exhausted'))}`,
    );
    equal(await unitsLeft(store, counter, stock), 0, 'units left');
  });
}

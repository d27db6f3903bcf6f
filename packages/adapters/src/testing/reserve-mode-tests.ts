import type { ReserveMode, ReserveRequest } from '@liebian/core/store';
import { all, check, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

/** A one-unit counter, as attributions use it. */
const slot = (counter: string, holder: string, mode: ReserveMode): ReserveRequest => ({
  counter,
  holder,
  qty: 1,
  capacity: 1,
  mode,
});

export function reserveModeTests({ test, concurrency }: SuiteContext): void {
  test('replaceable holds are taken over, final ones never', async ({ open }) => {
    const store = await open();
    const counter = `${uid('c')}:referred:f`;
    equal(
      await store.reserve(slot(counter, 'a', 'replaceable')),
      { ok: true, remaining: 0, duplicate: false },
      'a takes the free unit, replaceably',
    );
    equal(
      await store.reserve(slot(counter, 'x', 'hold')),
      { ok: false, remaining: 0, duplicate: false },
      'a plain hold does not take over',
    );
    equal(
      await store.reserve(slot(counter, 'b', 'replaceable')),
      { ok: true, remaining: 0, duplicate: false, replaced: 'a' },
      'b takes it over from a',
    );
    equal(await store.release(counter, 'a'), false, 'a holds nothing any more');
    equal(
      await store.reserve(slot(counter, 'b', 'hold')),
      { ok: true, remaining: 0, duplicate: true },
      'b re-reserving with hold makes its hold final',
    );
    equal(
      (await store.reserve(slot(counter, 'c', 'replaceable'))).ok,
      false,
      'a final hold is not taken over',
    );
    equal(await store.release(counter, 'b'), true, 'b releases');
    equal(
      await store.reserve(slot(counter, 'c', 'hold')),
      { ok: true, remaining: 0, duplicate: false },
      'the unit is free again',
    );
  });

  test('a take-over naming the holder to replace replaces only that one', async ({ open }) => {
    const store = await open();
    const counter = `${uid('c')}:referred:f`;
    await store.reserve(slot(counter, 'a', 'replaceable'));
    await store.reserve(slot(counter, 'b', 'replaceable'));
    equal(
      await store.reserve({ ...slot(counter, 'a', 'replaceable'), replacing: 'c' }),
      { ok: false, remaining: 0, duplicate: false },
      'b holds it, not c: nothing changes',
    );
    equal(
      await store.reserve({ ...slot(counter, 'a', 'replaceable'), replacing: 'b' }),
      { ok: true, remaining: 0, duplicate: false, replaced: 'b' },
      'handed back from b to a',
    );
    equal(await store.release(counter, 'a'), true, 'a holds it again');
  });

  test('touch takes a free unit replaceably, reports a replaceable holder, and refuses a final one', async ({
    open,
  }) => {
    const store = await open();
    const counter = `${uid('c')}:referred:f`;
    equal(
      await store.reserve(slot(counter, 'a', 'touch')),
      { ok: true, remaining: 0, duplicate: false },
      'a takes the free unit',
    );
    equal(
      await store.reserve(slot(counter, 'b', 'touch')),
      { ok: true, remaining: 0, duplicate: false, holder: 'a' },
      'b finds a, takes nothing',
    );
    equal(await store.release(counter, 'b'), false, 'b holds nothing');
    equal(
      await store.reserve(slot(counter, 'a', 'touch')),
      { ok: true, remaining: 0, duplicate: true },
      'a again: a duplicate',
    );
    equal(
      await store.reserve({ ...slot(counter, 'b', 'replaceable'), replacing: 'a' }),
      { ok: true, remaining: 0, duplicate: false, replaced: 'a' },
      "a's touch left the unit replaceable",
    );
    await store.reserve(slot(counter, 'b', 'hold'));
    equal((await store.reserve(slot(counter, 'c', 'touch'))).ok, false, 'a final hold refuses a touch');
  });

  test('settle makes a replaceable hold final where it is', async ({ open }) => {
    const store = await open();
    const counter = `${uid('c')}:referred:f`;
    await store.reserve(slot(counter, 'a', 'replaceable'));
    equal(
      await store.reserve(slot(counter, '@mark', 'settle')),
      { ok: true, remaining: 0, duplicate: true },
      'settled on a, nothing taken',
    );
    equal((await store.reserve(slot(counter, 'b', 'replaceable'))).ok, false, 'no take-over after settling');
    equal((await store.reserve(slot(counter, '@mark', 'settle'))).ok, false, 'a final hold by another');
    const free = `${uid('c')}:referred:g`;
    equal(
      await store.reserve(slot(free, '@mark', 'settle')),
      { ok: true, remaining: 0, duplicate: false },
      'settle takes a free unit, final',
    );
    equal((await store.reserve(slot(free, 'b', 'replaceable'))).ok, false, 'which is never taken over');
    equal(await store.release(free, '@mark'), true, 'released like any hold');
  });

  test(`${concurrency} parallel take-overs leave exactly one holder, each replacing the one before`, async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const counter = `${uid('c')}:referred:f`;
    await store.reserve(slot(counter, 'first', 'replaceable'));
    const results = await all(concurrency, (i) =>
      (stores[i % stores.length] ?? store).reserve(slot(counter, `h${i}`, 'replaceable')),
    );
    check(
      results.every((r) => r.ok && !r.duplicate && r.remaining === 0),
      'every take-over succeeds and takes nothing from the counter',
    );
    // The take-overs form one chain: each replaced a distinct holder, starting from the first one.
    const replaced = results.map((r) => r.replaced);
    equal(new Set(replaced).size, concurrency, 'each holder was replaced at most once');
    check(replaced.includes('first'), 'the chain starts at the first holder');
    const last = results.map((_, i) => `h${i}`).filter((h) => !replaced.includes(h));
    equal(last.length, 1, 'exactly one take-over was not replaced in turn');
    equal(await store.release(counter, last[0] as string), true, 'and it holds the unit');
    equal(await store.release(counter, 'first'), false, 'replaced holders hold nothing');
  });

  test(`${concurrency} parallel take-overs and one settle: the settled holder keeps it`, async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const counter = `${uid('c')}:referred:f`;
    await store.reserve(slot(counter, 'first', 'replaceable'));
    const results = await all(concurrency + 1, (i) =>
      (stores[i % stores.length] ?? store).reserve(
        i === concurrency ? slot(counter, '@mark', 'settle') : slot(counter, `h${i}`, 'replaceable'),
      ),
    );
    const settle = results[concurrency];
    check(settle?.ok === true && settle.duplicate, 'the settle finds a replaceable hold and settles it');
    const replaced = new Set(results.map((r) => r.replaced).filter(Boolean));
    const holders = ['first', ...results.slice(0, concurrency).flatMap((r, i) => (r.ok ? [`h${i}`] : []))];
    const current = holders.filter((h) => !replaced.has(h));
    equal(current.length, 1, 'one holder at the end');
    equal(
      (await store.reserve(slot(counter, 'late', 'replaceable'))).ok,
      false,
      'no take-over after the settle',
    );
    equal(await store.release(counter, current[0] as string), true, 'the settled holder holds it');
  });
}

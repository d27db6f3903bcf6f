import { commitOne } from '@liebian/core';
import { batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

export function casTests({ test, options }: SuiteContext): void {
  test('a commit increments the version by exactly one', async ({ open }) => {
    const store = await open();
    const id = uid('cas');
    await created(store, id);
    for (let v = 1; v <= 3; v++) {
      const result = await commitOne(store, id, batch({ expectedVersion: v, snapshot: { n: v } }));
      equal(result, { ok: true, version: v + 1 }, `commit on version ${v}`);
    }
    equal((await store.load(id))?.version, 4, 'loaded version');
    if (options.rawRead)
      equal(await options.rawRead(store, id), { version: 4, snapshot: { n: 3 } }, 'persisted row');
  });

  test('a stale commit conflicts and writes nothing: no keys, timers or outbox', async ({ open }) => {
    const store = await open();
    const id = uid('stale');
    await created(store, id);
    await commitOne(store, id, batch({ expectedVersion: 1, snapshot: { n: 1 } }));
    const before = await store.readOutbox(null, 10_000);
    const stale = await commitOne(
      store,
      id,
      batch({
        expectedVersion: 1,
        snapshot: { n: 'stale' },
        keys: ['e:stale'],
        timers: { upsert: [{ timerId: 'stale-timer', dueAt: 5, event: {} }], cancel: [] },
        outbox: [{ type: 'stale', dedupeKey: 'stale', payload: {} }],
      }),
    );
    check(
      !stale.ok && stale.reason === 'conflict' && stale.currentVersion === 2,
      `expected a conflict at version 2, got ${JSON.stringify(stale)}`,
    );
    equal((await store.load(id))?.snapshot, { n: 1 }, 'snapshot after a stale commit');
    if (options.rawRead)
      equal(
        await options.rawRead(store, id),
        { version: 2, snapshot: { n: 1 } },
        'persisted row after a stale commit',
      );
    equal(await store.seen(id, ['e:stale']), [false], 'keys of a stale commit');
    equal(
      (await store.claimDueTimers(1_000_000, 1_000, 1_000)).filter((t) => t.instanceId === id),
      [],
      'timers of a stale commit',
    );
    equal((await store.readOutbox(null, 10_000)).length, before.length, 'outbox after a stale commit');
  });

  test('an update of a missing instance conflicts with currentVersion null', async ({ open }) => {
    const store = await open();
    const result = await commitOne(store, uid('ghost'), batch({ expectedVersion: 3 }));
    equal(result, { ok: false, reason: 'conflict', currentVersion: null }, 'update of a missing instance');
  });

  test('keys: duplicates in one batch count once; keys persist across commits; per instance', async ({
    open,
  }) => {
    const store = await open();
    const id = uid('keys');
    await commitOne(store, id, batch({ keys: ['e:a', 'e:a', 'c:helper:x'] }));
    equal(
      await commitOne(store, id, batch({ expectedVersion: 1, keys: ['e:b', 'e:b'] })),
      { ok: true, version: 2 },
      'commit of new keys',
    );
    equal(
      await store.seen(id, ['e:a', 'e:b', 'c:helper:x', 'e:c', 'c:helper:y']),
      [true, true, true, false, false],
      'seen',
    );
    equal(await store.seen(uid('other'), ['e:a']), [false], 'keys are per instance');
    equal(await store.seen(id, []), [], 'seen of no keys');
  });

  test('a commit with a taken key writes nothing and names the taken keys', async ({ open }) => {
    const store = await open();
    const id = uid('taken');
    await commitOne(store, id, batch({ keys: ['e:1', 'c:helper:x'] }));
    const result = await commitOne(
      store,
      id,
      batch({
        expectedVersion: 1,
        snapshot: { n: 'must not be written' },
        keys: ['e:2', 'c:helper:x', 'e:1', 'e:3'],
        timers: { upsert: [{ timerId: 'never', dueAt: 1, event: {} }], cancel: [] },
        outbox: [{ type: 'never', dedupeKey: 'never', payload: {} }],
      }),
    );
    check(!result.ok && result.reason === 'taken', `expected taken keys, got ${JSON.stringify(result)}`);
    equal([...result.keys].sort(), ['c:helper:x', 'e:1'], 'the taken keys');
    const loaded = await store.load(id);
    equal(
      [loaded?.version, loaded?.snapshot],
      [1, { value: 'cutting', context: { n: 0 } }],
      'instance unchanged',
    );
    equal(await store.seen(id, ['e:2', 'e:3']), [false, false], 'no new keys');
    equal(
      (await store.claimDueTimers(1_000_000, 1_000, 1_000)).filter((t) => t.instanceId === id),
      [],
      'no timers',
    );
    equal(
      (await store.readOutbox(null, 100_000)).filter((o) => o.instanceId === id),
      [],
      'no outbox entries',
    );
  });
}

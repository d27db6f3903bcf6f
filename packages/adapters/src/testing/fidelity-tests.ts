import { commitOne } from '@liebian/core';
import { batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

export function fidelityTests({ test, options }: SuiteContext): void {
  test('load of a missing instance is null', async ({ open }) => {
    const store = await open();
    equal(await store.load(uid('missing')), null, 'load(missing)');
  });

  test('create succeeds once; a second create conflicts', async ({ open }) => {
    const store = await open();
    const id = uid('create');
    const first = await commitOne(store, id, batch());
    equal(first, { ok: true, version: 1 }, 'first create');
    const second = await commitOne(store, id, batch({ snapshot: { other: true } }));
    check(
      !second.ok && second.reason === 'conflict',
      `second create must conflict, got ${JSON.stringify(second)}`,
    );
    equal(
      second.ok || second.reason !== 'conflict' ? null : second.currentVersion,
      1,
      'currentVersion after a conflicting create',
    );
    equal(
      (await store.load(id))?.snapshot,
      { value: 'cutting', context: { n: 0 } },
      'the first snapshot is kept',
    );
  });

  test('snapshots round-trip exactly: nested, unicode, numbers, null, 1 MB', async ({ open }) => {
    const store = await open();
    const samples: unknown[] = [
      { value: 'cutting', context: { nested: { deep: [1, [2, [3, { four: null }]]] }, empty: {}, list: [] } },
      { text: '砍一刀 🔪 \u0000 "quotes" \\ back\nslash', rtl: 'مرحبا', emoji: '👨‍👩‍👧' },
      {
        ints: [0, -1, 9007199254740991, -9007199254740991],
        floats: [0.1, 1e-7, 123.456],
        bool: [true, false],
        nil: null,
      },
      { big: 'x'.repeat(1024 * 1024), n: 1 },
    ];
    for (const [i, snapshot] of samples.entries()) {
      const id = uid(`fidelity-${i}`);
      await created(store, id, snapshot);
      const loaded = await store.load(id);
      equal(loaded?.snapshot, snapshot, `snapshot ${i}`);
      if (options.rawRead)
        equal(await options.rawRead(store, id), { version: 1, snapshot }, `persisted snapshot ${i}`);
      check(typeof loaded?.version === 'number', `version must be a number, got ${typeof loaded?.version}`);
      equal(loaded?.campaignId, 'conformance', 'campaignId');
      equal(loaded?.kind, 'bargain', 'kind');
      equal(loaded?.updatedAt, 1_000, 'updatedAt');
    }
  });

  test('delete removes an instance, its keys and its timers', async ({ open }) => {
    const store = await open();
    const id = uid('delete');
    await commitOne(
      store,
      id,
      batch({ keys: ['e:1'], timers: { upsert: [{ timerId: 't', dueAt: 10, event: {} }], cancel: [] } }),
    );
    equal(await store.delete(id), true, 'delete of an existing instance');
    equal(await store.load(id), null, 'load after delete');
    if (options.rawRead) equal(await options.rawRead(store, id), null, 'persisted row after delete');
    equal(await store.seen(id, ['e:1']), [false], 'keys after delete');
    equal(
      (await store.claimDueTimers(1_000_000, 100, 1_000)).filter((t) => t.instanceId === id),
      [],
      'timers after delete',
    );
    equal(await store.delete(id), false, 'second delete');
  });

  test('two stores from the factory are isolated', async ({ open }) => {
    const a = await open();
    const b = await open();
    const id = uid('isolated');
    await created(a, id);
    equal(await b.load(id), null, 'an instance of one store is invisible to the other');
  });

  test('dispose can be called twice', async ({ open }) => {
    const store = await open();
    await store.dispose();
    await store.dispose();
  });
}

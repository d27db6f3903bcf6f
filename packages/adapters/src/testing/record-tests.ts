import type { Store } from '@liebian/core';
import { hasRecords, type RecordStore } from '@liebian/core/store';
import { all, check, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const AT = 1_700_000_000_000;

function records(store: Store): Store & RecordStore {
  check(
    hasRecords(store),
    'the store keeps operator records (putRecord, updateRecord, getRecord, listRecords)',
  );
  return store;
}

/** Operator records (store/record-store.ts): made once per id, status moved by compare-and-set, listed newest first. */
export function recordTests({ test, concurrency }: SuiteContext): void {
  test('a record is made once; a second put answers the first record unchanged', async ({ open }) => {
    const store = records(await open());
    const c = uid('col');
    const first = await store.putRecord({
      collection: c,
      id: 'a',
      status: 'pending',
      ref: 'r',
      at: AT,
      data: { n: 1, s: '砍一刀' },
    });
    equal(first.created, true, 'first put makes the record');
    equal(
      first.record,
      {
        collection: c,
        id: 'a',
        status: 'pending',
        ref: 'r',
        at: AT,
        updatedAt: AT,
        data: { n: 1, s: '砍一刀' },
      },
      'record as stored',
    );
    const second = await store.putRecord({
      collection: c,
      id: 'a',
      status: 'other',
      ref: 'x',
      at: AT + 5,
      data: { n: 2 },
    });
    equal(second.created, false, 'second put makes nothing');
    equal(second.record, first.record, 'second put answers the stored record');
    equal(await store.getRecord(c, 'a'), first.record, 'getRecord');
    equal(await store.getRecord(c, 'missing'), null, 'missing record');
    equal(await store.getRecord(uid('other'), 'a'), null, 'another collection is separate');
  });

  test('racing puts of one id make exactly one record', async ({ open, handles }) => {
    const stores = (await handles(records(await open()))) as (Store & RecordStore)[];
    const c = uid('col');
    const results = await all(concurrency, (i) =>
      (stores[i % stores.length] as RecordStore).putRecord({
        collection: c,
        id: 'same',
        status: 'pending',
        ref: '',
        at: AT,
        data: { i },
      }),
    );
    equal(results.filter((r) => r.created).length, 1, 'one put made it');
    const winner = results.find((r) => r.created)?.record;
    for (const r of results) equal(r.record, winner, 'every put answers the one record');
  });

  test('updateRecord moves the status only from the expected one; racing decisions, one wins', async ({
    open,
    handles,
  }) => {
    const store = records(await open());
    const stores = (await handles(store)) as (Store & RecordStore)[];
    const c = uid('col');
    await store.putRecord({ collection: c, id: 'r1', status: 'pending', ref: 'camp', at: AT, data: {} });
    const wrong = await store.updateRecord(c, 'r1', {
      from: 'approved',
      to: 'rejected',
      data: { x: 1 },
      at: AT + 1,
    });
    equal(wrong.updated, false, 'wrong expected status changes nothing');
    equal(wrong.record?.status, 'pending', 'still pending');
    equal(wrong.record?.data, {}, 'data unchanged');
    const absent = await store.updateRecord(c, 'nope', { from: 'pending', to: 'approved', data: {}, at: AT });
    equal(absent, { record: null, updated: false }, 'absent record');
    const results = await all(concurrency, (i) =>
      (stores[i % stores.length] as RecordStore).updateRecord(c, 'r1', {
        from: 'pending',
        to: i % 2 === 0 ? 'approved' : 'rejected',
        data: { by: i },
        at: AT + 10 + i,
      }),
    );
    const won = results.filter((r) => r.updated);
    equal(won.length, 1, 'exactly one decision applied');
    const final = await store.getRecord(c, 'r1');
    equal(final, won[0]?.record, 'the stored record is the winner');
    equal(final?.at, AT, 'at never moves');
  });

  test('listRecords: newest first, ties by id descending, filtered by status and ref, limited', async ({
    open,
  }) => {
    const store = records(await open());
    const c = uid('col');
    const rows = [
      { id: 'b', at: AT + 1, status: 'pending', ref: 'x' },
      { id: 'a', at: AT + 1, status: 'pending', ref: 'y' },
      { id: 'c', at: AT, status: 'done', ref: 'x' },
      { id: 'd', at: AT + 2, status: 'pending', ref: 'x' },
    ];
    for (const r of rows) await store.putRecord({ collection: c, data: null, ...r });
    await store.putRecord({
      collection: uid('other'),
      id: 'z',
      status: 'pending',
      ref: 'x',
      at: AT + 9,
      data: null,
    });
    const ids = async (q: Parameters<RecordStore['listRecords']>[1]) =>
      (await store.listRecords(c, q)).map((r) => r.id);
    equal(await ids({ limit: 10 }), ['d', 'b', 'a', 'c'], 'all, newest first, ties by id descending');
    equal(await ids({ limit: 2 }), ['d', 'b'], 'limit');
    equal(await ids({ status: 'pending', limit: 10 }), ['d', 'b', 'a'], 'by status');
    equal(await ids({ ref: 'x', limit: 10 }), ['d', 'b', 'c'], 'by ref');
    equal(await ids({ status: 'pending', ref: 'x', limit: 10 }), ['d', 'b'], 'by status and ref');
    await store.updateRecord(c, 'b', { from: 'pending', to: 'done', data: 1, at: AT + 50 });
    equal(await ids({ status: 'pending', limit: 10 }), ['d', 'a'], 'an update leaves the old status');
    equal(await ids({ status: 'done', limit: 10 }), ['b', 'c'], 'and joins the new one, still ordered by at');
  });
}

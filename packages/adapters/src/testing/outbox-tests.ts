import type { OutboxItem, Store } from '@liebian/core';
import { batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

async function readAll(store: Store, pageSize: number): Promise<OutboxItem[]> {
  const out: OutboxItem[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.readOutbox(cursor, pageSize);
    if (page.length === 0) return out;
    out.push(...page);
    cursor = page[page.length - 1]?.cursor ?? cursor;
  }
}

export function outboxTests({ test }: SuiteContext): void {
  test('outbox entries appear once, in commit order per instance, across pages', async ({ open }) => {
    const store = await open();
    const a = uid('outbox-a');
    const b = uid('outbox-b');
    await created(store, a);
    await created(store, b);
    for (let v = 1; v <= 4; v++) {
      for (const id of [a, b]) {
        const entries = [0, 1].map((k) => ({
          type: 't',
          dedupeKey: `${id}:${v}:${k}`,
          payload: { v, k, text: '券 ✓' },
        }));
        check((await store.commit(id, batch({ expectedVersion: v, outbox: entries }))).ok, 'commit');
      }
    }
    const items = await readAll(store, 3);
    for (const id of [a, b]) {
      const mine = items.filter((i) => i.instanceId === id);
      equal(
        mine.map((i) => i.dedupeKey),
        [1, 2, 3, 4].flatMap((v) => [`${id}:${v}:0`, `${id}:${v}:1`]),
        `entries of ${id} in order, each once`,
      );
      equal(mine[0]?.payload, { v: 1, k: 0, text: '券 ✓' }, 'payload round trip');
      equal(mine[0]?.type, 't', 'type');
    }
    equal(
      await store.readOutbox(items[items.length - 1]?.cursor ?? null, 10),
      [],
      'nothing after the last cursor',
    );
  });
}

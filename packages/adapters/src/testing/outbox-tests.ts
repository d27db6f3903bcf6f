import type { OutboxItem, Store } from '@liebian/core';
import { commitOne } from '@liebian/core';
import { all, batch, check, created, equal, uid } from './fixtures.js';
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
        check((await commitOne(store, id, batch({ expectedVersion: v, outbox: entries }))).ok, 'commit');
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

/** How many commits the paging test makes: enough to cross a transaction-id digit boundary on a fresh database. */
const BOUNDARY_COMMITS = 1_500;

/**
 * Commits `count` outbox entries from `writers` concurrent committers while a reader pages through the outbox in
 * small pages, then reads to the end; every entry must come out exactly once. Exported for stores that can move
 * their transaction ids to a boundary first (a throw-away PostgreSQL cluster).
 */
export async function pageWhileCommitting(store: Store, count: number, writers = 8): Promise<void> {
  const ids = Array.from({ length: writers }, (_, w) => uid(`paging-${w}`));
  for (const id of ids) await created(store, id);
  const seen: string[] = [];
  let cursor: string | null = null;
  let done = false;
  const page = async () => {
    const items = await store.readOutbox(cursor, 7);
    for (const item of items) seen.push(item.dedupeKey);
    cursor = items.at(-1)?.cursor ?? cursor;
    return items.length;
  };
  const reader = (async () => {
    while (!done) await page();
  })();
  await all(writers, async (w) => {
    const id = ids[w] as string;
    for (let v = 1; v <= Math.ceil(count / writers); v++) {
      const outbox = [{ type: 'paged', dedupeKey: `${id}:${v}`, payload: { v } }];
      const result = await commitOne(store, id, batch({ expectedVersion: v, outbox, keys: [`e:${v}`] }));
      check(result.ok, `commit ${id} v${v}: ${JSON.stringify(result)}`);
    }
  });
  done = true;
  await reader;
  while ((await page()) > 0);
  const expected = ids.flatMap((id) =>
    Array.from({ length: Math.ceil(count / writers) }, (_, v) => `${id}:${v + 1}`),
  );
  const counts = new Map<string, number>();
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  const missing = expected.filter((key) => !counts.has(key));
  const repeated = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
  check(
    missing.length === 0 && repeated.length === 0,
    `paging skipped ${missing.length} entries (${missing.slice(0, 5).join(', ')}) and repeated ${repeated.length} (${repeated.slice(0, 5).join(', ')})`,
  );
}

export function outboxPagingTests({ test }: SuiteContext): void {
  test(
    'outbox pages never skip or repeat an entry across 1,500 concurrent commits (transaction-id boundaries)',
    async ({ open }) => pageWhileCommitting(await open(), BOUNDARY_COMMITS),
    180_000,
  );
}

import {
  commitOne,
  createConsumer,
  createManualClock,
  type DeadLetter,
  type OutboxItem,
  type Store,
} from '@liebian/core';
import { all, batch, check, created, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const NOW = 1_700_000_000_000;

/** Every outbox entry, in order. */
async function readAll(store: Store): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await store.readOutbox(cursor, 50);
    if (page.length === 0) return items;
    items.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

/** Commits `count` single-entry commits on each of `campaigns` in turn; returns their entries as the outbox reads them. */
async function committed(store: Store, count: number, campaigns = ['conformance']): Promise<OutboxItem[]> {
  const ids = campaigns.map((campaignId) => ({ campaignId, id: uid(`consume-${campaignId}`) }));
  for (const { campaignId, id } of ids)
    check((await commitOne(store, id, batch({ campaignId }))).ok, `create ${id}`);
  for (let v = 1; v <= count; v++) {
    for (const { campaignId, id } of ids) {
      const outbox = [{ type: 't', dedupeKey: `${id}:${v}`, payload: { v, at: NOW } }];
      check(
        (await commitOne(store, id, batch({ campaignId, expectedVersion: v, outbox }))).ok,
        `commit ${id} v${v}`,
      );
    }
  }
  const mine = new Set(ids.map((i) => i.id));
  return (await readAll(store)).filter((i) => mine.has(i.instanceId));
}

/** Leases consumer `name` to owner `p` and, given an entry, moves its cursor there. */
async function placed(store: Store, name: string, item?: OutboxItem) {
  const lease = await store.leaseConsumer(name, 'p', NOW, 1_000);
  check(lease, `leasing ${name}`);
  if (item) {
    const moved = await store.advanceConsumer({
      name,
      fence: lease.fence,
      cursor: item.cursor,
      deadLetters: [],
    });
    check(moved, `advancing ${name}`);
  }
  return lease;
}

const letter = (item: OutboxItem, error: string, attempts = 3): DeadLetter => ({
  item,
  error,
  attempts,
  failedAt: NOW,
});

export function consumerTests({ test, concurrency }: SuiteContext): void {
  test(`${concurrency} parallel lease calls: one owner gets it; it passes on only after it expires`, async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const grants = await all(concurrency, (i) =>
      (stores[i % stores.length] ?? store).leaseConsumer('race', `owner-${i}`, NOW, 1_000),
    );
    const winners = grants.flatMap((g, i) => (g ? [i] : []));
    equal(winners.length, 1, 'owners granted the lease');
    const winner = `owner-${winners[0]}`;
    equal(grants[winners[0] as number], { cursor: null, fence: 1, leaseUntil: NOW + 1_000 }, 'the grant');
    equal(await store.leaseConsumer('race', 'late', NOW + 999, 1_000), null, 'a live lease is not taken');
    equal(
      await store.leaseConsumer('race', winner, NOW + 999, 1_000),
      { cursor: null, fence: 1, leaseUntil: NOW + 1_999 },
      'the holder renews with the same fence',
    );
    const again = await all(concurrency, (i) =>
      (stores[i % stores.length] ?? store).leaseConsumer('race', `next-${i}`, NOW + 1_999, 1_000),
    );
    equal(again.filter((g) => g !== null).length, 1, 'after expiry one new owner gets it');
    equal(again.find((g) => g !== null)?.fence, 2, 'with the next fence');
    const [state] = await store.listConsumers();
    check(state?.owner?.startsWith('next-'), `listed owner ${state?.owner}`);
    equal([state?.name, state?.fence, state?.leaseUntil], ['race', 2, NOW + 2_999], 'listed state');
  });

  test('fencing: an owner whose lease was taken over cannot move the cursor or write dead letters', async ({
    open,
  }) => {
    const store = await open();
    const [first, second] = await committed(store, 2);
    check(first && second, 'two entries');
    const old = await store.leaseConsumer('fenced', 'p1', NOW, 100);
    check(old, 'p1 leased');
    check(
      await store.advanceConsumer({
        name: 'fenced',
        fence: old.fence,
        cursor: first.cursor,
        deadLetters: [],
      }),
      'the holder advances',
    );
    const taken = await store.leaseConsumer('fenced', 'p2', NOW + 100, 100);
    equal(taken?.cursor, first.cursor, 'the new owner starts at the stored cursor');
    const refused = await store.advanceConsumer({
      name: 'fenced',
      fence: old.fence,
      cursor: second.cursor,
      deadLetters: [letter(second, 'late')],
    });
    equal(refused, false, 'a stale fence is refused');
    equal((await store.listConsumers())[0]?.cursor, first.cursor, 'cursor unchanged');
    equal(await store.listDeadLetters('fenced', null, 10), [], 'no dead letter written');
    equal(
      await store.advanceConsumer({ name: 'missing', fence: 1, cursor: first.cursor, deadLetters: [] }),
      false,
      'an unknown consumer is refused',
    );
    // Handing back (leaseMs 0) lets anyone take over at once, with a new fence.
    check(await store.leaseConsumer('fenced', 'p2', NOW + 150, 0), 'hand back');
    equal((await store.leaseConsumer('fenced', 'p3', NOW + 150, 100))?.fence, (taken?.fence ?? 0) + 1, 'p3');
  });

  test('cursors persist per consumer and are read back by every handle', async ({ open, handles }) => {
    const store = await open();
    const stores = await handles(store);
    const items = await committed(store, 5);
    await placed(store, 'a', items[3]);
    await placed(store, 'b', items[0]);
    for (const s of stores) {
      equal(
        (await s.listConsumers()).map((c) => [c.name, c.cursor]),
        [
          ['a', items[3]?.cursor],
          ['b', items[0]?.cursor],
        ],
        'listed cursors',
      );
      equal(
        (await s.readOutbox((await s.leaseConsumer('a', 'p', NOW + 1, 1_000))?.cursor ?? null, 10)).map(
          (i) => i.dedupeKey,
        ),
        [items[4]?.dedupeKey],
        'reading on from the leased cursor',
      );
    }
    equal(await store.deleteConsumer('b'), true, 'deleted');
    equal(await store.deleteConsumer('b'), false, 'deleted once');
    equal(
      (await store.listConsumers()).map((c) => c.name),
      ['a'],
      'listed after delete',
    );
  });

  test('dead letters: written with the advance, one per dedupe key, listed in code-point order, removed', async ({
    open,
  }) => {
    const store = await open();
    const [item] = await committed(store, 1);
    check(item, 'an entry');
    const lease = await store.leaseConsumer('dl', 'p', NOW, 1_000);
    check(lease, 'leased');
    const keys = ['b', 'a', 'Z', '券', 'a-2'];
    const letters = keys.map((k) => letter({ ...item, dedupeKey: k }, `boom ${k} ✗`));
    check(
      await store.advanceConsumer({
        name: 'dl',
        fence: lease.fence,
        cursor: item.cursor,
        deadLetters: letters,
      }),
      'advance with dead letters',
    );
    const listed = await store.listDeadLetters('dl', null, 10);
    equal(
      listed.map((d) => d.item.dedupeKey),
      ['Z', 'a', 'a-2', 'b', '券'],
      'code-point order',
    );
    equal(listed[0], letters[2], 'a dead letter round trip');
    equal(
      (await store.listDeadLetters('dl', 'a', 2)).map((d) => d.item.dedupeKey),
      ['a-2', 'b'],
      'a page after a key',
    );
    // Without a cursor the advance writes dead letters only; a key written again is replaced.
    check(
      await store.advanceConsumer({
        name: 'dl',
        fence: lease.fence,
        deadLetters: [letter({ ...item, dedupeKey: 'a' }, 'again', 4)],
      }),
      'advance without a cursor',
    );
    equal((await store.listConsumers())[0]?.cursor, item.cursor, 'cursor kept');
    equal(
      (await store.listDeadLetters('dl', 'Z', 1)).map((d) => [d.error, d.attempts]),
      [['again', 4]],
      'replaced',
    );
    equal(await store.removeDeadLetter('dl', 'b'), true, 'removed');
    equal(await store.removeDeadLetter('dl', 'b'), false, 'removed once');
    equal(await store.listDeadLetters('other', null, 10), [], 'another consumer has none');
    await store.deleteConsumer('dl');
    equal(await store.listDeadLetters('dl', null, 10), [], 'deleting a consumer drops its dead letters');
  });

  test('trimming never removes an entry the slowest consumer has not delivered', async ({ open }) => {
    const store = await open();
    const items = await committed(store, 12);
    const first = items[0];
    check(first && items.length === 12, 'twelve entries');
    equal(await store.trimOutbox(), 0, 'no consumer: nothing trimmed');
    await placed(store, 'fast', items[10]);
    await placed(store, 'slow');
    equal(await store.trimOutbox(), 0, 'a consumer that delivered nothing holds everything');
    await placed(store, 'slow', items[5]);
    const slowCursor = items[5]?.cursor as string;
    const ahead = await store.readOutbox(slowCursor, 100);
    const removed = await store.trimOutbox();
    check(removed >= 1 && removed <= 6, `trimmed ${removed} of the 6 entries both consumers delivered`);
    equal(await store.readOutbox(slowCursor, 100), ahead, 'everything after the slowest cursor is kept');
    equal(
      (await store.readOutbox(items[10]?.cursor as string, 100)).map((i) => i.dedupeKey),
      [items[11]?.dedupeKey],
      'the fast consumer reads on',
    );
    equal((await store.readOutbox(null, 100)).length, 12 - removed, 'what a reader from the start sees');
    // Once the slow one is gone, the fast one's cursor is the limit.
    await store.deleteConsumer('slow');
    const more = await store.trimOutbox();
    check(removed + more >= 10 && removed + more <= 11, `trimmed ${removed + more} of the 11 delivered`);
    equal(
      (await store.readOutbox(items[10]?.cursor as string, 100)).map((i) => i.dedupeKey),
      [items[11]?.dedupeKey],
      'the undelivered entry is kept',
    );
  });

  test('trimming across campaigns keeps every entry after the slowest cursor', async ({ open }) => {
    const store = await open();
    const items = await committed(store, 6, ['conformance', 'conformance-b', 'conformance-c']);
    check(items.length === 18, `eighteen entries, read ${items.length}`);
    await placed(store, 'fast', items[15]);
    await placed(store, 'slow', items[7]);
    const ahead = await store.readOutbox(items[7]?.cursor as string, 100);
    const removed = await store.trimOutbox();
    check(removed >= 1 && removed <= 8, `trimmed ${removed} of the 8 entries both consumers delivered`);
    equal(
      await store.readOutbox(items[7]?.cursor as string, 100),
      ahead,
      'everything after the slowest cursor',
    );
    equal(
      (await readAll(store)).map((i) => i.dedupeKey),
      items.slice(removed).map((i) => i.dedupeKey),
      'only the oldest entries went, in outbox order',
    );
  });

  test('one consumer on every handle: each entry delivered once, never two at a time, while writers commit and trim runs', async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const clock = createManualClock(NOW);
    const delivered = new Map<string, number>();
    let inFlight = 0;
    let overlaps = 0;
    const consumers = [...stores, store].map((s, i) =>
      createConsumer({
        store: s,
        name: 'shared',
        owner: `process-${i}`,
        clock,
        pageSize: 5,
        leaseMs: 1_000,
        handler: async (effect) => {
          if (++inFlight > 1) overlaps++;
          await Promise.resolve();
          delivered.set(effect.dedupeKey, (delivered.get(effect.dedupeKey) ?? 0) + 1);
          inFlight--;
        },
      }),
    );
    const writers = 4;
    const perWriter = 30;
    const ids = Array.from({ length: writers }, (_, w) => uid(`shared-${w}`));
    for (const id of ids) await created(store, id);
    let writing = true;
    const writes = all(writers, async (w) => {
      for (let v = 1; v <= perWriter; v++) {
        const dedupeKey = `${ids[w]}:${v}`;
        // The payload is what the engine writes: the effect, carrying its own dedupe key.
        const outbox = [{ type: 't', dedupeKey, payload: { type: 't', dedupeKey, at: NOW } }];
        const result = await commitOne(
          stores[w % stores.length] ?? store,
          ids[w] as string,
          batch({ expectedVersion: v, outbox }),
        );
        check(result.ok, `commit ${ids[w]} v${v}`);
      }
    }).finally(() => {
      writing = false;
    });
    // Rounds: every process runs a pass at once; between rounds the lease may expire and pass to another.
    let rounds = 0;
    const round = async () => {
      await Promise.all(consumers.map((c) => c.runOnce()));
      await store.trimOutbox();
      if (++rounds % 3 === 0) clock.advance(1_000);
    };
    while (writing) await round();
    await writes;
    while (((await consumers[0]?.lag())?.entries ?? 0) > 0) await round();
    equal(overlaps, 0, 'deliveries in flight at once');
    const expected = ids.flatMap((id) => Array.from({ length: perWriter }, (_, v) => `${id}:${v + 1}`));
    const missing = expected.filter((k) => !delivered.has(k));
    const twice = [...delivered].filter(([, n]) => n > 1).map(([k]) => k);
    check(
      missing.length === 0 && twice.length === 0,
      `missing ${missing.slice(0, 5)} twice ${twice.slice(0, 5)}`,
    );
    equal(delivered.size, expected.length, 'entries delivered');
  });
}

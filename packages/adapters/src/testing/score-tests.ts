import { all, equal, uid } from './fixtures.js';
import type { SuiteContext } from './runner.js';

export function scoreTests({ test, concurrency }: SuiteContext): void {
  test('scores order by score, then earliest to reach it, then member; ranks follow that order', async ({
    open,
  }) => {
    const store = await open();
    const board = `${uid('c')}:board`;
    const add = (member: string, delta: number, at: number) =>
      store.incrementScore({ board, member, delta, at, key: `${member}-${at}` });
    await add('carol', 30, 100);
    await add('alice', 50, 200);
    await add('bob', 20, 50);
    await add('bob', 30, 300); // bob reaches 50 after alice did
    await add('dave', 50, 200); // dave ties alice on score and time: member id decides
    await add('erin', -5, 10);
    const top = await store.topScores(board, 3);
    equal(
      top,
      [
        { member: 'alice', score: 50, reachedAt: 200 },
        { member: 'dave', score: 50, reachedAt: 200 },
        { member: 'bob', score: 50, reachedAt: 300 },
      ],
      'top 3',
    );
    equal(
      (await store.topScores(board, 10)).map((e) => e.member),
      ['alice', 'dave', 'bob', 'carol', 'erin'],
      'full order',
    );
    equal(
      await store.scoreOf(board, 'bob'),
      { member: 'bob', score: 50, reachedAt: 300, rank: 3 },
      'scoreOf bob',
    );
    equal(
      await store.scoreOf(board, 'erin'),
      { member: 'erin', score: -5, reachedAt: 10, rank: 5 },
      'scoreOf erin',
    );
    equal(await store.scoreOf(board, 'nobody'), null, 'scoreOf a stranger');
    equal(await store.topScores(`${uid('c')}:empty`, 5), [], 'empty board');
  });

  test(`${concurrency} parallel increments add up exactly; a key counts once even when raced`, async ({
    open,
    handles,
  }) => {
    const store = await open();
    const stores = await handles(store);
    const board = `${uid('c')}:board`;
    const results = await all(concurrency * 4, (i) =>
      (stores[i % stores.length] ?? store).incrementScore({
        board,
        member: `m${i % 4}`,
        delta: 1 + (i % 3),
        at: 1_000 + i,
        key: `k${i % (concurrency * 2)}`,
      }),
    );
    equal(results.filter((r) => r.applied).length, concurrency * 2, 'increments applied (each key once)');
    const expected = new Map<string, number>();
    results.forEach((r, i) => {
      if (r.applied) expected.set(`m${i % 4}`, (expected.get(`m${i % 4}`) ?? 0) + 1 + (i % 3));
    });
    for (const [member, score] of expected)
      equal((await store.scoreOf(board, member))?.score, score, `score of ${member}`);
    const again = await store.incrementScore({ board, member: 'm0', delta: 100, at: 9_999, key: 'k0' });
    equal([again.applied, again.score], [false, expected.get('m0')], 'a replayed key changes nothing');
  });
}

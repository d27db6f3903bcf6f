import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { maskName } from '../../primitives/mask.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { DURING_BOARD, leaderboardCampaignInput, OPERATOR } from './leaderboard-fixture.test-utils.js';
import type { LeaderboardView } from './view.js';

type Op =
  | { op: 'score'; member: number; points: number; retry: boolean }
  | { op: 'flag'; member: number }
  | { op: 'unflag'; member: number }
  | { op: 'advance'; minutes: number }
  | { op: 'approve' }
  | { op: 'tick' }
  | { op: 'restart' };

const member = fc.integer({ min: 0, max: 7 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('score' as const),
      member,
      points: fc.integer({ min: 1, max: 4 }),
      retry: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flag' as const), member }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unflag' as const), member }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 2000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'approve' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'restart' as const }) },
);

const name = (i: number) => `member-${i}`;

/** The reference ranking: unflagged members with points, by score, then earliest, then id. */
function modelRanking(scores: Map<string, { score: number; at: number }>, flagged: Set<string>) {
  return [...scores]
    .filter(([m]) => !flagged.has(m))
    .sort(([am, a], [bm, b]) => b.score - a.score || a.at - b.at || (am < bm ? -1 : 1));
}

/** Ranks by definition: entries tie on the same score reached at the same instant. */
function modelRanks(sorted: ReturnType<typeof modelRanking>, ranking: 'competition' | 'dense'): number[] {
  return sorted.map(([, e]) => {
    const before = sorted.filter(([, o]) => o.score > e.score || (o.score === e.score && o.at < e.at));
    const distinct = new Set(before.map(([, o]) => `${o.score}@${o.at}`)).size;
    return 1 + (ranking === 'competition' ? before.length : distinct);
  });
}

async function run(ops: readonly Op[], restarts: boolean, ranking: 'competition' | 'dense') {
  const campaign = defineCampaign(
    leaderboardCampaignInput({ ranking, window: { type: 'rolling', minutes: 4000 }, publicationHours: 1 }),
    'leaderboard',
  );
  const h = engineHarness(campaign, DURING_BOARD, 1);
  await h.engine.start(campaign.id, { actor: OPERATOR, instanceId: 'b' });
  const scores = new Map<string, { score: number; at: number }>();
  const flagged = new Set<string>();
  const trace: unknown[] = [];
  let seq = 0;
  let last = 'none';
  let frozenScores: ReturnType<typeof modelRanking> | null = null;
  for (const op of ops) {
    if (op.op === 'score') {
      const eventId = op.retry ? last : `o${++seq}`;
      last = eventId;
      const m = name(op.member);
      const r = await h.engine.send(
        'b',
        { type: 'leaderboard.score', member: m, points: op.points, eventId },
        { actor: OPERATOR },
      );
      if (r.status === 'accepted' && !r.duplicate) {
        const before = scores.get(m)?.score ?? 0;
        scores.set(m, { score: before + op.points, at: h.clock.now() });
      }
      trace.push(r.status === 'accepted' ? ['score', r.duplicate] : ['score', r.reason]);
    } else if (op.op === 'flag' || op.op === 'unflag') {
      const m = name(op.member);
      const r = await h.engine.send(
        'b',
        op.op === 'flag'
          ? { type: 'leaderboard.flag', member: m, note: 'review' }
          : { type: 'leaderboard.unflag', member: m },
        { actor: OPERATOR },
      );
      if (r.status === 'accepted') {
        if (op.op === 'flag') flagged.add(m);
        else flagged.delete(m);
      }
      trace.push([op.op, r.status]);
    } else if (op.op === 'advance') h.clock.advance(op.minutes * 60_000);
    else if (op.op === 'tick') await h.engine.tick();
    else if (op.op === 'approve') {
      const r = await h.engine.send(
        'b',
        { type: 'leaderboard.approve', eventId: `a${++seq}` },
        { actor: OPERATOR },
      );
      if (r.status === 'accepted' && !r.duplicate) frozenScores = modelRanking(scores, flagged);
      trace.push(['approve', r.status === 'accepted' ? r.view.state : r.reason]);
    } else if (restarts) await h.restart();

    const view = (await h.engine.view('b', null)) as LeaderboardView;
    const points = [...scores.values()].reduce((a, e) => a + e.score, 0);
    expect(view.totals.points).toBe(points);
    const expected = modelRanking(scores, flagged).slice(0, 20);
    expect(view.board?.top.map((r) => [r.member, r.score])).toEqual(
      expected.map(([m, e]) => [maskName(m), e.score]),
    );
    expect(view.board?.top.map((r) => r.rank)).toEqual(modelRanks(expected, ranking));
    trace.push(view.state, view.totals.events);
  }
  h.clock.advance(10_000 * 60_000);
  await h.engine.tick();
  if (frozenScores === null) {
    await h.engine.send('b', { type: 'leaderboard.approve', eventId: 'final' }, { actor: OPERATOR });
    frozenScores = modelRanking(scores, flagged);
    h.clock.advance(2 * 3_600_000);
    await h.engine.tick();
  }
  const end = (await h.engine.view('b', null)) as LeaderboardView;
  expect(end.state).toBe('settled');
  // Prizes: one per ranked winner within the prize ranks, never twice, none to a flagged member.
  const prizes = h.effects.filter((e) => e.type === 'leaderboard.prize-awarded').map((e) => e.payload);
  const ranks = modelRanks(frozenScores, ranking);
  const winners = frozenScores.flatMap(([m], i) =>
    (ranks[i] ?? 0) <= 3 ? [{ member: m, rank: ranks[i] }] : [],
  );
  expect(prizes.map((p) => ({ member: p.member, rank: p.rank }))).toEqual(winners);
  await h.engine.dispose();
  trace.push(end.state);
  return trace;
}

describe('leaderboard over random event sequences', () => {
  it('keeps exact totals and ranking, awards each prize once, and behaves the same restored from JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('competition' as const, 'dense' as const),
        async (ops, ranking) => {
          expect(await run(ops, true, ranking)).toEqual(await run(ops, false, ranking));
        },
      ),
      { numRuns: 80 },
    );
  });
});

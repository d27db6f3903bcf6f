import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { createMemoryStore } from '../../store/memory-store.js';
import type { Store } from '../../store/store.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { discloseLeaderboard } from './disclosure.js';
import {
  DURING_BOARD,
  leaderboardCampaignInput,
  OPERATOR,
  WEEK_END,
} from './leaderboard-fixture.test-utils.js';
import type { LeaderboardView } from './view.js';

const score = (member: string, points: number, eventId: string) => ({
  type: 'leaderboard.score',
  member,
  points,
  eventId,
});

describe('leaderboard board season', () => {
  it('ranks by score then earliest, freezes at the window end, publishes, then awards each prize once', async () => {
    const campaign = defineCampaign(leaderboardCampaignInput({ publicationHours: 24 }), 'leaderboard');
    const h = engineHarness(campaign, DURING_BOARD, 1);
    const start = await h.engine.start(campaign.id, { actor: OPERATOR, instanceId: 'w49' });
    expect(start.status).toBe('accepted');
    const send = (member: string, points: number, id: string) =>
      h.engine.send('w49', score(member, points, id), { actor: OPERATOR });
    await send('member-a', 3, 'o1');
    h.clock.advance(1000);
    await send('member-b', 5, 'o2');
    h.clock.advance(1000);
    await send('member-c', 2, 'o3');
    h.clock.advance(1000);
    await send('member-a', 2, 'o4'); // a reaches 5 after b: b ranks first
    expect((await send('member-a', 2, 'o4')).status).toBe('accepted'); // a retry changes nothing
    const tooMuch = await send('member-c', 6, 'o5');
    expect(tooMuch.status === 'rejected' && tooMuch.reason).toBe('over-limit');

    const view = (await h.engine.view('w49', { id: 'member-a' })) as LeaderboardView;
    expect(view.totals).toEqual({ events: 4, points: 12 });
    expect(view.board?.top.map((r) => [r.rank, r.member, r.score])).toEqual([
      [1, 'm***b', 5],
      [2, 'member-a', 5],
      [3, 'm***c', 2],
    ]);
    expect(view.board?.me).toEqual({ score: 5, position: 2, rank: 2, flagged: false });
    expect(view.deadline).toEqual({ kind: 'freeze', at: WEEK_END });

    // A flagged member leaves the ranking; everyone behind moves up.
    await h.engine.send(
      'w49',
      { type: 'leaderboard.flag', member: 'member-b', note: '同设备批量注册' },
      { actor: OPERATOR },
    );
    const flagged = (await h.engine.view('w49', { id: 'member-b' })) as LeaderboardView;
    expect(flagged.board?.top.map((r) => r.score)).toEqual([5, 2]);
    expect(flagged.board?.me?.flagged).toBe(true);
    const refused = await send('member-b', 1, 'o6');
    expect(refused.status === 'rejected' && refused.reason).toBe('flagged');

    // A friend cannot approve, score or start a board.
    const friend = { id: 'member-a' };
    const notOps = await h.engine.send('w49', score('member-a', 5, 'o7'), { actor: friend });
    expect(notOps.status === 'rejected' && notOps.reason).toBe('not-operator');
    const started = await h.engine.start(campaign.id, { actor: friend });
    expect(started.status === 'rejected' && started.reason).toBe('not-operator');

    h.clock.set(WEEK_END);
    await h.engine.tick();
    const late = await send('member-c', 1, 'o8');
    expect(late.status === 'rejected' && late.reason).toBe('instance-ended');
    expect(((await h.engine.view('w49', null)) as LeaderboardView).state).toBe('frozen');

    const approved = await h.engine.send(
      'w49',
      { type: 'leaderboard.approve', eventId: 'ok' },
      { actor: OPERATOR },
    );
    expect(approved.status).toBe('accepted');
    const published = (await h.engine.view('w49', null)) as LeaderboardView;
    expect(published.state).toBe('reviewed');
    expect(published.standings?.map((s) => [s.rank, s.score, s.rewardId])).toEqual([
      [1, 5, 'phone'],
      [2, 2, 'coupon-50'],
    ]);
    h.clock.advance(24 * 3_600_000);
    await h.engine.tick();
    await h.engine.tick();
    const prizes = h.effects.filter((e) => e.type === 'leaderboard.prize-awarded').map((e) => e.payload);
    expect(prizes).toEqual([
      { rank: 1, score: 5, member: 'member-a', rewardId: 'phone' },
      { rank: 2, score: 2, member: 'member-c', rewardId: 'coupon-50' },
    ]);
    expect(((await h.engine.view('w49', null)) as LeaderboardView).state).toBe('settled');
    await h.engine.dispose();
  });

  it('gives tied entries one rank (competition skips the next, dense does not) and prizes to all of them', async () => {
    for (const [ranking, ranks] of [
      ['competition', [1, 1, 3]],
      ['dense', [1, 1, 2]],
    ] as const) {
      const campaign = defineCampaign(
        leaderboardCampaignInput({ ranking, approval: 'automatic', publicationHours: 0 }),
        'leaderboard',
      );
      const h = engineHarness(campaign, DURING_BOARD, 1);
      await h.engine.start(campaign.id, { actor: OPERATOR, instanceId: 'tie' });
      await Promise.all([
        h.engine.send('tie', score('member-x', 4, 'x'), { actor: OPERATOR }),
        h.engine.send('tie', score('member-y', 4, 'y'), { actor: OPERATOR }),
        h.engine.send('tie', score('member-z', 1, 'z'), { actor: OPERATOR }),
      ]);
      h.clock.set(WEEK_END);
      await h.engine.tick();
      const view = (await h.engine.view('tie', null)) as LeaderboardView;
      expect(view.state).toBe('settled');
      expect(view.standings?.map((s) => s.rank)).toEqual(ranks);
      const awarded = h.effects
        .filter((e) => e.type === 'leaderboard.prize-awarded')
        .map((e) => e.payload.rewardId);
      expect(awarded).toEqual(['phone', 'phone', 'coupon-50']);
      await h.engine.dispose();
    }
  });

  /** Members score at one instant on a board with the given tie rule; the prizes awarded at the close. */
  async function awardsAt(ties: string, scores: [member: string, points: number][]) {
    const campaign = defineCampaign(
      leaderboardCampaignInput({ ties, approval: 'automatic', publicationHours: 0 }),
      'leaderboard',
    );
    const h = engineHarness(campaign, DURING_BOARD, 1);
    await h.engine.start(campaign.id, { actor: OPERATOR, instanceId: 'tied' });
    await Promise.all(
      scores.map(([member, points]) =>
        h.engine.send('tied', score(member, points, member), { actor: OPERATOR }),
      ),
    );
    h.clock.set(WEEK_END);
    await h.engine.tick();
    await h.engine.dispose();
    return {
      text: discloseLeaderboard(campaign, 'zh-CN').lines.join('\n'),
      awarded: h.effects
        .filter((e) => e.type === 'leaderboard.prize-awarded')
        .map((e) => [e.payload.member, e.payload.rewardId]),
    };
  }

  it('follows the disclosed tie rule at a prize boundary: six tied at one instant', async () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((m): [string, number] => [`member-${m}`, 3]);
    const shared = await awardsAt('share-rank', six);
    expect(shared.text).toContain('获奖人数可能多于该奖项的名额');
    expect(shared.awarded.map(([, reward]) => reward)).toEqual(Array(6).fill('phone'));
    // Six tied take places 1–6; the last, 6, is past the last prize rank (3): no prize goes out beyond its places.
    const last = await awardsAt('last-place', six);
    expect(last.text).toContain('均按并列所占的最后一个名次领奖');
    expect(last.awarded).toEqual([]);
  });

  it('gives two tied at rank 1 the prize of place 2 under last-place, and the next member place 3', async () => {
    const { awarded } = await awardsAt('last-place', [
      ['member-x', 4],
      ['member-y', 4],
      ['member-z', 1],
    ]);
    expect(awarded).toEqual([
      ['member-x', 'coupon-50'],
      ['member-y', 'coupon-50'],
      ['member-z', 'coupon-50'],
    ]);
  });

  it('posts score intents a crashed process committed but never posted, before the next batch', async () => {
    const campaign = defineCampaign(leaderboardCampaignInput(), 'leaderboard');
    const clock = createManualClock(DURING_BOARD);
    const store = createMemoryStore();
    // The first process dies between its commit and posting the increments: they never reach the board.
    const crashing: Store = { ...store, incrementScore: () => Promise.reject(new Error('process died')) };
    const first = createEngine({ campaigns: [campaign], store: crashing, clock });
    await first.start(campaign.id, { actor: OPERATOR, instanceId: 'w' });
    // The commit held, so the event is answered as applied; posting its increment is left to the next batch.
    expect((await first.send('w', score('member-a', 3, 'o1'), { actor: OPERATOR })).status).toBe('accepted');
    expect(await store.topScores('invite-board:board:w', 10)).toEqual([]);

    const second = createEngine({ campaigns: [campaign], store, clock });
    await second.send('w', score('member-b', 1, 'o2'), { actor: OPERATOR });
    const top = await store.topScores('invite-board:board:w', 10);
    expect(top.map((e) => [e.member, e.score])).toEqual([
      ['member-a', 3],
      ['member-b', 1],
    ]);
    // Re-sending the first event is a duplicate: the score is counted once.
    const again = await second.send('w', score('member-a', 3, 'o1'), { actor: OPERATOR });
    expect(again.status === 'accepted' && again.duplicate).toBe(true);
    expect((await store.scoreOf('invite-board:board:w', 'member-a'))?.score).toBe(3);
    await Promise.all([first.dispose(), second.dispose()]);
  });
});

describe('leaderboard duel (PK)', () => {
  const duelRules = {
    format: 'duel',
    window: { type: 'rolling', minutes: 60 },
    teamSize: 2,
    prizes: [{ fromRank: 1, toRank: 1, rewardId: 'coupon-50' }],
    approval: 'automatic',
    publicationHours: 0,
  };

  it('waits for an opponent, opens the window on acceptance, and awards every member of the winning side', async () => {
    const campaign = defineCampaign(leaderboardCampaignInput(duelRules), 'leaderboard');
    const h = engineHarness(campaign, DURING_BOARD, 1);
    const started = await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'pk' });
    expect(started.status === 'accepted' && started.view.state).toBe('waiting');
    await h.engine.send('pk', { type: 'leaderboard.join', side: 'a' }, { actor: { id: 'amy' } });
    h.clock.advance(10 * 60_000);
    const accepted = await h.engine.send(
      'pk',
      { type: 'leaderboard.join', side: 'b' },
      { actor: { id: 'bob' } },
    );
    const opened = accepted.status === 'accepted' ? (accepted.view as LeaderboardView) : null;
    expect(opened?.state).toBe('live');
    expect(opened?.window).toEqual({ startsAt: DURING_BOARD + 600_000, endsAt: DURING_BOARD + 4_200_000 });
    const full = await h.engine.send('pk', { type: 'leaderboard.join', side: 'a' }, { actor: { id: 'ann' } });
    expect(full.status === 'rejected' && full.reason).toBe('side-full');
    const twice = await h.engine.send(
      'pk',
      { type: 'leaderboard.join', side: 'b' },
      { actor: { id: 'amy' } },
    );
    expect(twice.status === 'rejected' && twice.reason).toBe('already-joined');
    const stranger = await h.engine.send('pk', score('zoe', 1, 's0'), { actor: OPERATOR });
    expect(stranger.status === 'rejected' && stranger.reason).toBe('not-member');

    await h.engine.send('pk', score('alice', 2, 's1'), { actor: OPERATOR });
    await h.engine.send('pk', score('bob', 3, 's2'), { actor: OPERATOR });
    h.clock.advance(60_000);
    await h.engine.send('pk', score('amy', 1, 's3'), { actor: OPERATOR }); // 3 : 3, side b got there first
    h.clock.advance(60 * 60_000);
    await h.engine.tick();
    const end = (await h.engine.view('pk', { id: 'bob' })) as LeaderboardView;
    expect(end.state).toBe('settled');
    expect(end.standings?.map((s) => [s.member, s.rank, s.score])).toEqual([
      ['b', 1, 3],
      ['a', 2, 3],
    ]);
    const prizes = h.effects
      .filter((e) => e.type === 'leaderboard.prize-awarded')
      .map((e) => e.payload.member);
    expect(prizes).toEqual(['bob']);
    await h.engine.dispose();
  });

  it('is called off when nobody accepts in time', async () => {
    const campaign = defineCampaign(
      leaderboardCampaignInput({ ...duelRules, acceptMinutes: 30 }),
      'leaderboard',
    );
    const h = engineHarness(campaign, DURING_BOARD, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'pk' });
    h.clock.advance(30 * 60_000);
    const late = await h.engine.send('pk', { type: 'leaderboard.join', side: 'b' }, { actor: { id: 'bob' } });
    expect(late.status === 'rejected' && late.reason).toBe('instance-ended');
    expect(((await h.engine.view('pk', null)) as LeaderboardView).state).toBe('cancelled');
    await h.engine.dispose();
  });
});

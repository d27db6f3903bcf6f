import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Store } from '../../store/store.js';
import { twoEngines } from '../shared/engine-harness.test-utils.js';
import { DURING_BOARD, leaderboardCampaignInput, OPERATOR } from './leaderboard-fixture.test-utils.js';
import type { LeaderboardView } from './view.js';

/**
 * Two engines on one store score one board at once: `events` score reports for `members` members, a tenth of them
 * sent again to the other engine (a retry racing the original). Then the window closes and the standings are
 * approved and settled. Returns the expected per-member scores and what the store and the engines ended with.
 */
export async function boardRace(store: Store, events = 4_000, members = 400) {
  const campaign = defineCampaign(
    leaderboardCampaignInput(
      { approval: 'automatic', publicationHours: 0, window: { type: 'rolling', minutes: 60 } },
      { id: `board-race-${Date.now().toString(36)}` },
    ),
    'leaderboard',
  );
  const { clock, committed, engines } = twoEngines(campaign, store, DURING_BOARD);
  const [a, b] = engines;
  await a.start(campaign.id, { actor: OPERATOR, instanceId: `${campaign.id}-w` });
  const id = `${campaign.id}-w`;
  const expected = new Map<string, number>();
  const sends = Array.from({ length: events }, (_, i) => {
    const member = `m${i % members}`;
    const points = 1 + (i % 3);
    expected.set(member, (expected.get(member) ?? 0) + points);
    const command = { type: 'leaderboard.score', member, points, eventId: `fact-${i}` };
    const first = (i % 2 === 0 ? a : b).send(id, command, { actor: OPERATOR });
    clock.advance(1); // reports arrive over time, so members reach their scores at different instants
    return i % 10 === 0 ? [first, (i % 2 === 0 ? b : a).send(id, command, { actor: OPERATOR })] : [first];
  }).flat();
  const results = await Promise.all(sends);
  const before = (await a.view(id, { id: 'm0' })) as LeaderboardView;
  const board = await store.topScores(`${campaign.id}:board:${id}`, members);
  clock.advance(60 * 60_000);
  await a.tick();
  const after = (await b.view(id, null)) as LeaderboardView;
  await Promise.all(engines.map((e) => e.dispose()));
  // The outbox, not what the engines heard: an answer that came late is settled by reading back, unheard.
  const effects = await committed();
  return {
    expected,
    results,
    before,
    board,
    after,
    prizes: effects.filter((e) => e.type === 'leaderboard.prize-awarded'),
  };
}

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import type { Effect } from '../../engine/types.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import { assistCampaignInput, DURING_ASSIST } from './assist-fixture.test-utils.js';
import type { AssistView } from './view.js';

describe('assist under concurrency (memory store)', () => {
  it('1,000 concurrent helps with retries and double taps: each friend counts once, each tier is granted once', async () => {
    const campaign = defineCampaign(
      assistCampaignInput({
        tiers: [
          { helps: 100, rewardId: 'coupon-5' },
          { helps: 500, rewardId: 'latte' },
        ],
        helperRewardId: 'thanks',
      }),
      'assist',
    );
    const effects: Effect[] = [];
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(DURING_ASSIST),
      random: seededRandom(2),
      onEffect: (e) => void effects.push(e),
    });
    await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'task' });
    const sends = Array.from({ length: 400 }, (_, i) => ({ friend: `f${i}`, eventId: `h${i}` }));
    for (let i = 0; i < 400; i += 2) sends.push({ friend: `f${i}`, eventId: `h${i}` }); // retries
    for (let i = 1; i < 400; i += 2) sends.push({ friend: `f${i}`, eventId: `tap${i}` }); // double taps
    const results = await Promise.all(
      sends.map((s) =>
        engine.send('task', { type: 'assist.help', eventId: s.eventId }, { actor: { id: s.friend } }),
      ),
    );
    expect(results.filter((r) => r.status === 'accepted' && !r.duplicate)).toHaveLength(400);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => r.status === 'rejected' && r.reason),
    ).toEqual(Array(200).fill('already-helped'));
    const view = (await engine.view('task', { id: 'alice' })) as AssistView;
    expect(view.progress).toMatchObject({ points: 400, helps: 400, left: 100 });
    expect(effects.filter((e) => e.type === 'assist.tier-reached').map((e) => e.payload.tier)).toEqual([0]);
    expect(effects.filter((e) => e.type === 'assist.helper-rewarded')).toHaveLength(400);
  });

  it('reserves each task’s tier reward at launch: the launch past the budget is refused, every launched task is paid', async () => {
    const campaign = defineCampaign(
      assistCampaignInput(
        { tiers: [{ helps: 1, rewardId: 'coupon-5' }] },
        { budget: { totalFen: 1000 }, rewards: assistCampaignInput().rewards },
      ),
      'assist',
    );
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(DURING_ASSIST),
      random: seededRandom(2),
    });
    const launches = await Promise.all(
      ['a', 'b', 'c'].map((t) => engine.start(campaign.id, { actor: { id: `init-${t}` }, instanceId: t })),
    );
    expect(launches.map((l) => (l.status === 'rejected' ? l.reason : l.status)).sort()).toEqual([
      'accepted',
      'accepted',
      'budget-exhausted',
    ]);
    const launched = launches.filter((l) => l.status === 'accepted').map((l) => l.instanceId);
    const results = await Promise.all(
      launched.map((t) => engine.send(t, { type: 'assist.help' }, { actor: { id: `friend-${t}` } })),
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });
});

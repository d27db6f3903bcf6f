import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import { DURING_GROUP, groupBuyCampaignInput } from './group-buy-fixture.test-utils.js';
import type { GroupBuyView } from './view.js';

describe('group buy under concurrency (memory store)', () => {
  it('500 concurrent joins on a group of 5 seat exactly 4 friends; concurrent pays succeed it once', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput({ size: 5 }), 'group-buy');
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(DURING_GROUP),
      random: seededRandom(8),
    });
    await engine.start(campaign.id, { actor: { id: 'leader' }, instanceId: 'g' });
    const joins = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        engine.send('g', { type: 'group-buy.join', eventId: `j${i}` }, { actor: { id: `f${i % 250}` } }),
      ),
    );
    const seated = joins.flatMap((r, i) => (r.status === 'accepted' && !r.duplicate ? [`f${i % 250}`] : []));
    expect(seated).toHaveLength(4);
    expect(new Set(joins.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])))).toEqual(
      new Set(['group-full', 'already-helped']),
    );
    const pays = await Promise.all(
      ['leader', ...seated, ...seated].map((who, i) =>
        engine.send(
          'g',
          { type: 'group-buy.pay', orderId: `o-${who}`, eventId: `p${i}` },
          { actor: { id: who } },
        ),
      ),
    );
    expect(pays.filter((r) => r.status === 'accepted')).toHaveLength(5);
    const view = (await engine.view('g', { id: 'leader' })) as GroupBuyView;
    expect(view).toMatchObject({
      state: 'succeeded',
      seats: { size: 5, taken: 5, paid: 5, left: 0, virtual: 0 },
    });
  });
});

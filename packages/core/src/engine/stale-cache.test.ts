import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createEngine } from './create-engine.js';

describe('a refusal decided on a cached state', () => {
  it('is checked against the store first: another process may have changed what the rule saw', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput({ size: 2 }), 'group-buy');
    const clock = createManualClock(DURING_GROUP);
    const store = createMemoryStore();
    const first = createEngine({ campaigns: [campaign], store, clock });
    const second = createEngine({ campaigns: [campaign], store, clock });
    await first.start(campaign.id, { actor: { id: 'ann' }, instanceId: 'g' });
    await first.send('g', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    // The first process has the group cached full; the second lets bob leave.
    expect((await second.send('g', { type: 'group-buy.leave' }, { actor: { id: 'bob' } })).status).toBe(
      'accepted',
    );
    // Its cache would refuse cat ("full"); the store says there is a seat.
    expect((await first.send('g', { type: 'group-buy.join' }, { actor: { id: 'cat' } })).status).toBe(
      'accepted',
    );
    await Promise.all([first.dispose(), second.dispose()]);
  });
});

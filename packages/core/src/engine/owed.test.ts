import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createEngine } from './create-engine.js';

/**
 * Returned units used to be work a commit owed (done after it, by the next batch or an engine timer if the process
 * died first). They are part of the commit now: bob's group quota is back the moment his leave commits, although
 * the first process's store refuses every call outside the commit (as if it died right after committing).
 */
describe('units a commit gives back', () => {
  it('are back with the commit itself, whatever the process does next', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput({ size: 3, perUserLimit: 1 }), 'group-buy');
    const clock = createManualClock(DURING_GROUP);
    const store = createMemoryStore();
    const died = () => Promise.reject(new Error('process died'));
    const dying: Store = { ...store, release: died, reserve: died };
    const first = createEngine({ campaigns: [campaign], store: dying, clock });
    await first.start(campaign.id, { actor: { id: 'ann' }, instanceId: 'a' });
    expect((await first.send('a', { type: 'group-buy.join' }, { actor: { id: 'bob' } })).status).toBe(
      'accepted',
    );
    const second = createEngine({ campaigns: [campaign], store, clock });
    await second.start(campaign.id, { actor: { id: 'cat' }, instanceId: 'b' });
    const joinB = () => second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    const early = await joinB();
    expect(early.status === 'rejected' && early.reason).toBe('quota-exhausted');
    expect((await first.send('a', { type: 'group-buy.leave' }, { actor: { id: 'bob' } })).status).toBe(
      'accepted',
    );
    expect((await joinB()).status).toBe('accepted');
    await Promise.all([first.dispose(), second.dispose()]);
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createEngine } from './create-engine.js';

describe('work owed by a commit (here, releases)', () => {
  it('are done by the next batch on the instance when the process died before doing them', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput({ size: 3, perUserLimit: 1 }), 'group-buy');
    const clock = createManualClock(DURING_GROUP);
    const store = createMemoryStore();
    // The first process commits bob's leave, then dies before returning his group quota.
    const dying: Store = { ...store, release: () => Promise.reject(new Error('process died')) };
    const first = createEngine({ campaigns: [campaign], store: dying, clock });
    await first.start(campaign.id, { actor: { id: 'ann' }, instanceId: 'a' });
    await first.send('a', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    await expect(first.send('a', { type: 'group-buy.leave' }, { actor: { id: 'bob' } })).rejects.toThrow(
      'process died',
    );

    const second = createEngine({ campaigns: [campaign], store, clock });
    await second.start(campaign.id, { actor: { id: 'cat' }, instanceId: 'b' });
    // The quota is still taken: the leave committed but its release was never done.
    const early = await second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    expect(early.status === 'rejected' && early.reason).toBe('quota-exhausted');
    // The next batch on group a does what the dead process owed; bob can join another group.
    await second.send('a', { type: 'group-buy.join' }, { actor: { id: 'dan' } });
    const later = await second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    expect(later.status).toBe('accepted');
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it('are done by the engine timer written with the commit when no batch comes to the instance', async () => {
    const campaign = defineCampaign(groupBuyCampaignInput({ size: 3, perUserLimit: 1 }), 'group-buy');
    const clock = createManualClock(DURING_GROUP);
    const store = createMemoryStore();
    const dying: Store = { ...store, release: () => Promise.reject(new Error('process died')) };
    const first = createEngine({ campaigns: [campaign], store: dying, clock });
    await first.start(campaign.id, { actor: { id: 'ann' }, instanceId: 'a' });
    await first.send('a', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    await expect(first.send('a', { type: 'group-buy.leave' }, { actor: { id: 'bob' } })).rejects.toThrow(
      'process died',
    );

    // Group a never gets another event; a minute later another process's tick does what the commit owed.
    const second = createEngine({ campaigns: [campaign], store, clock });
    await second.start(campaign.id, { actor: { id: 'cat' }, instanceId: 'b' });
    await second.tick();
    const early = await second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    expect(early.status === 'rejected' && early.reason).toBe('quota-exhausted');
    clock.advance(60_000);
    await second.tick();
    const later = await second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
    expect(later.status).toBe('accepted');
    await Promise.all([first.dispose(), second.dispose()]);
  });
});

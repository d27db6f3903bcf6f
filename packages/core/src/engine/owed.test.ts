import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { DURING_GROUP, groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createEngine } from './create-engine.js';

/**
 * A first process commits bob's leave of group a, then dies before returning his group quota; a second process on
 * the same store has group b open, where bob is still refused.
 */
async function diedBeforeReleasing() {
  const campaign = defineCampaign(groupBuyCampaignInput({ size: 3, perUserLimit: 1 }), 'group-buy');
  const clock = createManualClock(DURING_GROUP);
  const store = createMemoryStore();
  const dying: Store = { ...store, release: () => Promise.reject(new Error('process died')) };
  const first = createEngine({ campaigns: [campaign], store: dying, clock });
  await first.start(campaign.id, { actor: { id: 'ann' }, instanceId: 'a' });
  await first.send('a', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
  // The leave committed, so it is answered as applied: a store fault after a commit never undoes an answer.
  const left = await first.send('a', { type: 'group-buy.leave' }, { actor: { id: 'bob' } });
  expect(left.status).toBe('accepted');
  const second = createEngine({ campaigns: [campaign], store, clock });
  await second.start(campaign.id, { actor: { id: 'cat' }, instanceId: 'b' });
  const joinB = () => second.send('b', { type: 'group-buy.join' }, { actor: { id: 'bob' } });
  const early = await joinB();
  expect(early.status === 'rejected' && early.reason).toBe('quota-exhausted');
  return { clock, second, joinB, dispose: () => Promise.all([first.dispose(), second.dispose()]) };
}

describe('work owed by a commit (here, releases)', () => {
  it('is done by the next batch on the instance when the process died before doing it', async () => {
    const { second, joinB, dispose } = await diedBeforeReleasing();
    await second.send('a', { type: 'group-buy.join' }, { actor: { id: 'dan' } });
    expect((await joinB()).status).toBe('accepted');
    await dispose();
  });

  it('is done by the engine timer written with the commit when no batch comes to the instance', async () => {
    const { clock, second, joinB, dispose } = await diedBeforeReleasing();
    await second.tick();
    expect((await joinB()).status === 'rejected').toBe(true);
    clock.advance(60_000);
    await second.tick();
    expect((await joinB()).status).toBe('accepted');
    await dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { DURING_GROUP, groupBuyCampaignInput } from './group-buy-fixture.test-utils.js';
import type { GroupBuyView } from './view.js';

const join = { type: 'group-buy.join' };

async function fullGroupAndOneOpen(whenFull: string) {
  const campaign = defineCampaign(groupBuyCampaignInput({ size: 2, whenFull }), 'group-buy');
  const h = engineHarness(campaign, DURING_GROUP, 1);
  await h.engine.start(campaign.id, { actor: { id: 'leader-a' }, instanceId: 'a' });
  await h.engine.send('a', join, { actor: { id: 'amy' } }); // group a: 2/2
  await h.engine.start(campaign.id, { actor: { id: 'leader-b' }, instanceId: 'b' }); // group b: 1/2
  return h;
}

describe('group buy when a group is full', () => {
  it('reject: the friend hears group-full', async () => {
    const h = await fullGroupAndOneOpen('reject');
    const result = await h.engine.send('a', { ...join, eventId: 'j1' }, { actor: { id: 'zoe' } });
    expect(result.status === 'rejected' && result.reason).toBe('group-full');
    await h.engine.dispose();
  });

  it('overflow-to-open-group: the friend takes a seat in another open group; the full group stays full', async () => {
    const h = await fullGroupAndOneOpen('overflow-to-open-group');
    const result = await h.engine.send('a', { ...join, eventId: 'j1' }, { actor: { id: 'zoe' } });
    expect(result.status).toBe('accepted');
    expect(result.status === 'accepted' && [result.instanceId, result.redirectedFrom]).toEqual(['b', 'a']);
    const a = (await h.engine.view('a', null)) as GroupBuyView;
    const b = (await h.engine.view('b', { id: 'zoe' })) as GroupBuyView;
    expect(a.members).toHaveLength(2);
    expect(b.members.map((m) => m.name)).toContain('zoe');
    // Nowhere left: a new group opens with the friend as its leader.
    const next = await h.engine.send('a', { ...join, eventId: 'j2' }, { actor: { id: 'yan' } });
    expect(next.status === 'accepted' && next.instanceId).toBe('a.j2');
    expect(next.status === 'accepted' && (next.view as GroupBuyView).role).toBe('initiator');
    await h.engine.dispose();
  });

  it('open-new-group: the friend leads a new group, and a retry of the same event finds the same group', async () => {
    const h = await fullGroupAndOneOpen('open-new-group');
    const first = await h.engine.send('a', { ...join, eventId: 'j1' }, { actor: { id: 'zoe' } });
    const again = await h.engine.send('a', { ...join, eventId: 'j1' }, { actor: { id: 'zoe' } });
    expect(first.status === 'accepted' && [first.instanceId, first.duplicate]).toEqual(['a.j1', false]);
    expect(again.status === 'accepted' && [again.instanceId, again.duplicate]).toEqual(['a.j1', true]);
    // Group b still had a seat, but this policy always opens a new group.
    expect(((await h.engine.view('b', null)) as GroupBuyView).members).toHaveLength(1);
    await h.engine.dispose();
  });
});

describe('overflow across processes', () => {
  it('finds an open group another process opened, fullest first, from the listing on the store', async () => {
    const campaign = defineCampaign(
      groupBuyCampaignInput({ size: 3, whenFull: 'overflow-to-open-group' }),
      'group-buy',
    );
    const store = createMemoryStore();
    const clock = createManualClock(DURING_GROUP);
    const [one, two] = [1, 2].map(() => createEngine({ campaigns: [campaign], store, clock })) as [
      ReturnType<typeof createEngine>,
      ReturnType<typeof createEngine>,
    ];
    // Process one opens b (1/3) and c (2/3); process two fills a (3/3) and has never seen b or c.
    await one.start(campaign.id, { actor: { id: 'leader-b' }, instanceId: 'b' });
    await one.start(campaign.id, { actor: { id: 'leader-c' }, instanceId: 'c' });
    await one.send('c', join, { actor: { id: 'cid' } });
    await two.start(campaign.id, { actor: { id: 'leader-a' }, instanceId: 'a' });
    for (const friend of ['amy', 'ann']) await two.send('a', join, { actor: { id: friend } });

    const first = await two.send('a', { ...join, eventId: 'j1' }, { actor: { id: 'zoe' } });
    expect(first.status === 'accepted' && [first.instanceId, first.redirectedFrom]).toEqual(['c', 'a']);
    // c is full now and leaves the listing: the next one goes to b.
    const second = await two.send('a', { ...join, eventId: 'j2' }, { actor: { id: 'yan' } });
    expect(second.status === 'accepted' && second.instanceId).toBe('b');
    await Promise.all([one.dispose(), two.dispose()]);
  });
});

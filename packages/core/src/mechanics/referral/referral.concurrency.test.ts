import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { createMemoryStore } from '../../store/memory-store.js';
import type { CommitBatch, Store } from '../../store/store.js';
import { attributionRace, exactLastTouch, lastTouchRace, noLoops } from './attribution-race.test-utils.js';
import { DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';
import type { ReferralView } from './view.js';

describe('referral under concurrency (memory store)', () => {
  it('1,000 friends accepting three invites at once belong to exactly one referrer each; no loop forms', async () => {
    const { accepted, failures } = await attributionRace(createMemoryStore());
    expect(failures).toEqual([]);
    const referees = accepted.map((e) => e.payload.referee);
    expect(new Set(referees).size).toBe(referees.length);
    expect(referees.filter((r) => String(r).startsWith('f'))).toHaveLength(1_000);
    expect(noLoops(accepted)).toBe(true);
  });

  it('last-touch: 300 friends taken over back and forth by three links are each converted once, where they are', async () => {
    expect(await lastTouchRace(createMemoryStore())).toEqual(exactLastTouch(300));
  });
});

/**
 * The store, except that the first commit `matches` accepts waits until `open()` is called; `held` resolves once
 * it is waiting.
 */
function holdFirstCommit(store: Store, matches: (id: string, batch: CommitBatch) => boolean) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let reached: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let waited = false;
  const gated: Store = {
    ...store,
    async commit(requests) {
      if (!waited && requests.some((r) => matches(r.id, r))) {
        waited = true;
        reached();
        await gate;
      }
      return store.commit(requests);
    },
  };
  return { gated, open, held };
}

describe('a mark taken by a writer that then loses the race', () => {
  it('stays: the referrer another process saw marked cannot be referred later (no loop)', async () => {
    const campaign = defineCampaign(referralCampaignInput(), 'referral');
    const clock = createManualClock(DURING_REFERRAL);
    const store = createMemoryStore();
    // Engine A's first commit waits until engine B has committed: A then conflicts and re-applies without the mark.
    const { gated, open, held } = holdFirstCommit(store, (_id, batch) => batch.expectedVersion > 0);
    const a = createEngine({ campaigns: [campaign], store: gated, clock });
    const b = createEngine({ campaigns: [campaign], store, clock });
    await b.start(campaign.id, { actor: { id: 'r1' }, instanceId: 'link-r1' });
    await b.start(campaign.id, { actor: { id: 'r2' }, instanceId: 'link-r2' });
    const first = a.send('link-r1', { type: 'referral.accept' }, { actor: { id: 'x' } });
    await held;
    await b.send('link-r1', { type: 'referral.accept' }, { actor: { id: 'y' } }); // sees A's mark as taken
    open();
    expect((await first).status).toBe('accepted');
    // r1 has referred x and y, so r1 cannot become r2's referee.
    const loop = await b.send('link-r2', { type: 'referral.accept' }, { actor: { id: 'r1' } });
    expect(loop.status === 'rejected' && loop.reason).toBe('already-referred');
    await Promise.all([a.dispose(), b.dispose()]);
  });
});

describe('last-touch: a link told it lost a friend before its own accept committed', () => {
  it('keeps the notice, and the accept lands already moved', async () => {
    const campaign = defineCampaign(
      referralCampaignInput({ attribution: 'last-touch', refereeReward: { rewardId: 'free-coffee' } }),
      'referral',
    );
    const clock = createManualClock(DURING_REFERRAL);
    const store = createMemoryStore();
    // Process A's commit of bob's accept on link a waits until process B has taken bob over and told link a.
    const { gated, open, held } = holdFirstCommit(
      store,
      (id, batch) => id === 'a' && batch.expectedVersion > 0,
    );
    const a = createEngine({ campaigns: [campaign], store: gated, clock });
    const b = createEngine({ campaigns: [campaign], store, clock });
    await b.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    await b.start(campaign.id, { actor: { id: 'carol' }, instanceId: 'c' });
    const first = a.send('a', { type: 'referral.accept', eventId: 'bob-a' }, { actor: { id: 'bob' } });
    await held;
    // Bob's slot is held by a's accept, not yet committed: carol's link takes it over and tells link a.
    expect((await b.send('c', { type: 'referral.accept' }, { actor: { id: 'bob' } })).status).toBe(
      'accepted',
    );
    open();
    expect((await first).status).toBe('accepted');
    const alice = (await b.view('a', { id: 'alice' })) as ReferralView;
    expect(alice.counts).toMatchObject({ accepted: 1, moved: 1 });
    const convert = await b.send('a', { type: 'referral.convert', referee: 'bob' }, { actor: ORDERS });
    expect(convert.status === 'rejected' && convert.reason).toBe('referred-elsewhere');
    await Promise.all([a.dispose(), b.dispose()]);
  });
});

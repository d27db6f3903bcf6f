import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { CommitBatch, Store } from '../store/store.js';
import { createEngine } from './create-engine.js';

const campaign = defineCampaign(
  bargainCampaignInput({
    originalPrice: 10_000,
    floorPrice: 0,
    helpersToFloor: 100,
    cut: { strategy: 'uniform', min: 1, max: 100 },
  }),
);

/** A store whose commits wait until the test lets them through, recording what each one was asked. */
function gatedStore(store: Store) {
  const asked: CommitBatch[] = [];
  const waiting: (() => void)[] = [];
  const gated: Store = {
    ...store,
    async commit(requests) {
      asked.push(...requests);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return store.commit(requests);
    },
  };
  /** Lets the oldest waiting commit through, once one is waiting. */
  const pass = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
    (waiting.shift() as () => void)();
  };
  return { gated, asked, pass };
}

const help = (engine: ReturnType<typeof createEngine>, i: number) =>
  engine.send('hot', { type: 'bargain.help', eventId: `h${i}` }, { actor: { id: `f${i}` } });

describe('pipelined batches on one instance', () => {
  it('applies the next batch on top of the commit in flight and sends it as soon as that commit holds', async () => {
    const { gated, asked, pass } = gatedStore(createMemoryStore());
    const engine = createEngine({
      campaigns: [campaign],
      store: gated,
      clock: createManualClock(DURING_CAMPAIGN),
      random: seededRandom(1),
    });
    const start = engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'hot' });
    await pass();
    await start;

    // Sixteen helps at once: sent as two batches of eight, the second built on the first before it commits.
    const sends = Array.from({ length: 16 }, (_, i) => help(engine, i));
    await pass();
    await pass();
    const results = await Promise.all(sends);

    const [first, second] = asked.slice(1);
    expect(asked).toHaveLength(3);
    expect(first?.keys.filter((k) => k.startsWith('e:'))).toHaveLength(8);
    expect(second?.expectedVersion).toBe((first?.expectedVersion ?? 0) + 1);
    expect(results.every((r) => r.status === 'accepted' && !r.duplicate)).toBe(true);
    expect(results.map((r) => r.status === 'accepted' && r.version)).toEqual([
      ...Array(8).fill(2),
      ...Array(8).fill(3),
    ]);
    await engine.dispose();
  });

  it('starts the next batch over when the commit it was built on loses to another writer', async () => {
    const shared = createMemoryStore();
    const { gated, asked, pass } = gatedStore(shared);
    const clock = createManualClock(DURING_CAMPAIGN);
    const engine = createEngine({ campaigns: [campaign], store: gated, clock, random: seededRandom(1) });
    const other = createEngine({ campaigns: [campaign], store: shared, clock, random: seededRandom(2) });
    const start = engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'hot' });
    await pass();
    await start;

    const sends = Array.from({ length: 16 }, (_, i) => help(engine, i));
    // While the first batch's commit waits, another process commits a help (and one of the same events).
    while (asked.length < 2) await new Promise((resolve) => setImmediate(resolve));
    await help(other, 100);
    await help(other, 3);
    // Let every commit through: the first conflicts, and the second, built on it, must not be sent as built.
    const passing = (async () => {
      for (;;) {
        const settled = await Promise.race([Promise.all(sends).then(() => true), pass().then(() => false)]);
        if (settled) return;
      }
    })();
    const results = await Promise.all(sends);
    await passing;

    const applied = results.filter((r) => r.status === 'accepted' && !r.duplicate);
    const duplicates = results.filter((r) => r.status === 'accepted' && r.duplicate);
    expect(applied).toHaveLength(15);
    expect(duplicates.map((r) => r.eventId)).toEqual(['h3']);
    const view = (await other.view('hot', { id: 'alice' })) as BargainView;
    expect(view.helps.count).toBe(17);
    // The first batch was sent at version 1 and lost (the other process wrote 2 and 3); it was re-applied at 3,
    // dropping h3 once the store reported it taken. The second batch, built on the lost commit, was never sent
    // on it (at 2): it started over on the first batch's real commit.
    expect(asked.slice(1).map((b) => b.expectedVersion)).toEqual([1, 3, 3, 4]);
    await Promise.all([engine.dispose(), other.dispose()]);
  });
});

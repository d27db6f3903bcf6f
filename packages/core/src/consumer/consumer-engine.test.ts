import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import type { Effect } from '../engine/types.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { sequentialIds } from '../primitives/ids.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import { manualScheduler } from './consumer-fixture.test-utils.js';
import { createConsumer } from './create-consumer.js';

describe('createConsumer with an engine', () => {
  it('delivers every effect the engine committed, woken by the onEffect hint, then trims what it delivered', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(DURING_CAMPAIGN);
    const timers = manualScheduler();
    const delivered: Effect[] = [];
    const consumer = createConsumer({
      store,
      name: 'integrator',
      clock,
      scheduler: timers.scheduler,
      handler: (effect) => void delivered.push(effect),
    });
    const engine = createEngine({
      campaigns: [defineCampaign(bargainCampaignInput())],
      store,
      clock,
      random: seededRandom(7),
      ids: sequentialIds('id'),
      onEffect: () => consumer.notify(),
    });
    consumer.start();
    const started = await engine.start('spring-bargain', { actor: { id: 'alice' } });
    if (started.status !== 'accepted') throw new Error(started.reason);
    for (let n = 0; n < 5; n++) {
      await engine.send(
        started.instanceId,
        { type: 'bargain.help', eventId: `h${n}` },
        { actor: { id: `f${n}` } },
      );
    }
    await engine.send(
      started.instanceId,
      { type: 'bargain.purchase', orderId: 'o-1' },
      { actor: { id: 'alice' } },
    );
    await engine.dispose();
    // The hint scheduled passes; fire them until the consumer has caught up.
    while (timers.delays().includes(0)) {
      timers.fire();
      await consumer.runOnce();
    }
    const committed = (await store.readOutbox(null, 1_000)).map((i) => (i.payload as Effect).dedupeKey);
    expect(committed.length).toBeGreaterThanOrEqual(3); // launch, purchasable, purchase
    expect(delivered.map((e) => e.dedupeKey)).toEqual(committed);
    expect(await store.trimOutbox()).toBe(committed.length);
    expect(await store.readOutbox(null, 10)).toEqual([]);
    await consumer.stop();
  });
});

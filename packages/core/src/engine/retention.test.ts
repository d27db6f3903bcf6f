import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { eventKey } from './apply-events.js';
import { createEngine } from './create-engine.js';

const DAY = 86_400_000;

describe('retention of ended instances (retainEndedMs)', () => {
  it('keeps dedupe for the whole period, then deletes the instance with its keys; a late retry never applies', async () => {
    const clock = createManualClock(DURING_CAMPAIGN);
    const store = createMemoryStore();
    const campaign = defineCampaign(bargainCampaignInput({ purchasableAt: 'any' }));
    const engine = createEngine({ campaigns: [campaign], store, clock, retainEndedMs: 30 * DAY });
    await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'b1' });
    await engine.send('b1', { type: 'bargain.help', eventId: 'h1' }, { actor: { id: 'bob' } });
    const buy = { type: 'bargain.purchase', eventId: 'buy-1', orderId: 'o-1' };
    expect(await engine.send('b1', buy, { actor: { id: 'alice' } })).toMatchObject({ status: 'accepted' });

    clock.advance(30 * DAY - 1);
    await engine.tick();
    expect(await engine.send('b1', buy, { actor: { id: 'alice' } })).toMatchObject({
      status: 'accepted',
      duplicate: true,
    });
    expect(await store.seen('b1', [eventKey({ ...buy, actor: { id: 'alice' } }), 'c:helper:bob'])).toEqual([
      true,
      true,
    ]);

    clock.advance(1);
    await engine.tick();
    expect(await store.load('b1')).toBeNull();
    expect(await store.seen('b1', [eventKey({ ...buy, actor: { id: 'alice' } }), 'c:helper:bob'])).toEqual([
      false,
      false,
    ]);
    const late = await engine.send('b1', buy, { actor: { id: 'alice' } }).catch((e: unknown) => e);
    expect(isLiebianError(late, 'unknown-instance')).toBe(true);
    // Its effects stay in the outbox until trimmed.
    expect((await store.readOutbox(null, 100)).some((o) => o.instanceId === 'b1')).toBe(true);
  });

  it('keeps instances forever by default', async () => {
    const clock = createManualClock(DURING_CAMPAIGN);
    const store = createMemoryStore();
    const campaign = defineCampaign(bargainCampaignInput({ purchasableAt: 'any' }));
    const engine = createEngine({ campaigns: [campaign], store, clock });
    await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'b1' });
    await engine.send('b1', { type: 'bargain.purchase', orderId: 'o-1' }, { actor: { id: 'alice' } });
    clock.advance(3_650 * DAY);
    await engine.tick();
    expect(await store.load('b1')).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createEngine } from './create-engine.js';

const campaign = defineCampaign(bargainCampaignInput());
const engineOn = (store: Store) =>
  createEngine({
    campaigns: [campaign],
    store,
    clock: createManualClock(DURING_CAMPAIGN),
    random: seededRandom(3),
  });

async function launched(store: Store) {
  const engine = engineOn(store);
  await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'b1' });
  return engine;
}

describe('an event id is scoped to its actor and its command', () => {
  it('answers a retry as a duplicate; the same id from another actor or for another command is another event', async () => {
    const store = createMemoryStore();
    const engine = await launched(store);
    const help = { type: 'bargain.help', eventId: 'order-77' };
    expect(await engine.send('b1', help, { actor: { id: 'bob' } })).toMatchObject({
      status: 'accepted',
      duplicate: false,
    });
    expect(await engine.send('b1', help, { actor: { id: 'bob' } })).toMatchObject({
      status: 'accepted',
      duplicate: true,
    });
    // Carol cannot pre-empt (or be silently swallowed by) Bob's id: her help is her own event.
    const carol = await engine.send('b1', help, { actor: { id: 'carol' } });
    expect(carol).toMatchObject({ status: 'accepted', duplicate: false });
    // Another command with the same id is judged by its own rules (here: nothing to buy yet), not as a duplicate.
    const purchase = await engine.send(
      'b1',
      { type: 'bargain.purchase', eventId: 'order-77', orderId: 'o-1' },
      { actor: { id: 'alice' } },
    );
    expect(purchase).toMatchObject({ status: 'rejected', reason: 'not-purchasable' });
    // Every effect of the three events has its own dedupe key.
    const effects = (await engine.readEffects(null, 100)).map((e) => e.effect.dedupeKey);
    expect(new Set(effects).size).toBe(effects.length);
  });

  it('tells a retry from another actor’s event when the ids were committed by another process', async () => {
    const store = createMemoryStore();
    const first = await launched(store);
    await first.send('b1', { type: 'bargain.help', eventId: 'x' }, { actor: { id: 'bob' } });
    const second = engineOn(store);
    expect(
      await second.send('b1', { type: 'bargain.help', eventId: 'x' }, { actor: { id: 'bob' } }),
    ).toMatchObject({ status: 'accepted', duplicate: true });
    expect(
      await second.send('b1', { type: 'bargain.help', eventId: 'x' }, { actor: { id: 'carol' } }),
    ).toMatchObject({ status: 'accepted', duplicate: false });
  });

  it('refuses client event ids in the engine’s own namespaces, so nobody can pre-empt a deadline', async () => {
    const engine = await launched(createMemoryStore());
    for (const eventId of ['deadline:expire:1796184000000', 'start:b1', 'notice:b1:e1']) {
      const error = await engine
        .send('b1', { type: 'bargain.help', eventId }, { actor: { id: 'bob' } })
        .catch((e: unknown) => e);
      expect(isLiebianError(error, 'invalid-event'), eventId).toBe(true);
      expect(String(error)).toContain('eventId');
    }
  });
});

describe('text no store can keep', () => {
  it('is refused at validation on the memory store too, naming the field, and the batch goes on', async () => {
    const engine = await launched(createMemoryStore());
    const bad = [
      { actor: { id: 'bo\u0000b' }, field: 'id' },
      { actor: { id: 'bob', deviceId: '\ud800' }, field: 'deviceId' },
    ];
    const sends = bad.map(({ actor }, i) =>
      engine.send('b1', { type: 'bargain.help', eventId: `bad-${i}` }, { actor }).catch((e: unknown) => e),
    );
    const good = engine.send('b1', { type: 'bargain.help', eventId: 'good' }, { actor: { id: 'dan' } });
    const errors = await Promise.all(sends);
    bad.forEach(({ field }, i) => {
      expect(isLiebianError(errors[i], 'invalid-argument')).toBe(true);
      expect((errors[i] as Error).message).toContain(field);
      expect((errors[i] as Error).message).toContain('U+FFFD');
    });
    expect(await good).toMatchObject({ status: 'accepted', duplicate: false });
    const payload = await engine
      .send('b1', { type: 'bargain.purchase', eventId: 'p', orderId: 'a\udc00' }, { actor: { id: 'alice' } })
      .catch((e: unknown) => e);
    expect(isLiebianError(payload, 'invalid-event')).toBe(true);
    expect((payload as Error).message).toContain('orderId');
  });
});

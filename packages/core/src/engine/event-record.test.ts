import { describe, expect, it } from 'vitest';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createEngine } from './create-engine.js';
import { EVENT_RECORD } from './event-record.js';

async function outboxTypes(recordEvents: boolean | undefined) {
  const store = createMemoryStore();
  const clock = createManualClock(DURING_CAMPAIGN);
  const engine = createEngine({
    campaigns: [bargainCampaignInput()],
    store,
    clock,
    ...(recordEvents === undefined ? {} : { recordEvents }),
  });
  const started = await engine.start('spring-bargain', { actor: { id: 'alice' }, channel: 'poster' });
  const help = await engine.send(
    started.instanceId,
    { type: 'bargain.help', eventId: 'h1' },
    { actor: { id: 'bob', newUser: true }, channel: 'moments' },
  );
  const items = await store.readOutbox(null, 100);
  return { items, help };
}

describe('event records (recordEvents)', () => {
  it('are off by default: the outbox holds effects only', async () => {
    const { items } = await outboxTypes(undefined);
    expect(items.map((i) => i.type)).toEqual(['bargain.started']);
  });

  it('record each launch and applied event with its actor, initiator and channel, beside the effects', async () => {
    const { items, help } = await outboxTypes(true);
    expect(items.map((i) => i.type)).toEqual(['bargain.started', EVENT_RECORD, EVENT_RECORD]);
    expect(items.slice(1).map((i) => i.payload)).toMatchObject([
      {
        actorId: 'alice',
        payload: { event: 'bargain.start', friend: false, initiatorId: 'alice', channel: 'poster' },
      },
      {
        actorId: 'bob',
        eventId: 'h1',
        payload: {
          event: 'bargain.help',
          friend: true,
          initiatorId: 'alice',
          newUser: true,
          channel: 'moments',
        },
      },
    ]);
    expect(help.status === 'accepted' && help.effects).toEqual([]);
  });

  it('refuse a channel that is not a short lowercase name, naming the field', async () => {
    const engine = createEngine({
      campaigns: [bargainCampaignInput()],
      clock: createManualClock(DURING_CAMPAIGN),
    });
    const error = await engine
      .start('spring-bargain', { actor: { id: 'alice' }, channel: '朋友圈' })
      .catch((e: unknown) => e);
    expect(isLiebianError(error, 'invalid-argument')).toBe(true);
    expect((error as Error).message).toContain('channel = "朋友圈"');
  });
});

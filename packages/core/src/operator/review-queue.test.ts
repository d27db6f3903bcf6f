import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import type { RiskCheck } from '../engine/risk.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import { createManualClock } from '../primitives/clock.js';

/** Holds every help by an actor whose id starts with "suspect". */
const holdSuspects: RiskCheck = {
  name: 'suspects',
  check: ({ event }) =>
    event.actor.id.startsWith('suspect')
      ? { outcome: 'hold', detail: 'on the watch list' }
      : { outcome: 'allow' },
};

async function setup() {
  const engine = createEngine({
    campaigns: [defineCampaign(bargainCampaignInput())],
    clock: createManualClock(DURING_CAMPAIGN),
    risk: [holdSuspects],
  });
  const started = await engine.start('spring-bargain', { actor: { id: 'alice' } });
  if (started.status !== 'accepted') throw new Error('launch refused');
  return { engine, instanceId: started.instanceId };
}

const helpers = async (engine: ReturnType<typeof createEngine>, id: string) =>
  ((await engine.view(id, null)) as BargainView).helps.count;

describe('the review queue', () => {
  it('holds an event, applies it once when approved twice, and a retried send is then a duplicate', async () => {
    const { engine, instanceId } = await setup();
    const held = await engine.send(
      instanceId,
      { type: 'bargain.help', eventId: 'h1' },
      { actor: { id: 'suspect-1' } },
    );
    expect(held).toMatchObject({ status: 'rejected', reason: 'held-for-review' });
    expect(await helpers(engine, instanceId)).toBe(0);
    const [review] = await engine.reviews({ status: 'pending' });
    expect(review).toMatchObject({ instanceId, reasons: ['suspects: on the watch list'], status: 'pending' });
    const id = review?.id as string;
    const [first, second] = await Promise.all([
      engine.decideReview(id, { decision: 'approve', by: 'op' }),
      engine.decideReview(id, { decision: 'approve', by: 'op' }),
    ]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    expect(await helpers(engine, instanceId)).toBe(1);
    const again = await engine.decideReview(id, { decision: 'approve', by: 'op' });
    expect(again.applied).toMatchObject({ status: 'accepted', duplicate: true });
    const retried = await engine.send(
      instanceId,
      { type: 'bargain.help', eventId: 'h1' },
      { actor: { id: 'suspect-1' } },
    );
    expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
    expect(await helpers(engine, instanceId)).toBe(1);
    expect(await engine.reviews({ status: 'pending' })).toEqual([]);
  });

  it('a rejection needs a reason, is final, and the sender is refused with it', async () => {
    const { engine, instanceId } = await setup();
    await engine.send(instanceId, { type: 'bargain.help', eventId: 'h2' }, { actor: { id: 'suspect-2' } });
    const [review] = await engine.reviews();
    const id = review?.id as string;
    await expect(engine.decideReview(id, { decision: 'reject', by: 'op', reason: ' ' })).rejects.toSatisfy(
      (e) => isLiebianError(e, 'invalid-argument'),
    );
    const rejected = await engine.decideReview(id, {
      decision: 'reject',
      by: 'op',
      reason: '同一设备批量助力',
    });
    expect(rejected).toMatchObject({ changed: true, applied: null, review: { status: 'rejected' } });
    await expect(engine.decideReview(id, { decision: 'approve', by: 'op2' })).rejects.toSatisfy((e) =>
      isLiebianError(e, 'review-decided'),
    );
    const retried = await engine.send(
      instanceId,
      { type: 'bargain.help', eventId: 'h2' },
      { actor: { id: 'suspect-2' } },
    );
    expect(retried).toMatchObject({
      status: 'rejected',
      reason: 'review-rejected',
      detail: '同一设备批量助力',
    });
    expect(await helpers(engine, instanceId)).toBe(0);
  });

  it('an unknown review is an error naming it', async () => {
    const { engine } = await setup();
    await expect(engine.decideReview('x/y', { decision: 'approve', by: 'op' })).rejects.toSatisfy((e) =>
      isLiebianError(e, 'unknown-review'),
    );
  });
});

describe('the review queue under a race (memory store; the real stores run it in @liebian/adapters)', () => {
  it('two engines approving, retrying and rejecting at once: one decision per event, applied once', async () => {
    const { createMemoryStore } = await import('../store/memory-store.js');
    const { reviewRace } = await import('./review-race.test-utils.js');
    const race = await reviewRace(createMemoryStore());
    expect(race).toMatchObject({ held: 30, decided: 30, changedTwice: 0 });
    expect(race.helps).toBe(race.approved);
    expect(race.approved).toBeGreaterThan(0);
  });
});

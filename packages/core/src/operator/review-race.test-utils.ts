import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import type { RiskCheck } from '../engine/risk.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import { createManualClock } from '../primitives/clock.js';
import type { RecordStore } from '../store/record-store.js';
import type { Store } from '../store/store.js';

const hold: RiskCheck = {
  name: 'watch-list',
  check: ({ event, friendAction }) =>
    friendAction ? { outcome: 'hold', detail: `${event.actor.id} is watched` } : { outcome: 'allow' },
};

/**
 * Two engines on one store (two processes): `friends` helps are held, then every held event is approved four times
 * (twice on each engine), retried twice by its sender and, for every third one, rejected once, all at once.
 * Answers each review's final status, how many decisions changed it, and the helps the instance counted.
 */
export async function reviewRace(store: Store & RecordStore, friends = 30) {
  const campaign = defineCampaign(bargainCampaignInput({ helpersToFloor: friends + 10 }));
  const make = () =>
    createEngine({ campaigns: [campaign], store, clock: createManualClock(DURING_CAMPAIGN), risk: [hold] });
  const [a, b] = [make(), make()];
  try {
    const launch = await a.start(campaign.id, { actor: { id: 'alice' } });
    if (launch.status !== 'accepted') throw new Error(`launch refused: ${launch.reason}`);
    const ids = Array.from({ length: friends }, (_, i) => `f${i}`);
    const help = (id: string) => ({ type: 'bargain.help', eventId: `help-${id}` });
    await Promise.all(ids.map((id) => a.send(launch.instanceId, help(id), { actor: { id } })));
    const held = await a.reviews({ status: 'pending', limit: 500 });
    const changed = new Map<string, number>();
    const work = held.flatMap((review, i) => {
      const count = (outcome: { changed: boolean }) => {
        if (outcome.changed) changed.set(review.id, (changed.get(review.id) ?? 0) + 1);
      };
      const decided = (error: unknown) => {
        if (!isLiebianError(error, 'review-decided')) throw error;
      };
      const approve = (engine: typeof a) =>
        engine.decideReview(review.id, { decision: 'approve', by: 'op' }).then(count, decided);
      const actor = { id: review.event.actor.id };
      const retry = (engine: typeof a) => engine.send(launch.instanceId, help(actor.id), { actor });
      return [
        approve(a),
        approve(b),
        retry(a),
        approve(a),
        retry(b),
        approve(b),
        ...(i % 3 === 0
          ? [
              b
                .decideReview(review.id, { decision: 'reject', by: 'op2', reason: 'farm' })
                .then(count, decided),
            ]
          : []),
      ];
    });
    await Promise.all(work);
    const final = await a.reviews({ limit: 500 });
    const view = (await b.view(launch.instanceId, null)) as BargainView;
    return {
      held: held.length,
      statuses: final.map((r) => r.status),
      changedTwice: [...changed.values()].filter((n) => n !== 1).length,
      decided: changed.size,
      approved: final.filter((r) => r.status === 'approved').length,
      helps: view.helps.count,
    };
  } finally {
    await a.dispose();
    await b.dispose();
  }
}

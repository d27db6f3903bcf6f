import { defineCampaign } from '../../campaign/define-campaign.js';
import type { SendResult, StartResult } from '../../engine/types.js';
import type { Store } from '../../store/store.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../bargain/bargain-fixture.test-utils.js';
import { twoEngines } from './engine-harness.test-utils.js';

/** The most subsidy of the fixture's bargain: ¥199.00 − ¥9.90. */
export const RACE_SUBSIDY = 19_900 - 990;

/**
 * Binding offers under load: two engines (two processes) on one store race `launches` bargain launches from
 * different users against a stock of `stock` and a budget of `funded` bargains' most subsidy; every launched bargain
 * is helped to the floor through both engines at once, then every one is bought while `late` more launches race the
 * purchases. Returns the answers and the committed purchases, for the caller to assert on. Used on every store.
 */
export async function bindingOfferRace(store: Store, launches = 120, stock = 40, funded = 30, late = 40) {
  const campaign = defineCampaign(
    bargainCampaignInput(
      { timeLimitMinutes: 600 },
      {
        id: `offer-race-${Date.now().toString(36)}`,
        stock: { total: stock },
        budget: { totalFen: funded * RACE_SUBSIDY },
      },
    ),
    'bargain',
  );
  const { engines, committed } = twoEngines(campaign, store, DURING_CAMPAIGN);
  const engine = (n: number) => engines[n % 2 === 0 ? 0 : 1];
  const started: StartResult[] = await Promise.all(
    Array.from({ length: launches }, (_, i) => engine(i).start(campaign.id, { actor: { id: `u${i}` } })),
  );
  const open = started.flatMap((s, i) =>
    s.status === 'accepted' ? [{ id: s.instanceId, who: `u${i}` }] : [],
  );
  const helps: SendResult[] = await Promise.all(
    open.flatMap(({ id }, n) =>
      Array.from({ length: 5 }, (_, f) =>
        engine(n + f).send(id, { type: 'bargain.help', eventId: `h-${f}` }, { actor: { id: `${id}-f${f}` } }),
      ),
    ),
  );
  const [purchases, lateStarts] = await Promise.all([
    Promise.all(
      open.map(({ id, who }, n) =>
        engine(n).send(id, { type: 'bargain.purchase', orderId: `o-${id}` }, { actor: { id: who } }),
      ),
    ),
    Promise.all(
      Array.from({ length: late }, (_, i) => engine(i).start(campaign.id, { actor: { id: `late-${i}` } })),
    ),
  ]);
  await Promise.all(engines.map((e) => e.dispose()));
  const purchased = (await committed()).filter((e) => e.type === 'bargain.purchased');
  return { campaign, started, helps, purchases, lateStarts, purchased };
}

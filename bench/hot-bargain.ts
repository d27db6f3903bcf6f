import {
  type BargainView,
  bargainMechanic,
  createEngine,
  createManualClock,
  defineCampaign,
  type Store,
  seededRandom,
} from '@liebian/core';
import { transition } from 'xstate';
import {
  bargainCampaignInput,
  DURING_CAMPAIGN,
} from '../packages/core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { type Measurement, measure } from './measure.js';

export const HELPS = 20_000;
export const PRODUCERS = 64;

export const hotCampaign = defineCampaign(
  bargainCampaignInput({
    originalPrice: 10_000_000,
    floorPrice: 0,
    helpersToFloor: HELPS,
    cut: { strategy: 'uniform', min: 1, max: 1_000 },
  }),
  'bargain',
);

/** Raw xstate `transition()` over the same help events: the ceiling for any engine built on xstate. */
export function rawTransitions(): Promise<Measurement> {
  const state = bargainMechanic.initialState({
    campaign: hotCampaign,
    instanceId: 'raw',
    initiator: { id: 'alice' },
    now: DURING_CAMPAIGN,
    seed: 1,
    input: undefined,
  });
  const events = Array.from({ length: HELPS }, (_, i) => ({
    type: 'bargain.help' as const,
    eventId: `e${i}`,
    actor: { id: `f${i}` },
    at: DURING_CAMPAIGN + i,
  }));
  return measure('xstate transition() on the bargain machine (baseline)', HELPS, () => {
    let snapshot = bargainMechanic.machine.resolveState(state);
    for (const event of events) [snapshot] = transition(bargainMechanic.machine, snapshot, event);
    if (snapshot.context.helps !== HELPS) throw new Error('raw run did not apply every help');
  });
}

/**
 * One hot instance: `PRODUCERS` concurrent producers send `HELPS` distinct helps, and every 10th one is retried
 * with the same event id. Checks the invariants afterwards: every distinct help applied exactly once, floor exact.
 */
export async function hotInstance(name: string, store: Store, producers = PRODUCERS): Promise<Measurement> {
  // Each commit's round trip, timed from Node, so the bench prints what a batch waits for.
  const commits: number[] = [];
  const timed: Store = {
    ...store,
    commit: async (requests) => {
      const start = performance.now();
      const result = await store.commit(requests);
      commits.push(performance.now() - start);
      return result;
    },
  };
  const engine = createEngine({
    campaigns: [hotCampaign],
    store: timed,
    clock: createManualClock(DURING_CAMPAIGN),
    random: seededRandom(5),
  });
  const instanceId = `hot-${Date.now().toString(36)}`;
  // A fresh initiator per run: runs on one database share its launch counters.
  const started = await engine.start(hotCampaign.id, { actor: { id: `alice-${instanceId}` }, instanceId });
  if (started.status !== 'accepted') throw new Error(`could not start the hot instance: ${started.reason}`);
  let next = 0;
  let duplicates = 0;
  const producer = async () => {
    while (next < HELPS) {
      const i = next++;
      const command = { type: 'bargain.help', eventId: `h${i}` };
      const result = await engine.send(instanceId, command, { actor: { id: `f${i}` } });
      if (result.status !== 'accepted' || result.duplicate)
        throw new Error(`help ${i}: ${JSON.stringify(result)}`);
      if (i % 10 === 0) {
        const retry = await engine.send(instanceId, command, { actor: { id: `f${i}` } });
        if (retry.status !== 'accepted' || !retry.duplicate) throw new Error(`retry ${i} was applied twice`);
        duplicates++;
      }
    }
  };
  const m = await measure(name, HELPS, () =>
    Promise.all(Array.from({ length: producers }, producer)).then(() => {}),
  );
  const view = (await engine.view(instanceId, { id: `alice-${instanceId}` })) as BargainView;
  if (view.helps.count !== HELPS || view.price.current !== 0 || view.state !== 'purchasable') {
    throw new Error(
      `invariant violated: ${JSON.stringify({ helps: view.helps, price: view.price, state: view.state })}`,
    );
  }
  await engine.dispose();
  commits.sort((a, b) => a - b);
  const median = commits[commits.length >> 1] ?? 0;
  return {
    ...m,
    note: `+${duplicates} duplicate retries, 0 violations, ${commits.length} commits (median ${median.toFixed(2)} ms)`,
  };
}

import { bargainMechanic, commitOne, type Store } from '@liebian/core';
import { transition } from 'xstate';
import { DURING_CAMPAIGN } from '../packages/core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { HELPS, hotCampaign, PRODUCERS } from './hot-bargain.js';
import { type Measurement, measure } from './measure.js';

/**
 * The naive way, for comparison: each help is read-modify-write on its own — load the snapshot, apply the
 * event with `transition()`, commit with a version compare-and-set, and retry from the load on conflict.
 * Same producers and events as the engine run; it collapses under contention, so it stops after `budgetMs`
 * and reports the helps it applied in that time.
 */
export async function naiveReadThenCas(name: string, store: Store, budgetMs = 5_000): Promise<Measurement> {
  const helps = HELPS;
  const id = `naive-${Date.now().toString(36)}`;
  const state = bargainMechanic.initialState({
    campaign: hotCampaign,
    instanceId: id,
    initiator: { id: 'alice' },
    now: DURING_CAMPAIGN,
    seed: 1,
    input: undefined,
  });
  const base = {
    campaignId: hotCampaign.id,
    kind: 'bargain',
    timers: { upsert: [], cancel: [] },
    outbox: [],
    now: DURING_CAMPAIGN,
  };
  await commitOne(store, id, { ...base, expectedVersion: 0, snapshot: state, keys: [] });
  let next = 0;
  let conflicts = 0;
  let applied = 0;
  const deadline = performance.now() + budgetMs;
  const producer = async () => {
    while (next < helps && performance.now() < deadline) {
      const i = next++;
      const event = { type: 'bargain.help', eventId: `h${i}`, actor: { id: `f${i}` }, at: DURING_CAMPAIGN };
      for (;;) {
        const row = await store.load(id);
        if (!row) throw new Error('naive: instance vanished');
        if ((await store.seen(id, [`e:${event.eventId}`]))[0]) break;
        const [next] = transition(
          bargainMechanic.machine,
          bargainMechanic.machine.resolveState(row.snapshot as never),
          event as never,
        );
        const result = await commitOne(store, id, {
          ...base,
          expectedVersion: row.version,
          snapshot: { value: next.value, context: next.context },
          keys: [`e:${event.eventId}`, `c:helper:${event.actor.id}`],
        });
        if (result.ok) {
          applied++;
          break;
        }
        conflicts++;
      }
    }
  };
  const m = await measure(name, 0, () =>
    Promise.all(Array.from({ length: PRODUCERS }, producer)).then(() => {}),
  );
  const final = await store.load(id);
  const stored = (final?.snapshot as { context: { helps: number } } | undefined)?.context.helps;
  if (stored !== applied)
    throw new Error(`naive baseline lost updates: ${stored} stored, ${applied} acknowledged`);
  return { ...m, ops: applied, note: `${conflicts.toLocaleString('en-US')} conflicts retried` };
}

/**
 * CPU per event: the engine's own work (memory store, so no I/O is counted) against a raw xstate `transition()`
 * loop over the same events and the same machine, reusing one cached initial snapshot as the engine does (xstate
 * builds a throw-away actor per `transition()` call, which runs the machine's initial transition unless the
 * logic's `getInitialSnapshot` answers from a cache). CPU time is `process.cpuUsage()`, user + system.
 */
import { createMemoryStore } from '@liebian/core';
import { type AnyMechanic, bargainMechanic } from '@liebian/core/mechanics';
import { type AnyStateMachine, transition } from 'xstate';
import { producers } from './measure.js';
import { bargainCampaign, type HelpPlan, instanceId, NOW, newEngine } from './workloads.js';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1_000;
};

/** The same trick as the engine's: the machine, with `getInitialSnapshot` answered from one snapshot made once. */
export function cachedLogic(mechanic: AnyMechanic): AnyStateMachine {
  const machine = mechanic.machine;
  const initial = machine.resolveState({ value: machine.root.initial?.target?.[0]?.key ?? '', context: {} });
  return Object.create(machine, { getInitialSnapshot: { value: () => initial } }) as AnyStateMachine;
}

/** Engine CPU ms per help over the plan, 64 producers, memory store (starts untimed). */
export async function engineCpu(plan: HelpPlan): Promise<number> {
  const campaign = bargainCampaign('cpu', 10);
  const engine = newEngine(campaign, createMemoryStore());
  for (let i = 0; i < plan.instances; i++)
    await engine.start(campaign.id, { actor: { id: `u${i}` }, instanceId: instanceId(i) });
  const since = process.cpuUsage();
  await producers(64, plan.instanceOf.length, async (n) => {
    const i = plan.instanceOf[n] as number;
    const k = plan.ordinalOf[n] as number;
    const r = await engine.send(
      instanceId(i),
      { type: 'bargain.help', eventId: `h${i}_${k}` },
      { actor: { id: `f${i}_${k}` } },
    );
    if (r.status !== 'accepted') throw new Error(`cpu: help ${i}/${k} ${JSON.stringify(r)}`);
    return 0;
  });
  const ms = cpuMs(since);
  await engine.dispose();
  return ms / plan.instanceOf.length;
}

/** Raw `transition()` CPU ms per help over the same plan, snapshots made (untimed) as the engine's starts make them. */
export function rawCpu(plan: HelpPlan): number {
  const campaign = bargainCampaign('cpu', 10);
  const mechanic = bargainMechanic as unknown as AnyMechanic;
  const logic = cachedLogic(mechanic);
  const snapshots = Array.from({ length: plan.instances }, (_, i) =>
    mechanic.machine.resolveState(
      mechanic.initialState({
        campaign,
        instanceId: instanceId(i),
        initiator: { id: `u${i}` },
        now: NOW,
        seed: i + 1,
        input: undefined,
      }),
    ),
  );
  const since = process.cpuUsage();
  for (let n = 0; n < plan.instanceOf.length; n++) {
    const i = plan.instanceOf[n] as number;
    const k = plan.ordinalOf[n] as number;
    const event = { type: 'bargain.help', eventId: `h${i}_${k}`, actor: { id: `f${i}_${k}` }, at: NOW };
    const [next] = transition(logic, snapshots[i] as never, event as never);
    if (next === snapshots[i]) throw new Error(`raw: help ${i}/${k} not taken`);
    snapshots[i] = next as never;
  }
  const ms = cpuMs(since);
  for (let i = 0; i < plan.instances; i++) {
    const helps = (snapshots[i] as { context: { helps: number } }).context.helps;
    if (helps !== plan.helpsOf[i])
      throw new Error(`raw: instance ${i} has ${helps} helps, planned ${plan.helpsOf[i]}`);
  }
  return ms / plan.instanceOf.length;
}

import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { LiebianError } from '../errors/liebian-error.js';
import type { AnyMechanic, AppliedEvent, InstanceState } from '../mechanics/mechanic.js';
import type { ScoreIncrement } from '../store/store.js';
import type { TakeOver } from './owed.js';

/** A reservation the machine gives back (a failed pool's stock, a refunded member's quota). */
export interface Release {
  readonly counter: string;
  readonly holder: string;
}

/** An effect as a machine emits it, before the engine adds ids and keys. */
export type EffectDraft = { readonly type: string } & Readonly<Record<string, unknown>>;

export function stateOf(snapshot: AnyMachineSnapshot): InstanceState<unknown> {
  return { value: snapshot.value as string, context: snapshot.context };
}

/**
 * What a commit leaves to do right after it: reservations to give back, units to take over (see `owed.ts`), and the
 * change of its campaign listing (see `listing.ts`).
 */
export interface Owed {
  readonly releases: readonly Release[];
  readonly takeovers: readonly TakeOver[];
  readonly listings: readonly ScoreIncrement[];
}

export const NOTHING_OWED: Owed = { releases: [], takeovers: [], listings: [] };

/**
 * The JSON form stored by adapters: the machine state, plus what this commit owes (`releases`, `takeovers`,
 * `listings`), done right after it. Kept in the stored form until the next commit, so a process that dies before
 * doing them leaves them for the next batch on the instance to do first (each is idempotent: a release per holder,
 * a take-over by its holder, a listing change by its key).
 */
export function persist(
  snapshot: AnyMachineSnapshot,
  owed: Owed = NOTHING_OWED,
): InstanceState<unknown> & Partial<Owed> {
  const state = { value: snapshot.value as string, context: snapshot.context };
  return {
    ...state,
    ...(owed.releases.length > 0 && { releases: owed.releases }),
    ...(owed.takeovers.length > 0 && { takeovers: owed.takeovers }),
    ...(owed.listings.length > 0 && { listings: owed.listings }),
  };
}

/** The items of a stored list that have the right shape (a stored form is data from the store, not trusted). */
const itemsOf = <T>(list: unknown, fits: (item: Record<string, unknown>) => boolean): T[] =>
  Array.isArray(list)
    ? list.filter((item): item is T => typeof item === 'object' && item !== null && fits(item))
    : [];

/** What a stored form still owes (see {@link persist}). */
export function owedBy(stored: unknown): Owed {
  const { releases, takeovers, listings } = (stored ?? {}) as Record<keyof Owed, unknown>;
  return {
    releases: itemsOf<Release>(
      releases,
      (r) => typeof r.counter === 'string' && typeof r.holder === 'string',
    ),
    takeovers: itemsOf<TakeOver>(
      takeovers,
      (t) =>
        typeof t.replacing === 'string' &&
        typeof (t.reservation as { counter?: unknown } | null)?.counter === 'string' &&
        typeof (t.event as { eventId?: unknown } | null)?.eventId === 'string',
    ),
    listings: itemsOf<ScoreIncrement>(
      listings,
      (l) => typeof l.board === 'string' && typeof l.key === 'string' && typeof l.delta === 'number',
    ),
  };
}

/** Rebuilds an xstate snapshot from its stored JSON form. */
export function restore(mechanic: AnyMechanic, stored: unknown, instanceId: string): AnyMachineSnapshot {
  const s = stored as Partial<InstanceState<unknown>> | null;
  if (
    s === null ||
    typeof s !== 'object' ||
    typeof s.value !== 'string' ||
    typeof s.context !== 'object' ||
    s.context === null
  ) {
    throw new LiebianError(
      'invalid-snapshot',
      `instance ${instanceId}: stored snapshot is not { value, context }`,
    );
  }
  if (!(s.value in mechanic.machine.states)) {
    throw new LiebianError(
      'invalid-snapshot',
      `instance ${instanceId}: state "${s.value}" does not exist in the ${mechanic.kind} machine`,
    );
  }
  return mechanic.machine.resolveState({ value: s.value, context: s.context });
}

/**
 * xstate's `transition()` builds a throw-away actor for every call, and building it runs the machine's initial
 * transition (about half the cost of a help event in profiles). This view of the machine answers that one call
 * with a snapshot made once; every other property and method is the machine's own, so `transition` behaves
 * exactly as on the machine itself (the property tests and the engine tests run through it).
 */
const transitionLogic = new WeakMap<AnyStateMachine, AnyStateMachine>();
function logicFor(mechanic: AnyMechanic): AnyStateMachine {
  let logic = transitionLogic.get(mechanic.machine);
  if (!logic) {
    const machine = mechanic.machine;
    const initial = machine.resolveState({
      value: machine.root.initial?.target?.[0]?.key ?? '',
      context: {},
    });
    logic = Object.create(machine, { getInitialSnapshot: { value: () => initial } }) as AnyStateMachine;
    transitionLogic.set(machine, logic);
  }
  return logic;
}

/** Applies one event with xstate's pure `transition()`. Null when the machine does not take it. */
export function step(
  mechanic: AnyMechanic,
  snapshot: AnyMachineSnapshot,
  event: AppliedEvent,
): { snapshot: AnyMachineSnapshot; effects: EffectDraft[]; releases: Release[] } | null {
  const [next, actions] = transition(logicFor(mechanic), snapshot, event as never);
  if (next === snapshot) return null;
  const effects: EffectDraft[] = [];
  const releases: Release[] = [];
  for (const action of actions as readonly { type: string; params?: unknown }[]) {
    if (action.type === 'effect') effects.push(action.params as EffectDraft);
    else if (action.type === 'effects') effects.push(...(action.params as EffectDraft[]));
    else if (action.type === 'release') releases.push(...(action.params as Release[]));
  }
  return { snapshot: next, effects, releases };
}

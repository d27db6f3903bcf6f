import type { Actor, Notice } from '../mechanics/mechanic.js';
import type { Store } from '../store/store.js';
import type { BatchDeps, PendingEvent } from './apply-batch.js';
import type { Applied, Outcome } from './apply-events.js';
import { claimKey, eventKey } from './apply-events.js';
import type { LoadedInstance } from './instance-cache.js';
import { stateOf } from './machine-step.js';
import type { InstanceView } from './types.js';

/** Every key the batch's events could take: event ids and claims. */
export function batchKeys(instance: LoadedInstance, items: readonly PendingEvent[]): string[] {
  const keys = new Set<string>();
  for (const { event } of items) {
    keys.add(eventKey(event));
    for (const claim of instance.mechanic.claims(event)) keys.add(claimKey(claim));
  }
  return [...keys];
}

/** Adds the keys the store already holds among `keys` to `known`. */
export async function learn(
  store: Store,
  instanceId: string,
  keys: readonly string[],
  known: Set<string>,
): Promise<void> {
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length === 0) return;
  const seen = await store.seen(instanceId, unknown);
  unknown.forEach((key, i) => {
    if (seen[i]) known.add(key);
  });
}

/**
 * An event refused by a rule (floor reached, ended…) was never checked against the store's keys. If it is a retry
 * of an applied event it must still answer `duplicate`, and a friend who already helped must hear that rather than
 * a later rule. One lookup, and only for batches with such refusals; the committed state is unaffected.
 */
export async function settleRejections(
  store: Store,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  applied: Applied,
  known: Set<string>,
): Promise<readonly Outcome[]> {
  const { mechanic } = instance;
  const ruled = items.filter((item, i) => applied.outcomes[i]?.kind === 'rejected' && !item.blocked);
  if (ruled.length === 0) return applied.outcomes;
  await learn(store, instance.id, batchKeys(instance, ruled), known);
  return applied.outcomes.map((outcome, i) => {
    const event = (items[i] as PendingEvent).event;
    if (outcome.kind !== 'rejected' || (items[i] as PendingEvent).blocked) return outcome;
    if (known.has(eventKey(event))) return { kind: 'duplicate' };
    const claims = mechanic.claims(event).map(claimKey);
    if (claims.some((c) => known.has(c))) {
      return { kind: 'rejected', reason: mechanic.claimTakenReason };
    }
    return outcome;
  });
}

/**
 * Adds `view` as an enumerable, memoised getter: computed on first read (and by JSON.stringify), so callers
 * that only need the status do not pay for a view of the hot instance per event.
 */
function withView<T extends object>(
  result: T,
  compute: () => InstanceView,
): T & { readonly view: InstanceView } {
  let view: InstanceView | undefined;
  return Object.defineProperty(result, 'view', {
    enumerable: true,
    get: () => {
      view ??= compute();
      return view;
    },
  }) as T & { readonly view: InstanceView };
}

export function answer(
  deps: BatchDeps,
  instance: LoadedInstance,
  items: readonly PendingEvent[],
  outcomes: readonly Outcome[],
  notices: ReadonlyMap<string, Notice>,
  isTaken: (key: string) => boolean,
): void {
  const { mechanic } = instance;
  const state = stateOf(instance.snapshot);
  const now = deps.now();
  const viewFor = (actor: Actor) => () => {
    const viewerClaims = new Set(mechanic.viewerClaims(actor.id).filter((c) => isTaken(claimKey(c))));
    return mechanic.view(state, actor, { now, viewerClaims }) as InstanceView;
  };
  items.forEach((item, i) => {
    const outcome = outcomes[i] as Outcome;
    const { actor, eventId } = item.event;
    const base = { instanceId: instance.id, eventId };
    if (outcome.kind === 'failed') {
      item.reject(outcome.error);
      return;
    }
    if (outcome.kind === 'rejected') {
      const detail = outcome.detail === undefined ? {} : { detail: outcome.detail };
      item.resolve(
        withView({ status: 'rejected' as const, ...base, reason: outcome.reason, ...detail }, viewFor(actor)),
      );
      return;
    }
    const result = {
      status: 'accepted' as const,
      ...base,
      version: instance.version,
      duplicate: outcome.kind === 'duplicate',
      effects: outcome.kind === 'applied' ? outcome.effects : [],
      review: item.review,
    };
    const notice = outcome.kind === 'applied' ? notices.get(eventId) : undefined;
    item.resolve(withView(result, viewFor(actor)), notice ? [notice] : []);
  });
}

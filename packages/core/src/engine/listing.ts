import type { AnyMachineSnapshot } from 'xstate';
import type { AnyMechanic } from '../mechanics/mechanic.js';
import type { ScoreIncrement, Store } from '../store/store.js';
import { stateOf } from './machine-step.js';

/**
 * The campaign-wide listing of instances that take newcomers (`Mechanic.listing`), kept on a store board: one
 * entry per instance, its score the mechanic's listing value. Commits post the change as an increment keyed by the
 * version they write, so a re-post (after a crash, see `persist`) changes nothing.
 */
export const listingBoard = (campaignId: string) => `${campaignId}:listing`;

/** The increment a commit from `before` to `after` owes the listing (none if the value did not change). */
export function listingChange(
  mechanic: AnyMechanic,
  ids: { readonly campaignId: string; readonly instanceId: string; readonly version: number },
  before: AnyMachineSnapshot | null,
  after: AnyMachineSnapshot,
  at: number,
): ScoreIncrement[] {
  if (!mechanic.listing) return [];
  const delta = mechanic.listing(stateOf(after)) - (before ? mechanic.listing(stateOf(before)) : 0);
  if (delta === 0) return [];
  const { campaignId, instanceId, version } = ids;
  return [
    { board: listingBoard(campaignId), member: instanceId, delta, at, key: `${instanceId}:v${version}` },
  ];
}

/** Listed instances of a campaign that take newcomers, fullest first (a hint: each re-checks atomically). */
export async function listedInstances(store: Store, campaignId: string, limit: number): Promise<string[]> {
  const top = await store.topScores(listingBoard(campaignId), limit);
  return top.filter((entry) => entry.score > 0).map((entry) => entry.member);
}

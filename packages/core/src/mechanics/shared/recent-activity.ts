import { maskName } from '../../primitives/mask.js';

/** How many recent actions an instance keeps for its activity ticker (counts stay exact; the list is bounded). */
export const RECENT_ACTIVITY = 20;

/** Appends to a bounded, oldest-first list without mutating it. */
export function appendRecent<T>(list: readonly T[], item: T): T[] {
  return list.length < RECENT_ACTIVITY ? [...list, item] : [...list.slice(1), item];
}

/** Newest first, with every name but the viewer's own masked. */
export function publicRecent<T extends { readonly by: string }>(list: readonly T[], viewerId: string): T[] {
  return list.map((item) => (item.by === viewerId ? item : { ...item, by: maskName(item.by) })).reverse();
}

import { nanoid } from 'nanoid';

/**
 * Produces a fresh unique id on each call. Injected so tests get predictable ids.
 *
 * @example
 * const ids: IdSource = sequentialIds('inst');
 * createEngine({ campaigns, ids });
 */
export type IdSource = () => string;

/**
 * URL-safe random ids (nanoid, 21 characters by default).
 *
 * @example
 * const ids = nanoidSource(16);
 * console.log(ids().length); // 16
 */
export function nanoidSource(size = 21): IdSource {
  return () => nanoid(size);
}

/**
 * `prefix-1`, `prefix-2`, …: predictable ids for tests and examples.
 *
 * @example
 * const ids = sequentialIds('inst');
 * console.log(ids(), ids()); // 'inst-1' 'inst-2'
 */
export function sequentialIds(prefix = 'id'): IdSource {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

import { nanoid } from 'nanoid';

/** Produces a fresh unique id on each call. Injected so tests get predictable ids. */
export type IdSource = () => string;

/** URL-safe random ids (nanoid, 21 characters by default). */
export function nanoidSource(size = 21): IdSource {
  return () => nanoid(size);
}

/** `prefix-1`, `prefix-2`, …: predictable ids for tests and examples. */
export function sequentialIds(prefix = 'id'): IdSource {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

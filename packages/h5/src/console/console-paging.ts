/** Where a page of a newest-first list starts: after the record with this `at` and `id` (the last one shown). */
export interface Cursor {
  readonly at: number;
  readonly id: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** The cursor of the next page, or null when this is the last one. */
  readonly next: string | null;
  /** The list read was the store's most (`MAX_RECORDS_LISTED`) and this page reaches its end: older ones exist. */
  readonly truncated: boolean;
}

/**
 * `"<at>:<id>"` → a cursor, or null (none, or not one).
 *
 * @example
 * parseCursor(url.searchParams.get('after')); // { at: 1764640800000, id: 'inst/evt' } or null
 */
export function parseCursor(text: string | null): Cursor | null {
  const match = text === null ? null : /^(\d{1,15}):(.{1,300})$/s.exec(text);
  return match ? { at: Number(match[1]), id: match[2] as string } : null;
}

/**
 * The cursor text of a record (what `parseCursor` reads).
 *
 * @example
 * cursorOf(entry.at, entry.id); // '1764640800000:key-0'
 */
export const cursorOf = (at: number, id: string) => `${at}:${id}`;

/** Whether `key` comes after `cursor` in newest-first order (`at` descending, then `id` descending). */
const after = (key: Cursor, cursor: Cursor) =>
  key.at < cursor.at || (key.at === cursor.at && key.id < cursor.id);

/**
 * One page of a newest-first list (as `listRecords` answers), starting after `cursor`. The cursor names a record, not
 * a position, so records added on top meanwhile (a new held event, a new audit entry) shift nothing: the next page
 * goes on where this one ended. `full`: the list was cut at the store's maximum, so older records exist beyond it.
 *
 * @example
 * const page = pageOf(entries, (e) => e, parseCursor(after), 50, entries.length === MAX_RECORDS_LISTED);
 */
export function pageOf<T>(
  newestFirst: readonly T[],
  keyOf: (item: T) => Cursor,
  cursor: Cursor | null,
  size: number,
  full: boolean,
): Page<T> {
  const rest = cursor === null ? newestFirst : newestFirst.filter((item) => after(keyOf(item), cursor));
  const items = rest.slice(0, size);
  const last = items.at(-1);
  const more = rest.length > size;
  return {
    items,
    next: more && last ? cursorOf(keyOf(last).at, keyOf(last).id) : null,
    truncated: !more && full && rest.length > 0,
  };
}

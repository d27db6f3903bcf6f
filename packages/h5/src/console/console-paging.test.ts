import { describe, expect, it } from 'vitest';
import { cursorOf, pageOf, parseCursor } from './console-paging.js';

const rows = [
  { at: 30, id: 'c' },
  { at: 20, id: 'b2' },
  { at: 20, id: 'b1' },
  { at: 10, id: 'a' },
];
const key = (r: { at: number; id: string }) => r;

describe('console paging', () => {
  it('goes on after the named record, whatever was added on top', () => {
    const first = pageOf(rows, key, null, 2, false);
    expect(first.items.map((r) => r.id)).toEqual(['c', 'b2']);
    expect(first.next).toBe('20:b2');
    const grown = [{ at: 40, id: 'new' }, ...rows];
    const second = pageOf(grown, key, parseCursor(first.next), 2, false);
    expect(second.items.map((r) => r.id)).toEqual(['b1', 'a']);
    expect(second.next).toBeNull();
    expect(second.truncated).toBe(false);
  });

  it('says when the list was cut at the store maximum and this page reaches its end', () => {
    expect(pageOf(rows, key, parseCursor('20:b2'), 2, true).truncated).toBe(true);
    expect(pageOf(rows, key, null, 2, true).truncated).toBe(false);
  });

  it('reads only its own cursors', () => {
    expect(parseCursor(cursorOf(5, 'inst/a:b'))).toEqual({ at: 5, id: 'inst/a:b' });
    expect(parseCursor('x:y')).toBeNull();
    expect(parseCursor(null)).toBeNull();
  });
});

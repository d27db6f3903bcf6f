import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store.js';
import { attributionRace, noLoops } from './attribution-race.test-utils.js';

describe('referral under concurrency (memory store)', () => {
  it('1,000 friends accepting three invites at once belong to exactly one referrer each; no loop forms', async () => {
    const { accepted, failures } = await attributionRace(createMemoryStore());
    expect(failures).toEqual([]);
    const referees = accepted.map((e) => e.payload.referee);
    expect(new Set(referees).size).toBe(referees.length);
    expect(referees.filter((r) => String(r).startsWith('f'))).toHaveLength(1_000);
    expect(noLoops(accepted)).toBe(true);
  });
});

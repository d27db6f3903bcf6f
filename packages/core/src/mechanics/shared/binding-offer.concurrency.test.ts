import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store.js';
import { bindingOfferRace } from './binding-offer-race.test-utils.js';

const reasonOf = (r: { status: string; reason?: string }) => (r.status === 'rejected' ? r.reason : r.status);
const count = (answers: { status: string; reason?: string }[]) => {
  const out: Record<string, number> = {};
  for (const a of answers) out[String(reasonOf(a))] = (out[String(reasonOf(a))] ?? 0) + 1;
  return out;
};

describe('binding offer under concurrency (memory store, two engines)', () => {
  it('120 racing launches against budget for 30: exactly 30 reserve, every one is bought, late launches refused', async () => {
    const { started, helps, purchases, lateStarts, purchased } = await bindingOfferRace(createMemoryStore());
    expect(count(started)).toEqual({ accepted: 30, 'budget-exhausted': 90 });
    expect(count(helps)).toEqual({ accepted: 150 });
    expect(count(purchases)).toEqual({ accepted: 30 });
    expect(count(lateStarts)).toEqual({ 'budget-exhausted': 40 });
    expect(purchased).toHaveLength(30);
  });
});

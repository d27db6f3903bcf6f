import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { bargainCampaignInput } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { InstanceCache } from './instance-cache.js';

const campaign = defineCampaign(bargainCampaignInput(), 'bargain');
const campaigns = new Map([[campaign.id, campaign]]);
const entry = (id: string) => ({ id, campaign, version: 1 }) as never;

describe('the instance cache', () => {
  it('keeps its estimated bytes within the budget, dropping the least recently written first', () => {
    const cache = new InstanceCache(createMemoryStore() as Store, campaigns, undefined, 10 * 800);
    for (let i = 0; i < 25; i++) cache.set(entry(`i${i}`));
    expect(cache.bytes).toBeLessThanOrEqual(10 * 800);
    expect(cache.peek('i24')).toBeDefined();
    expect(cache.peek('i15')).toBeDefined();
    expect(cache.peek('i14')).toBeUndefined();
  });

  it('counts the keys known for an instance, and forgets them with it', () => {
    const cache = new InstanceCache(createMemoryStore() as Store, campaigns, undefined, 4_000);
    cache.set(entry('hot'));
    const keys = cache.knownKeys('hot');
    for (let k = 0; k < 20; k++) keys.add(`e:${k}`);
    cache.set(entry('hot'));
    expect(cache.bytes).toBe(800 + 20 * 100);
    cache.set(entry('other'));
    // 2,800 + 800 > 4,000 would not hold a third entry; two fit.
    expect(cache.bytes).toBe(3_600);
    cache.set(entry('third'));
    expect(cache.peek('hot')).toBeUndefined();
    expect(cache.knownKeys('hot').size).toBe(0);
    expect(cache.bytes).toBe(1_600);
  });

  it('also honours a count limit when one is given', () => {
    const cache = new InstanceCache(createMemoryStore() as Store, campaigns, 3);
    for (let i = 0; i < 5; i++) cache.set(entry(`i${i}`));
    expect(['i0', 'i1', 'i2', 'i3', 'i4'].map((id) => cache.peek(id) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    cache.evict('i3');
    expect(cache.bytes).toBe(1_600);
  });
});

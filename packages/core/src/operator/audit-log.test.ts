import { describe, expect, it } from 'vitest';
import { isLiebianError } from '../errors/liebian-error.js';
import { createMemoryStore } from '../store/memory-store.js';
import { auditLog } from './audit-log.js';

const by = { id: 'olga', role: 'operator' };
const action = (id: string) => ({
  id,
  by,
  action: 'campaign.pause',
  target: 'campaign:c1',
  campaignId: 'c1',
});

describe('the audit log', () => {
  it('runs an action once per key and records who, when, before and after', async () => {
    let now = 1_000;
    const audit = auditLog(createMemoryStore(), () => now);
    let runs = 0;
    const perform = async () => {
      runs++;
      return { before: { phase: 'live' }, after: { phase: 'paused' }, detail: '' };
    };
    const first = await audit.run(action('key-00001'), perform);
    now = 2_000;
    const second = await audit.run(action('key-00001'), perform);
    expect(runs).toBe(1);
    expect(first).toMatchObject({
      repeated: false,
      entry: { outcome: 'done', at: 1_000, by, after: { phase: 'paused' } },
    });
    expect(second).toEqual({ entry: first.entry, repeated: true });
    expect(await audit.list({ campaignId: 'c1' })).toEqual([first.entry]);
    expect(await audit.list({ campaignId: 'other' })).toEqual([]);
  });

  it('an action interrupted while started is done when its key comes again; a refusal is recorded as one', async () => {
    const audit = auditLog(createMemoryStore(), () => 1_000);
    await expect(
      audit.run(action('key-00002'), async () => {
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect((await audit.list())[0]?.outcome).toBe('started');
    const resumed = await audit.run(action('key-00002'), async () => ({ before: 1, after: 2, detail: '' }));
    expect(resumed).toMatchObject({ repeated: false, entry: { outcome: 'done', before: 1, after: 2 } });
    const refused = await audit.run(action('key-00003'), async () => ({
      before: 1,
      after: 1,
      detail: 'rules-frozen',
      refused: true,
    }));
    expect(refused.entry.outcome).toBe('refused');
  });

  it('refuses a malformed action key, naming it', async () => {
    const audit = auditLog(createMemoryStore(), () => 1_000);
    await expect(
      audit.run(action('short'), async () => ({ before: 0, after: 0, detail: '' })),
    ).rejects.toSatisfy((e) => isLiebianError(e, 'invalid-argument') && String(e).includes('"short"'));
  });
});

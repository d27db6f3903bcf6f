import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { isLiebianError } from '../../errors/liebian-error.js';
import { createManualClock } from '../../primitives/clock.js';
import { discloseSwap } from './disclosure.js';
import { DURING_SWAP, swapCampaignInput } from './swap-fixture.test-utils.js';

describe('swap listing input and rules', () => {
  it('refuses a listing without a valid item, naming the field', async () => {
    const engine = createEngine({ campaigns: [swapCampaignInput()], clock: createManualClock(DURING_SWAP) });
    const error = await engine
      .start('book-swap', { actor: { id: 'a' }, input: { item: { id: 'x y', title: '' } } })
      .catch((e: unknown) => e);
    expect(isLiebianError(error, 'invalid-event')).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'item.id',
      'item.title',
    ]);
  });

  it('discloses the proposal window, the counter, the handover and the one-promise rule', () => {
    const zh = discloseSwap(
      defineCampaign(swapCampaignInput({ allowCounter: true }), 'swap'),
      'zh-CN',
    ).lines.join('\n');
    for (const text of [
      '10 小时内可收到交换提议',
      '提议 2 小时内未答复自动失效；物主可以还价',
      '1 小时内为本次交换保留，同一物品不会同时承诺给两次交换',
    ]) {
      expect(zh).toContain(text);
    }
  });
});

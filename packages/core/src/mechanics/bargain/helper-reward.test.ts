import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from './bargain-fixture.test-utils.js';
import { compareBargainRules } from './compare-rules.js';
import { discloseBargain } from './disclosure.js';
import type { BargainView } from './view.js';

const REWARDS = [
  { id: 'tea-set', name: '青瓷茶具套装', kind: 'product', valueFen: 19900 },
  { id: 'tea-coupon', name: '5 元茶叶券', kind: 'coupon', valueFen: 500 },
];
const campaign = (firstHelpers = 3, budget = 100_000) =>
  defineCampaign(
    bargainCampaignInput(
      { helperReward: { rewardId: 'tea-coupon', firstHelpers }, helpersToFloor: 5 },
      { rewards: REWARDS, budget: { totalFen: budget } },
    ),
    'bargain',
  );

describe('帮砍得券 (rules.helperReward)', () => {
  it('refuses a reward the campaign does not have, and more than 20 seats', () => {
    const bad = bargainCampaignInput(
      { helperReward: { rewardId: 'nope', firstHelpers: 30 } },
      { rewards: REWARDS },
    );
    const issues = campaignIssues(bad);
    expect(issues.find((i) => i.path === 'rules.helperReward.rewardId')?.message).toMatch(
      /one of the campaign's rewards/,
    );
    expect(issues.find((i) => i.path === 'rules.helperReward.firstHelpers')?.message).toMatch(/at most 20/);
  });

  it('rewards the first N helpers once each, is disclosed, and shows the seats left', async () => {
    const c = campaign(3);
    const h = engineHarness(c, DURING_CAMPAIGN, 1);
    await h.engine.start(c.id, { actor: { id: 'amy' }, instanceId: 'b' });
    for (const f of ['f1', 'f2', 'f3', 'f4'])
      await h.engine.send('b', { type: 'bargain.help' }, { actor: { id: f } });
    const rewarded = h.effects.filter((e) => e.type === 'bargain.helper-rewarded');
    expect(rewarded.map((e) => [e.payload.helper, e.payload.rewardId])).toEqual([
      ['f1', 'tea-coupon'],
      ['f2', 'tea-coupon'],
      ['f3', 'tea-coupon'],
    ]);
    expect(((await h.engine.view('b', { id: 'amy' })) as BargainView).helperReward).toEqual({
      rewardId: 'tea-coupon',
      firstHelpers: 3,
      left: 0,
    });
    expect(discloseBargain(c, 'zh-CN').lines).toContain(
      '每个砍价的前 3 位帮砍好友各得「5 元茶叶券」，按帮砍先后计；奖励在发起砍价时预留，预算不足时不能发起。',
    );
    await h.engine.dispose();
  });

  it('stays within budget: a launch that cannot cover its seats is refused; seats nobody took return at the end', async () => {
    // The launch reserves the most subsidy (¥199.00 − ¥9.90) and three ¥5 seats: this covers one bargain, not two.
    const subsidy = 19_900 - 990;
    const c = campaign(3, subsidy + 1_500);
    const h = engineHarness(c, DURING_CAMPAIGN, 1);
    expect((await h.engine.start(c.id, { actor: { id: 'amy' }, instanceId: 'a' })).status).toBe('accepted');
    const second = await h.engine.start(c.id, { actor: { id: 'bo' }, instanceId: 'b' });
    expect(second.status === 'rejected' && second.reason).toBe('budget-exhausted');
    await h.engine.send('a', { type: 'bargain.help' }, { actor: { id: 'f1' } });
    await h.engine.send('a', { type: 'bargain.cancel' }, { actor: { id: 'amy' } });
    // The subsidy and two seats came back (¥10): a bargain needing three seats (¥15) still cannot start.
    const after = await h.engine.start(c.id, { actor: { id: 'bo' }, instanceId: 'b2' });
    expect(after.status === 'rejected' && after.reason).toBe('budget-exhausted');
    const reserved = await h.store.reserve({
      counter: `${c.id}:budget`,
      holder: 'probe',
      qty: subsidy + 1_000,
      capacity: subsidy + 1_500,
    });
    expect(reserved).toMatchObject({ ok: true, remaining: 0 });
    await h.engine.dispose();
  });

  it('over random help counts: exactly min(helps, N) helpers rewarded, each once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), async (n, helps) => {
        const c = campaign(n);
        const h = engineHarness(c, DURING_CAMPAIGN, 5);
        await h.engine.start(c.id, { actor: { id: 'amy' }, instanceId: 'b' });
        for (let i = 0; i < helps; i++) {
          await h.engine.send('b', { type: 'bargain.help', eventId: `h${i}` }, { actor: { id: `f${i}` } });
          await h.engine.send('b', { type: 'bargain.help', eventId: `h${i}` }, { actor: { id: `f${i}` } }); // a retry
        }
        const applied = ((await h.engine.view('b', null)) as BargainView).helps.count;
        const rewarded = h.effects
          .filter((e) => e.type === 'bargain.helper-rewarded')
          .map((e) => e.payload.helper);
        expect(rewarded).toHaveLength(Math.min(applied, n));
        expect(new Set(rewarded).size).toBe(rewarded.length);
        await h.engine.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('fewer seats or another reward on a live campaign is refused', () => {
    expect(compareBargainRules(campaign(3), campaign(2)).map((i) => i.path)).toEqual([
      'rules.helperReward.firstHelpers',
    ]);
    expect(compareBargainRules(campaign(3), campaign(5))).toEqual([]);
  });
});

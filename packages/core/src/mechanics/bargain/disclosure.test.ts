import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { bargainCampaignInput } from './bargain-fixture.test-utils.js';
import { discloseBargain } from './disclosure.js';
import type { BargainCampaign } from './schema.js';

const disclose = (
  rules: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  locale: 'zh-CN' | 'en' = 'zh-CN',
) =>
  discloseBargain(defineCampaign(bargainCampaignInput(rules, extra)) as BargainCampaign, locale).lines.join(
    '\n',
  );

describe('bargain rules disclosure', () => {
  it('says a struck-through price has no basis when none is configured, and labels an MSRP as one', () => {
    expect(disclose({})).toContain('划线价 ¥199.00 未注明依据。');
    expect(
      disclose(
        {},
        {
          disclosure: {
            organizer: { name: 'x', contact: '400-800-1234' },
            referencePrice: { basis: 'msrp' },
          },
        },
      ),
    ).toContain('划线价 ¥199.00 为厂商建议零售价。');
  });

  it('states prices, helpers and the exact cut rule from the fields', () => {
    const zh = disclose({
      originalPrice: 29900,
      floorPrice: 100,
      helpersToFloor: 4,
      cut: { strategy: 'fixed', amount: 7500 },
    });
    expect(zh).toContain('原价 ¥299.00，最低可砍至 ¥1.00');
    expect(zh).toContain('需要 4 位好友助力：第 4 位好友砍完恰好到底价');
    expect(zh).toContain('每位好友砍 ¥75.00，第 4 位好友砍 ¥73.00 到底价');
    const en = disclose(
      { originalPrice: 29900, floorPrice: 100, helpersToFloor: 4, cut: { strategy: 'fixed', amount: 7500 } },
      {},
      'en',
    );
    expect(en).toContain('friend 4 cuts ¥73.00 to reach the floor');
  });

  it.each([
    [{ cut: { strategy: 'uniform', min: 100, max: 9000 } }, '¥1.00–¥90.00'],
    [
      { cut: { strategy: 'ratio-of-remaining', minRatio: 0.3, maxRatio: 0.5, reservePerHelper: 5 } },
      '随机砍去可砍金额的 30%–50%（可砍金额 = 剩余金额减去为之后每位好友保留的 ¥0.05），每刀至少 ¥0.05',
    ],
    [
      { cut: { strategy: 'double-mean', min: 20 } },
      '随机砍 ¥0.20 至「剩余金额 ÷ 含本人在内尚需的人数 × 2」（二倍均值法），并为之后每位好友至少保留 ¥0.20',
    ],
    [{ purchasableAt: 'helpers', purchasableAfterHelpers: 3 }, '获得 3 位好友助力后即可按当前价格购买'],
    [{ purchasableAt: 'any', payWindowMinutes: 90 }, '时限结束后仍可在 90 分钟内'],
    [{ timeLimitMinutes: 2880 }, '发起后 2 天内有效'],
    [{ helperQuotaPerCampaign: 2, launchesPerUser: 3 }, '最多帮 2 位发起人砍价'],
    [{ newUserBoost: 2, selfCut: true }, '新用户助力时砍价力度 ×2：随机砍去可砍金额的 40%–100%'],
    [
      { newUserBoost: 3, cut: { strategy: 'double-mean', min: 20 } },
      '新用户助力时砍价力度 ×3：随机砍 ¥0.60 至「剩余金额 ÷ 含本人在内尚需的人数 × 6」',
    ],
    [
      { newUserBoost: 1.5, helpersToFloor: 10, cut: { strategy: 'uniform', min: 100, max: 2000 } },
      '新用户助力时砍价力度 ×1.5：随机砍 ¥1.50–¥30.00；为保证第 10 位好友恰好砍到底价，金额在 ¥1.00–¥30.00 内调整',
    ],
  ])('reflects %j', (rules, text) => {
    expect(disclose(rules)).toContain(text);
  });

  it('discloses anti-abuse, stock, budget, organiser and extra terms', () => {
    const zh = disclose(
      {},
      {
        antiAbuse: { newUsersOnly: true, maxActionsPerActorPerDay: 3 },
        stock: { total: 50 },
        budget: { totalFen: 100000 },
        disclosure: {
          organizer: { name: '某某茶业', contact: 'help@example.com' },
          eligibility: '中国大陆地区年满 18 周岁的用户',
          referencePrice: { basis: 'lowest-7-days' },
          extraTerms: ['不与其他优惠同享。'],
        },
        rewards: [
          {
            id: 'tea-set',
            name: '青瓷茶具套装',
            kind: 'product',
            valueFen: 19900,
            quantity: 50,
            fulfilment: { method: 'shipping', feeFen: 800, withinDays: 7 },
          },
        ],
      },
    );
    for (const text of [
      '参与条件：中国大陆地区年满 18 周岁的用户。',
      '「青瓷茶具套装」：价值 ¥199.00；共 50 份；快递寄送，需支付 ¥8.00，获得后 7 天内发放。',
      '划线价 ¥199.00 为活动开始前 7 日内的最低成交价，并非厂商建议零售价。',
      '仅新用户可以助力',
      '每人每天最多助力 3 次',
      '共 50 份',
      '¥1,000.00',
      '某某茶业',
      'help@example.com',
      '不与其他优惠同享。',
    ]) {
      expect(zh).toContain(text);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { couponCampaignInput } from './coupon-fixture.test-utils.js';
import { discloseCoupon } from './disclosure.js';

const issues = campaignIssues;

describe('coupon campaign validation', () => {
  it.each([
    [
      'a discount not below its threshold',
      { coupon: { discountFen: 3000, thresholdFen: 3000, validity: { days: 7 } } },
      'rules.coupon.discountFen',
      /below thresholdFen \(3000\)/,
    ],
    [
      'a pool too small for its parts',
      { mode: 'pool', amountFen: 300, size: 4, minPartFen: 100 },
      'rules.amountFen',
      /4 parts of at least 100 分 \(400\)/,
    ],
    [
      'a validity window that ends before it starts',
      {
        coupon: {
          discountFen: 100,
          validity: { from: '2026-12-10T00:00:00+08:00', until: '2026-12-01T00:00:00+08:00' },
        },
      },
      'rules.coupon.validity',
      /from, until|until must be after from/,
    ],
    ['an unknown mode', { mode: 'lottery' }, 'rules.mode', /share or pool/],
  ])('rejects %s', (_name, rules, path, message) => {
    const found = issues(couponCampaignInput(rules));
    const issue = found.find((i) => i.path.startsWith(path));
    expect(issue, JSON.stringify(found)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });
});

describe('coupon rules disclosure', () => {
  it('states a share: the coupon, friends per share, the sharer reward and validity', () => {
    const zh = discloseCoupon(defineCampaign(couponCampaignInput(), 'coupon'), 'zh-CN').lines.join('\n');
    for (const text of [
      '「满 ¥30.00 减 ¥5.00 优惠券」',
      '每个分享最多 5 位好友领取',
      '每个分享最多 2 张',
      '领取后 7 天内有效',
      '每人在本活动中最多领取 1 张',
    ]) {
      expect(zh).toContain(text);
    }
  });

  it('states a pool: the amount, the split and what happens on timeout', () => {
    const equal = defineCampaign(
      couponCampaignInput({ mode: 'pool', amountFen: 1003, size: 4, split: 'equal', minPartFen: 1 }),
      'coupon',
    );
    const zh = discloseCoupon(equal, 'zh-CN').lines.join('\n');
    expect(zh).toContain('4 人成团，瓜分 ¥10.03 优惠券');
    expect(zh).toContain('每人 ¥2.50，不能整除的 ¥0.03 由最先加入的 3 人各多得 ¥0.01');
    expect(zh).toContain('到期未满 4 人则瓜分失败');
    const en = discloseCoupon(
      defineCampaign(couponCampaignInput({ mode: 'pool', onTimeout: 'split-among-joined' }), 'coupon'),
      'en',
    );
    expect(en.lines.join('\n')).toContain('at least 2 have joined, they split the whole amount');
  });

  it('states a random split with its exact smallest and largest part', () => {
    const random = defineCampaign(
      couponCampaignInput({
        mode: 'pool',
        amountFen: 5000,
        size: 4,
        split: 'random',
        minPartFen: 1,
        onTimeout: 'split-among-joined',
      }),
      'coupon',
    );
    const zh = discloseCoupon(random, 'zh-CN').lines.join('\n');
    expect(zh).toContain('满 4 人时每人 ¥0.01–¥49.97，各份之和恰好为 ¥50.00');
    expect(zh).toContain('每人 ¥0.01 至 ¥50.00 减去 (n − 1) × ¥0.01');
  });
});

import { describe, expect, it } from 'vitest';
import { bargainCampaignInput } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { couponCampaignInput } from '../mechanics/coupon/coupon-fixture.test-utils.js';
import { groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { referralCampaignInput } from '../mechanics/referral/referral-fixture.test-utils.js';
import { lintCampaign } from './compliance-lint.js';
import { defineCampaign } from './define-campaign.js';

const rules = (input: unknown) =>
  lintCampaign(defineCampaign(input)).map((f) => `${f.rule}:${f.severity}:${f.path}`);

describe('compliance lint', () => {
  it('flags friend-driven rewards on wechat-h5 and passes them in a mini-program', () => {
    expect(rules(bargainCampaignInput())).toEqual(['WX-01:error:kind']);
    expect(rules(bargainCampaignInput({}, { channel: 'mini-program' }))).toEqual([]);
    expect(rules(groupBuyCampaignInput())).toEqual([]);
    // 邀请有礼: rewarding the referrer per invited friend through an H5 link is 2.1.2; a friend-only gift is not.
    expect(rules(referralCampaignInput({}, { channel: 'wechat-h5' }))).toEqual(['WX-01:error:kind']);
    expect(rules(referralCampaignInput({ referrerReward: undefined }, { channel: 'wechat-h5' }))).toEqual([]);
  });

  it('flags inducing copy, follow-for-reward and 最终解释权, naming the field', () => {
    const found = rules(
      groupBuyCampaignInput(
        {},
        {
          page: {
            hook: { title: '分享到朋友圈立减', subtitle: '关注公众号领取优惠券' },
            cta: { headline: '快来拼团' },
          },
          disclosure: {
            organizer: { name: 'x', contact: '400-800-1234' },
            extraTerms: ['本活动最终解释权归主办方所有'],
          },
        },
      ),
    );
    expect(found).toEqual([
      'WX-02:warning:page.hook.title',
      'WX-06:error:page.hook.subtitle',
      'COPY-01:error:disclosure.extraTerms[0]',
    ]);
  });

  it('caps a random pool split at ¥50,000 (lottery-type prize)', () => {
    const pool = (amountFen: number) =>
      couponCampaignInput({ mode: 'pool', amountFen, size: 4 }, { channel: 'app' });
    expect(rules(pool(5_000_000))).toEqual([]);
    expect(rules(pool(5_000_001))).toEqual(['PROMO-07:error:rules.amountFen']);
  });
});

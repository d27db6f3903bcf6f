import { describe, expect, it } from 'vitest';
import { bargainCampaignInput } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { couponCampaignInput } from '../mechanics/coupon/coupon-fixture.test-utils.js';
import { groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { referralCampaignInput } from '../mechanics/referral/referral-fixture.test-utils.js';
import { lintCampaign } from './compliance-lint.js';
import { defineCampaign } from './define-campaign.js';
import { normalise } from './lint/normalise.js';
import { shareCard } from './share-card.js';

const rules = (input: unknown) =>
  lintCampaign(defineCampaign(input)).map((f) => `${f.rule}:${f.severity}:${f.path}`);
const withBasis = {
  disclosure: {
    organizer: { name: '青山茶业', contact: '400-800-1234' },
    referencePrice: { basis: 'lowest-7-days' },
  },
};

describe('normalise', () => {
  it.each([
    ['最终 解释权', '最终解释权'],
    ['最終　解釋權', '最终解释权'],
    ['集满 ３０ 个赞', '集满30个赞'],
    ['已有 128,000 人参与', '已有128000人参与'],
    ['最·终·解·释·权', '最终解释权'],
    ['Share  WITH Friends', 'share with friends'],
  ])('%s → %s', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

describe('compliance lint', () => {
  it('flags friend-driven rewards on wechat-h5 and passes them in a mini-program', () => {
    expect(rules(bargainCampaignInput({}, { channel: 'wechat-h5', ...withBasis }))).toContain(
      'WX-01:error:kind',
    );
    expect(rules(bargainCampaignInput({}, { channel: 'mini-program', ...withBasis }))).not.toContain(
      'WX-01:error:kind',
    );
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
            cta: { headline: '快来拼团', shareDesc: '帮我砍一刀' },
          },
          disclosure: { ...withBasis.disclosure, extraTerms: ['本活动最终 解释权归主办方所有'] },
        },
      ),
    );
    expect(found).toEqual([
      'WX-02:error:page.hook.title',
      'WX-06:error:page.hook.subtitle',
      'WX-02:error:page.cta.shareDesc',
      'COPY-01:error:disclosure.extraTerms[0]',
    ]);
  });

  it('reads copy against the rules: the fixture bargain promises 0 元 for a ¥9.90 floor', () => {
    expect(rules(bargainCampaignInput({}, { channel: 'web', ...withBasis }))).toEqual([
      'COPY-02:error:page.hook.title',
    ]);
  });

  it('asks for the basis of a struck-through price and a notice for the lead form', () => {
    expect(
      rules(
        bargainCampaignInput(
          {},
          {
            channel: 'web',
            page: {
              hook: { title: '好友帮砍' },
              cta: { headline: '一起砍', leadForm: { purpose: '通知进度' } },
            },
          },
        ),
      ),
    ).toEqual(['PRICE-04:error:disclosure.referencePrice', 'PI-03:error:disclosure.privacy']);
  });

  it('caps a random pool split at ¥50,000 by its largest part (lottery-type prize)', () => {
    const pool = (amountFen: number) =>
      couponCampaignInput({ mode: 'pool', amountFen, size: 4, minPartFen: 1 }, { channel: 'app' });
    expect(rules(pool(5_000_003))).toEqual([]);
    expect(rules(pool(5_000_004))).toEqual(['PROMO-07:error:rules.amountFen']);
  });
});

describe('shareCard', () => {
  it('comes from the campaign fields the lint reads', () => {
    const c = defineCampaign(groupBuyCampaignInput());
    expect(shareCard(c)).toEqual({ title: c.page.hook.title, desc: c.page.cta.headline });
  });
});

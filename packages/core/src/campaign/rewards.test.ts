import { describe, expect, it } from 'vitest';
import { assistCampaignInput } from '../mechanics/assist/assist-fixture.test-utils.js';
import { mechanicFor } from '../mechanics/registry.js';
import { campaignIssues } from './campaign-issues.test-utils.js';
import { defineCampaign } from './define-campaign.js';

const withRewards = (rewards: unknown[]) =>
  assistCampaignInput({ tiers: [{ helps: 3, rewardId: 'vip' }] }, { rewards });
const VIP = { id: 'vip', name: '会员月卡', kind: 'membership', membershipDays: 30 };

describe('rewards that are not money', () => {
  it.each([
    [
      'membership without its days',
      { id: 'vip', name: '会员', kind: 'membership' },
      'rewards[0].membershipDays',
      /is required/,
    ],
    [
      'points without how many',
      { id: 'vip', name: '积分', kind: 'points' },
      'rewards[0].points',
      /is required/,
    ],
    [
      'days on a coupon',
      { id: 'vip', name: '券', kind: 'coupon', membershipDays: 3 },
      'rewards[0].membershipDays',
      /only applies to kind "membership" \(it is "coupon"\)/,
    ],
  ])('rejects %s', (_name, reward, path, message) => {
    expect(campaignIssues(withRewards([reward])).find((i) => i.path === path)?.message).toMatch(message);
  });

  it('discloses membership days and points exactly, in every mechanic', () => {
    const c = defineCampaign(
      withRewards([VIP, { id: 'pts', name: '积分奖励', kind: 'points', points: 500 }]),
      'assist',
    );
    const zh = mechanicFor('assist').disclose(c, 'zh-CN').lines;
    expect(zh).toContain('「会员月卡」：会员 30 天。');
    expect(zh).toContain('「积分奖励」：500 积分。');
    expect(mechanicFor('assist').disclose(c, 'en').lines).toContain('"会员月卡": 30 days of membership.');
  });

  it('fewer days or points on a live campaign is refused', () => {
    const live = defineCampaign(withRewards([VIP]), 'assist');
    const next = defineCampaign(withRewards([{ ...VIP, membershipDays: 7 }]), 'assist');
    expect(
      mechanicFor('assist')
        .compareRules(live, next)
        .map((i) => i.path),
    ).toEqual(['rewards[0].membershipDays']);
  });
});

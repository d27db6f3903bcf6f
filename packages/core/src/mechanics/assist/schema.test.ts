import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { assistCampaignInput } from './assist-fixture.test-utils.js';
import { discloseAssist } from './disclosure.js';

const issues = campaignIssues;

describe('assist campaign validation', () => {
  it('rejects tiers out of order and unknown rewards, naming each field', () => {
    const found = issues(
      assistCampaignInput({
        tiers: [
          { helps: 5, rewardId: 'latte' },
          { helps: 3, rewardId: 'mug' },
        ],
        helperRewardId: 'pen',
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'rules.tiers[1].helps',
          value: 3,
          message: expect.stringMatching(/more than the previous tier's 5/),
        }),
        expect.objectContaining({ path: 'rules.tiers[1].rewardId', value: 'mug' }),
        expect.objectContaining({ path: 'rules.helperRewardId', value: 'pen' }),
      ]),
    );
  });

  it('rejects an empty ladder', () => {
    expect(issues(assistCampaignInput({ tiers: [] }))[0]).toMatchObject({
      path: 'rules.tiers',
      message: expect.stringMatching(/at least one tier/),
    });
  });
});

describe('assist rules disclosure', () => {
  it('states the ladder, weights, helper reward and limits from the fields, in zh-CN and en', () => {
    const campaign = defineCampaign(
      assistCampaignInput({
        weights: { newUser: 2, existing: 1 },
        helperRewardId: 'thanks',
        helperQuotaPerCampaign: 3,
      }),
      'assist',
    );
    const zh = discloseAssist(campaign, 'zh-CN').lines.join('\n');
    for (const text of [
      '累计 4 点助力即完成任务',
      '累计 2 点：获得「5 元咖啡券」',
      '累计 4 点：获得「大杯拿铁」',
      '新用户助力计 2 点，老用户助力计 1 点',
      '为好友助力即可获得「1 元感谢券」',
      '最多为 3 个任务助力',
      '2 小时内有效',
    ]) {
      expect(zh).toContain(text);
    }
    const en = discloseAssist(campaign, 'en');
    expect(en.title).toBe('Assist rules');
    expect(en.lines.join('\n')).toContain('At 4 points: "大杯拿铁"');
  });
});

import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { discloseLeaderboard } from './disclosure.js';
import { leaderboardCampaignInput } from './leaderboard-fixture.test-utils.js';

describe('leaderboard campaign validation', () => {
  it('rejects prize ranks with gaps or overlaps and unknown rewards, naming each field', () => {
    const found = campaignIssues(
      leaderboardCampaignInput({
        prizes: [
          { fromRank: 1, toRank: 2, rewardId: 'phone' },
          { fromRank: 4, toRank: 5, rewardId: 'car' },
        ],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'rules.prizes[1].fromRank',
          value: 4,
          message: expect.stringMatching(/must be 3/),
        }),
        expect.objectContaining({ path: 'rules.prizes[1].rewardId', value: 'car' }),
      ]),
    );
  });

  it('rejects a duel with prizes past rank 2 and an unknown window type', () => {
    const duel = campaignIssues(
      leaderboardCampaignInput({ format: 'duel', prizes: [{ fromRank: 1, toRank: 3, rewardId: 'phone' }] }),
    );
    expect(duel[0]).toMatchObject({ path: 'rules.prizes', message: expect.stringMatching(/two sides/) });
    const window = campaignIssues(leaderboardCampaignInput({ window: { type: 'season' } }));
    expect(window[0]).toMatchObject({
      path: 'rules.window.type',
      message: expect.stringMatching(/rolling|calendar/),
    });
  });

  it('discloses the window, ranking, prizes and publication period from its own fields', () => {
    const campaign = defineCampaign(
      leaderboardCampaignInput({ ranking: 'dense', publicationHours: 48 }),
      'leaderboard',
    );
    const zh = discloseLeaderboard(campaign, 'zh-CN').lines.join('\n');
    expect(zh).toContain('自然周（周一 00:00 起）');
    expect(zh).toContain('1、2、2、3');
    expect(zh).toContain('第 1 名：「新款手机」');
    expect(zh).toContain('第 2–3 名：「50 元无门槛券」');
    expect(zh).toContain('公示 48 小时');
    const en = discloseLeaderboard(campaign, 'en').lines.join('\n');
    expect(en).toContain('Rank 2–3: "50 元无门槛券"');
    expect(en).not.toMatch(/undefined|NaN/);
  });
});

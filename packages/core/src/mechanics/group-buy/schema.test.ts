import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { discloseGroupBuy } from './disclosure.js';
import { groupBuyCampaignInput } from './group-buy-fixture.test-utils.js';

const issues = campaignIssues;

describe('group-buy campaign validation', () => {
  it.each([
    [
      'a group price that is no discount',
      { groupPriceFen: 15900 },
      'rules.groupPriceFen',
      /below originalPriceFen \(15900\)/,
    ],
    [
      'a leader price above the group price',
      { leaderPriceFen: 9901 },
      'rules.leaderPriceFen',
      /must not exceed groupPriceFen/,
    ],
    [
      'virtual fill without a threshold',
      { onTimeout: 'virtual-fill' },
      'rules.virtualFillThreshold',
      /is required/,
    ],
    [
      'a threshold at the group size',
      { onTimeout: 'virtual-fill', virtualFillThreshold: 3 },
      'rules.virtualFillThreshold',
      /below size \(3\)/,
    ],
    [
      'an unknown whenFull policy',
      { whenFull: 'join-anyway' },
      'rules.whenFull',
      /reject, overflow-to-open-group or open-new-group/,
    ],
  ])('rejects %s', (_name, rules, path, message) => {
    const issue = issues(groupBuyCampaignInput(rules)).find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });
});

describe('group-buy rules disclosure', () => {
  it('discloses prices, the pay window, refunds and a virtual fill', () => {
    const c = defineCampaign(
      groupBuyCampaignInput({ leaderPriceFen: 8900, onTimeout: 'virtual-fill', virtualFillThreshold: 2 }),
      'group-buy',
    );
    const zh = discloseGroupBuy(c, 'zh-CN').lines.join('\n');
    for (const text of [
      '原价 ¥159.00，3 人成团价 ¥99.00，团长价 ¥89.00',
      '须在 15 分钟内付款',
      '已有 2 人及以上付款即视为成团，空余名额由系统虚拟成员补足',
      '由最早参团的成员接任团长',
    ]) {
      expect(zh).toContain(text);
    }
    expect(
      discloseGroupBuy(defineCampaign(groupBuyCampaignInput(), 'group-buy'), 'en').lines.join('\n'),
    ).toContain('refunded on their own order');
  });
});

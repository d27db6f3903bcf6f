import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { isLiebianError } from '../../errors/liebian-error.js';
import { createManualClock } from '../../primitives/clock.js';
import { assistCampaignInput } from '../assist/assist-fixture.test-utils.js';
import { bargainCampaignInput } from '../bargain/bargain-fixture.test-utils.js';
import { couponCampaignInput } from '../coupon/coupon-fixture.test-utils.js';
import { groupBuyCampaignInput } from '../group-buy/group-buy-fixture.test-utils.js';
import { leaderboardCampaignInput } from '../leaderboard/leaderboard-fixture.test-utils.js';
import { referralCampaignInput } from '../referral/referral-fixture.test-utils.js';
import { mechanicFor } from '../registry.js';
import { swapCampaignInput } from '../swap/swap-fixture.test-utils.js';

type Input = (rules?: Record<string, unknown>, extra?: Record<string, unknown>) => Record<string, unknown>;

/** Per mechanic: changes worse for consumers (with the field each must name) and changes in their favour. */
const CASES: [
  kind: string,
  input: Input,
  worse: [Record<string, unknown>, string][],
  better: Record<string, unknown>[],
][] = [
  [
    'bargain',
    bargainCampaignInput,
    [
      [{ helpersToFloor: 8 }, 'rules.helpersToFloor'],
      [{ floorPrice: 1990 }, 'rules.floorPrice'],
      [{ payWindowMinutes: 5 }, 'rules.payWindowMinutes'],
      [{ cut: { strategy: 'ratio-of-remaining', minRatio: 0.1 } }, 'rules.cut.minRatio'],
      [{ newUserBoost: 1.2 }, 'rules.newUserBoost.minRatio'],
      [{ launchesPerUser: 1, helperQuotaPerCampaign: 1 }, 'rules.helperQuotaPerCampaign'],
    ],
    [
      { helpersToFloor: 4 },
      { floorPrice: 500 },
      { payWindowMinutes: 60 },
      { timeLimitMinutes: 2880 },
      { newUserBoost: 2 },
    ],
  ],
  [
    'group-buy',
    groupBuyCampaignInput,
    [
      [{ size: 5 }, 'rules.size'],
      [{ groupPriceFen: 12900 }, 'rules.groupPriceFen'],
      [{ payWindowMinutes: 5 }, 'rules.payWindowMinutes'],
      [{ newUsersOnly: 'members' }, 'rules.newUsersOnly'],
    ],
    [{ size: 2 }, { groupPriceFen: 8900 }, { whenFull: 'overflow-to-open-group' }, { leaderPriceFen: 0 }],
  ],
  [
    'assist',
    assistCampaignInput,
    [
      [{ tiers: [{ helps: 3, rewardId: 'coupon-5' }] }, 'rules.tiers[0].helps'],
      [{ timeLimitMinutes: 10 }, 'rules.timeLimitMinutes'],
    ],
    [{ timeLimitMinutes: 100_000 }],
  ],
  [
    'referral',
    referralCampaignInput,
    [
      [{ windowDays: 3 }, 'rules.windowDays'],
      [{ capPerReferrer: 1 }, 'rules.capPerReferrer'],
      [{ freezeDays: 30 }, 'rules.freezeDays'],
      [{ refereeReward: undefined }, 'rules.refereeReward'],
    ],
    [{ windowDays: 30 }, { capPerReferrer: 10 }, { freezeDays: 1 }],
  ],
  [
    'coupon',
    couponCampaignInput,
    [
      [{ friendsPerShare: 1 }, 'rules.friendsPerShare'],
      [{ timeLimitMinutes: 5 }, 'rules.timeLimitMinutes'],
    ],
    [{ friendsPerShare: 50 }],
  ],
  [
    'leaderboard',
    leaderboardCampaignInput,
    [
      [{ ties: 'last-place' }, 'rules.ties'],
      [{ prizes: [{ fromRank: 1, toRank: 1, rewardId: 'phone' }] }, 'rules.prizes (rank 2)'],
      [{ publicationHours: 72 }, 'rules.publicationHours'],
    ],
    [{ publicationHours: 0 }],
  ],
  [
    'swap',
    swapCampaignInput,
    [
      [{ allowCounter: false }, 'rules.allowCounter'],
      [{ handoverMinutes: 10 }, 'rules.handoverMinutes'],
    ],
    [{ handoverMinutes: 600 }],
  ],
];

const common: [Record<string, unknown>, string][] = [
  [
    { schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-20T00:00:00+08:00' } },
    'schedule.endsAt',
  ],
  [{ antiAbuse: { newUsersOnly: true } }, 'antiAbuse.newUsersOnly'],
  [
    { disclosure: { organizer: { name: '某某', contact: '400-800-1234' }, extraTerms: ['限本市'] } },
    'disclosure.extraTerms',
  ],
];

describe('frozen rules: compareRules per mechanic', () => {
  for (const [kind, input, worse, better] of CASES) {
    // The bargain starts with a new-user boost, so that losing or lowering it can be seen.
    const base = kind === 'bargain' ? { newUserBoost: 1.5 } : {};
    const compare = (rules: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      mechanicFor(kind as 'bargain').compareRules(
        defineCampaign(input(base)) as never,
        defineCampaign(input({ ...base, ...rules }, extra)) as never,
      );

    it(`${kind}: names the field of each change worse for consumers`, () => {
      for (const [rules, field] of worse) expect(compare(rules).map((i) => i.path)).toContain(field);
      for (const [extra, field] of common) expect(compare({}, extra).map((i) => i.path)).toContain(field);
    });

    it(`${kind}: lets neutral and favourable changes through`, () => {
      expect(compare({})).toEqual([]);
      for (const rules of better) expect(compare(rules)).toEqual([]);
      expect(compare({}, { status: 'paused' })).toEqual([]);
    });
  }
});

describe('frozen rules: engine.replaceCampaign', () => {
  const setup = (now: string) => {
    const campaign = defineCampaign(bargainCampaignInput({ newUserBoost: 1.5 }));
    const engine = createEngine({ campaigns: [campaign], clock: createManualClock(Date.parse(now)) });
    return engine;
  };

  it('refuses a worse change to a started campaign with an error naming the field, and keeps the old rules', () => {
    const engine = setup('2026-12-02T10:00:00+08:00');
    let caught: unknown;
    try {
      engine.replaceCampaign(
        bargainCampaignInput({ newUserBoost: 1.5, helpersToFloor: 8, payWindowMinutes: 5 }),
      );
    } catch (error) {
      caught = error;
    }
    expect(isLiebianError(caught, 'rules-frozen')).toBe(true);
    const issues = isLiebianError(caught) ? caught.issues.map((i) => [i.path, i.value]) : [];
    expect(issues).toEqual([
      ['rules.helpersToFloor', 8],
      ['rules.payWindowMinutes', 5],
    ]);
    expect(engine.disclose('spring-bargain', 'zh-CN').lines.join('\n')).toContain('需要 5 位好友助力');
  });

  it('takes favourable changes while live, and any change before the start', () => {
    const live = setup('2026-12-02T10:00:00+08:00');
    live.replaceCampaign(bargainCampaignInput({ newUserBoost: 1.5, helpersToFloor: 4 }));
    expect(live.disclose('spring-bargain', 'zh-CN').lines.join('\n')).toContain('需要 4 位好友助力');
    const scheduled = setup('2026-11-20T10:00:00+08:00');
    scheduled.replaceCampaign(bargainCampaignInput({ helpersToFloor: 8 }));
    expect(scheduled.disclose('spring-bargain', 'zh-CN').lines.join('\n')).toContain('需要 8 位好友助力');
  });
});

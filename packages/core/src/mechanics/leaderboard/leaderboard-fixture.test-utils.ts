/** A realistic leaderboard campaign definition (raw JSON form) for tests; override any rule. */
export function leaderboardCampaignInput(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'invite-board',
    kind: 'leaderboard',
    name: '邀请达人榜',
    channel: 'wechat-h5',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [
      { id: 'phone', name: '新款手机', kind: 'product', valueFen: 599900 },
      { id: 'coupon-50', name: '50 元无门槛券', kind: 'coupon', valueFen: 5000 },
      { id: 'coupon-5', name: '5 元券', kind: 'coupon', valueFen: 500 },
    ],
    page: { hook: { title: '邀请好友冲榜，第一名送手机' }, cta: { headline: '邀请好友上榜' } },
    disclosure: { organizer: { name: '山谷商城', contact: '400-123-4567' } },
    rules: {
      metric: { name: '邀请好友', unit: '人', maxPointsPerEvent: 5 },
      window: { type: 'calendar', period: 'week' },
      prizes: [
        { fromRank: 1, toRank: 1, rewardId: 'phone' },
        { fromRank: 2, toRank: 3, rewardId: 'coupon-50' },
      ],
      ...rules,
    },
    ...extra,
  };
}

/** A Wednesday inside the campaign: the calendar week runs to Monday 2026-12-07 00:00 (+08:00). */
export const DURING_BOARD = Date.parse('2026-12-02T10:00:00+08:00');
export const WEEK_END = Date.parse('2026-12-07T00:00:00+08:00');

export const OPERATOR = { id: 'ops', operator: true } as const;

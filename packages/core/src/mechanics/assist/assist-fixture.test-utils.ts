/** A realistic assist campaign definition (raw JSON form) for tests; override any rule. */
export function assistCampaignInput(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'coffee-assist',
    kind: 'assist',
    name: '好友助力领咖啡',
    channel: 'mini-program',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [
      { id: 'coupon-5', name: '5 元咖啡券', kind: 'coupon', valueFen: 500 },
      { id: 'latte', name: '大杯拿铁', kind: 'product', valueFen: 3200 },
      { id: 'thanks', name: '1 元感谢券', kind: 'coupon', valueFen: 100 },
    ],
    page: { hook: { title: '3 位好友助力，免费喝拿铁' }, cta: { headline: '邀请好友助力' } },
    disclosure: { organizer: { name: '山谷咖啡', contact: '400-123-4567' } },
    rules: {
      tiers: [
        { helps: 2, rewardId: 'coupon-5' },
        { helps: 4, rewardId: 'latte' },
      ],
      timeLimitMinutes: 120,
      ...rules,
    },
    ...extra,
  };
}

export const DURING_ASSIST = Date.parse('2026-12-02T10:00:00+08:00');

/** A realistic referral campaign definition (raw JSON form) for tests; override any rule. */
export function referralCampaignInput(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'coffee-referral',
    kind: 'referral',
    name: '请好友喝咖啡',
    channel: 'mini-program',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    budget: { totalFen: 1_000_000 },
    rewards: [
      { id: 'free-coffee', name: '新人免费咖啡', kind: 'coupon', valueFen: 2500 },
      { id: 'voucher', name: '邀请奖励券', kind: 'coupon', valueFen: 2000 },
    ],
    page: { hook: { title: '送好友一杯咖啡' }, cta: { headline: '邀请好友' } },
    disclosure: { organizer: { name: '山谷咖啡', contact: '400-123-4567' } },
    rules: {
      refereeReward: { rewardId: 'free-coffee', timing: 'upfront' },
      referrerReward: { rewardId: 'voucher' },
      trigger: 'first-order',
      attribution: 'first-touch',
      windowDays: 14,
      capPerReferrer: 3,
      freezeDays: 7,
      ...rules,
    },
    ...extra,
  };
}

export const DURING_REFERRAL = Date.parse('2026-12-02T10:00:00+08:00');
export const ORDERS = { id: 'orders', operator: true } as const;
export const DAY = 86_400_000;

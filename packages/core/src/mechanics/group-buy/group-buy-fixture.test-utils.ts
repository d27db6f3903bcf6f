/** A group-buy campaign definition (raw JSON form) for tests; override any rule. */
export function groupBuyCampaignInput(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'durian-group',
    kind: 'group-buy',
    name: '三人拼榴莲',
    channel: 'wechat-h5',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'durian', name: '金枕榴莲 2.5kg', kind: 'product', valueFen: 15900 }],
    page: { hook: { title: '3 人拼团 ¥99' }, cta: { headline: '邀请好友拼团' } },
    disclosure: { organizer: { name: '果园直采', contact: '400-666-8888' } },
    rules: {
      rewardId: 'durian',
      originalPriceFen: 15900,
      groupPriceFen: 9900,
      size: 3,
      timeLimitMinutes: 120,
      payWindowMinutes: 15,
      ...rules,
    },
    ...extra,
  };
}

export const DURING_GROUP = Date.parse('2026-12-02T10:00:00+08:00');

import type { BargainRules } from './schema.js';

/** A realistic bargain campaign definition (raw JSON form) for tests; override any rule. */
export function bargainCampaignInput(
  rules: Partial<Record<keyof BargainRules, unknown>> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'spring-bargain',
    kind: 'bargain',
    name: '春季砍价节',
    channel: 'wechat-h5',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'tea-set', name: '青瓷茶具套装', kind: 'product', valueFen: 19900 }],
    page: { hook: { title: '好友帮砍，0 元拿茶具' }, cta: { headline: '邀请好友一起砍' } },
    disclosure: { organizer: { name: '青山茶业', contact: '400-800-1234' } },
    rules: {
      rewardId: 'tea-set',
      originalPrice: 19900,
      floorPrice: 990,
      helpersToFloor: 5,
      cut: { strategy: 'ratio-of-remaining' },
      timeLimitMinutes: 1440,
      ...rules,
    },
    ...extra,
  };
}

/** 2026-12-02 10:00 Beijing time: inside the fixture's schedule. */
export const DURING_CAMPAIGN = Date.parse('2026-12-02T10:00:00+08:00');

/** A coupon campaign definition (raw JSON form) for tests: share mode unless `rules.mode` says pool. */
export function couponCampaignInput(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const pool = rules.mode === 'pool';
  return {
    id: 'coupon-split',
    kind: 'coupon',
    name: '好友瓜分优惠券',
    channel: 'app',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'coupons', name: '店铺优惠券', kind: 'coupon' }],
    page: { hook: { title: '分享给好友，一起领券' }, cta: { headline: '邀请好友' } },
    disclosure: { organizer: { name: '青柠超市', contact: '400-555-0100' } },
    rules: pool
      ? {
          mode: 'pool',
          amountFen: 5000,
          size: 4,
          split: 'random',
          minPartFen: 100,
          validity: { days: 7 },
          timeLimitMinutes: 60,
          ...rules,
        }
      : {
          mode: 'share',
          coupon: { discountFen: 500, thresholdFen: 3000, validity: { days: 7 } },
          friendsPerShare: 5,
          sharerCouponsPerShare: 2,
          timeLimitMinutes: 60,
          ...rules,
        },
    ...extra,
  };
}

export const DURING_COUPON = Date.parse('2026-12-02T10:00:00+08:00');

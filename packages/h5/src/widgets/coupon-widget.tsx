import { type CouponView, formatMoney, type Locale } from '@liebian/core';

/** The offer, the people so far (pool slots or share claims), and the viewer's own coupons. */
export function CouponWidget({ view, locale }: { view: CouponView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { offer, people } = view;
  return (
    <div class="widget">
      <p class="big">
        {offer.mode === 'pool'
          ? zh
            ? `${people.capacity} 人瓜分 ${formatMoney(offer.amountFen)}`
            : `${people.capacity} people split ${formatMoney(offer.amountFen)}`
          : formatMoney(offer.discountFen)}
      </p>
      {offer.thresholdFen > 0 && (
        <p>
          {zh
            ? `满 ${formatMoney(offer.thresholdFen)} 可用`
            : `on orders of ${formatMoney(offer.thresholdFen)}+`}
        </p>
      )}
      <ul class="slots">
        {Array.from({ length: Math.min(people.capacity, 12) }, (_, i) => (
          <li key={i} class={i < people.count ? 'filled' : ''}>
            {people.names[i] ?? '?'}
          </li>
        ))}
      </ul>
      <p>
        {zh ? `已有 ${people.count} 人，还差 ${people.left} 人` : `${people.count} in, ${people.left} to go`}
      </p>
      {view.myCoupons.map((c) => (
        <p key={c.id} class="coupon">
          {formatMoney(c.discountFen)} · {c.status}
        </p>
      ))}
    </div>
  );
}

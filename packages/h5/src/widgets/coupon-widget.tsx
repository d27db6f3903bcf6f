import { type CouponView, formatInstant, formatMoney, type Locale } from '@liebian/core';
import { COPY } from '../copy.js';
import { Seats } from './parts.js';

const STATUS: Record<Locale, Record<CouponView['myCoupons'][number]['status'], string>> = {
  'zh-CN': { issued: '可使用', redeemed: '已使用', expired: '已过期', revoked: '已作废' },
  en: { issued: 'ready to use', redeemed: 'used', expired: 'expired', revoked: 'revoked' },
};

/** The offer, the people so far (pool seats or share claims), and the viewer's coupons as cards. */
export function CouponWidget({
  view,
  locale,
  timezone,
}: {
  view: CouponView;
  locale: Locale;
  timezone: string;
}) {
  const zh = locale === 'zh-CN';
  const { offer, people } = view;
  const headline =
    offer.mode === 'pool'
      ? zh
        ? `${people.capacity} 人瓜分 ${formatMoney(offer.amountFen)}`
        : `${people.capacity} people split ${formatMoney(offer.amountFen)}`
      : zh
        ? `${formatMoney(offer.discountFen)} 优惠券`
        : `${formatMoney(offer.discountFen)} coupon`;
  const threshold = (fen: number) =>
    fen > 0
      ? zh
        ? `满 ${formatMoney(fen)} 可用`
        : `on orders of ${formatMoney(fen)}+`
      : zh
        ? '无门槛'
        : 'no minimum';
  const open = view.state === 'open';
  return (
    <div class="widget" data-highlight={headline}>
      <p class="big">{headline}</p>
      <p class="progress-label">{threshold(offer.thresholdFen)}</p>
      <Seats
        empty={COPY[locale].open}
        seats={Array.from({ length: Math.min(people.capacity, 12) }, (_, i) => {
          const name = people.names[i];
          return i < people.count && name ? { name, caption: name, state: 'filled' } : null;
        })}
      />
      <p class="status">
        {open && people.left > 0
          ? zh
            ? `已有 ${people.count} 人，还差 ${people.left} 人`
            : `${people.count} in, ${people.left} to go`
          : zh
            ? `共 ${people.count} 人参与`
            : `${people.count} took part`}
      </p>
      {view.myCoupons.length > 0 && (
        <ul class="coupons">
          {view.myCoupons.map((c) => (
            <li key={c.id}>
              <b>{formatMoney(c.discountFen)}</b>
              <span>
                {threshold(c.thresholdFen)} · {zh ? '有效期至' : 'valid until'}{' '}
                {formatInstant(c.validUntil, timezone)} · {STATUS[locale][c.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { type CouponView, formatMoney } from '@liebian/core';
import { formatInstant } from '@liebian/core/mechanics';
import type { Copy } from '../copy/zh-cn.js';
import { Seats } from './parts.js';

/** The offer, the people so far (pool seats or share claims), and the viewer's coupons as cards. */
export function CouponWidget({ view, copy, timezone }: { view: CouponView; copy: Copy; timezone: string }) {
  const t = copy.coupon;
  const { offer, people } = view;
  const headline =
    offer.mode === 'pool' ? t.pool(people.capacity, offer.amountFen) : t.share(offer.discountFen);
  return (
    <div class="widget" data-highlight={headline}>
      <p class="big">{headline}</p>
      <p class="progress-label">{t.threshold(offer.thresholdFen)}</p>
      <Seats
        copy={copy}
        seats={Array.from({ length: Math.min(people.capacity, 12) }, (_, i) => {
          const name = people.names[i];
          return i < people.count && name ? { name, caption: name, state: 'filled' } : null;
        })}
      />
      <p class="status">
        {view.state === 'open' && people.left > 0 ? t.left(people.count, people.left) : t.took(people.count)}
      </p>
      {view.myCoupons.length > 0 && (
        <ul class="coupons">
          {view.myCoupons.map((c) => (
            <li key={c.id}>
              <b>{formatMoney(c.discountFen)}</b>
              <span>
                {t.threshold(c.thresholdFen)} · {t.validUntil(formatInstant(c.validUntil, timezone))} ·{' '}
                {t.status[c.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

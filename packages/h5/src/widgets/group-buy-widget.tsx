import { formatMoney, type GroupBuyView, type Locale } from '@liebian/core';
import { COPY } from '../copy.js';
import { Price, Seats } from './parts.js';

/** Group price, the seats as avatars (who paid, empty seats), and what the group still needs, in words. */
export function GroupBuyWidget({ view, locale }: { view: GroupBuyView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { price, seats } = view;
  const unpaid = seats.taken - seats.paid;
  const label = zh ? `${seats.size} 人拼团价` : `Price in a group of ${seats.size}`;
  const status =
    view.state === 'succeeded'
      ? zh
        ? `${seats.size} 人已全部付款`
        : `All ${seats.size} paid`
      : view.state === 'failed'
        ? zh
          ? `${seats.paid}/${seats.size} 人已付款`
          : `${seats.paid}/${seats.size} paid`
        : seats.left > 0
          ? zh
            ? `还差 ${seats.left} 人成团${seats.paid > 0 ? `，已付款 ${seats.paid} 人` : ''}`
            : `${seats.left} more to fill the group${seats.paid > 0 ? `, ${seats.paid} paid` : ''}`
          : zh
            ? `已满员，等待 ${unpaid} 人付款`
            : `Full — waiting for ${unpaid} to pay`;
  return (
    <div class="widget" data-highlight={`${label} ${formatMoney(price.group)}`}>
      <Price label={label} price={price.group} reference={price.original} locale={locale} />
      {price.leader < price.group && (
        <p class="progress-label">
          {zh ? `团长价 ${formatMoney(price.leader)}` : `The leader pays ${formatMoney(price.leader)}`}
        </p>
      )}
      <Seats
        empty={COPY[locale].open}
        seats={Array.from({ length: seats.size }, (_, i) => {
          const m = view.members[i];
          if (!m) return null;
          const paid = m.status === 'paid';
          const who = m.leader ? (zh ? '团长' : 'Leader') : m.name;
          return {
            name: m.name,
            caption: `${who}${paid ? (zh ? ' 已付' : ' paid') : ''}`,
            state: paid ? 'filled' : 'pending',
          };
        })}
      />
      <p class="status">
        {status}
        {seats.virtual > 0 && `（${COPY[locale].virtual(seats.virtual)}）`}
      </p>
    </div>
  );
}

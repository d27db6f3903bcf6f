import { formatMoney, type GroupBuyView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';
import { Price, Seats } from './parts.js';

/** Group price, the seats as avatars (who paid, empty seats), and what the group still needs, in words. */
export function GroupBuyWidget({ view, copy }: { view: GroupBuyView; copy: Copy }) {
  const t = copy.groupBuy;
  const { price, seats } = view;
  const label = t.price(seats.size);
  const status =
    view.state !== 'forming'
      ? t.paidOf(seats.paid, seats.size)
      : seats.left > 0
        ? t.toFill(seats.left, seats.paid)
        : t.waiting(seats.taken - seats.paid);
  return (
    <div class="widget" data-highlight={`${label} ${formatMoney(price.group)}`}>
      <Price label={label} price={price.group} reference={price.original} copy={copy} />
      {price.leader < price.group && <p class="progress-label">{t.leaderPrice(price.leader)}</p>}
      {view.newUsersOnly !== null && <p class="progress-label">{t.newUsersOnly(view.newUsersOnly)}</p>}
      <Seats
        copy={copy}
        seats={Array.from({ length: seats.size }, (_, i) => {
          const m = view.members[i];
          if (!m) return null;
          const paid = m.status === 'paid';
          return {
            name: m.name,
            caption: `${m.leader ? t.leader : m.name}${paid ? t.paid : ''}`,
            state: paid ? 'filled' : 'pending',
          };
        })}
      />
      <p class="status">
        {status}
        {seats.virtual > 0 && t.virtual(seats.virtual)}
      </p>
    </div>
  );
}

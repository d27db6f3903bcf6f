import { formatMoney, type GroupBuyView, type Locale } from '@liebian/core';
import { COPY } from '../copy.js';

/** Group price, member slots with who paid, and virtual seats disclosed as such. */
export function GroupBuyWidget({ view, locale }: { view: GroupBuyView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { price, seats } = view;
  return (
    <div class="widget">
      <p class="big">
        {formatMoney(price.group)} <s>{formatMoney(price.original)}</s>
      </p>
      {price.leader < price.group && (
        <p>{zh ? `团长价 ${formatMoney(price.leader)}` : `Leader pays ${formatMoney(price.leader)}`}</p>
      )}
      <ul class="slots">
        {Array.from({ length: seats.size }, (_, i) => {
          const member = view.members[i];
          return (
            <li key={i} class={member?.status === 'paid' ? 'filled' : member ? 'pending' : ''}>
              {member ? `${member.leader ? (zh ? '团长 ' : 'Leader ') : ''}${member.name}` : '?'}
            </li>
          );
        })}
      </ul>
      <p>
        {zh
          ? `${seats.paid}/${seats.size} 人已付款，还差 ${seats.left} 人`
          : `${seats.paid}/${seats.size} paid, ${seats.left} to go`}
        {seats.virtual > 0 && `（${COPY[locale].virtual(seats.virtual)}）`}
      </p>
    </div>
  );
}

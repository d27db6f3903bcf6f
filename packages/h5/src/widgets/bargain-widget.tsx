import { type BargainView, formatMoney, type Locale } from '@liebian/core';
import { Price, Progress, Ticker } from './parts.js';

/** Price progress toward the floor: the exact amount left (nothing "left" once reached), recent cuts. */
export function BargainWidget({ view, locale }: { view: BargainView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { price, helps } = view;
  const done = price.original === price.floor ? 1 : price.cut / (price.original - price.floor);
  const label =
    view.state === 'purchased'
      ? zh
        ? '成交价'
        : 'Bought at'
      : price.remaining === 0
        ? zh
          ? '底价'
          : 'Floor price'
        : zh
          ? '当前价'
          : 'Price now';
  const percent = Math.round(Math.max(0, Math.min(1, done)) * 100);
  return (
    <div class="widget" data-highlight={`${label} ${formatMoney(price.current)}`}>
      <Price label={label} price={price.current} reference={price.original} locale={locale} />
      <Progress
        value={done}
        label={
          zh ? `已砍 ${formatMoney(price.cut)}（${percent}%）` : `${formatMoney(price.cut)} cut (${percent}%)`
        }
      />
      <p class="status">
        {price.remaining > 0
          ? zh
            ? `还差 ${formatMoney(price.remaining)} 到底价 ${formatMoney(price.floor)}${helps.left ? `，还需 ${helps.left} 位好友` : ''}`
            : `${formatMoney(price.remaining)} to the floor of ${formatMoney(price.floor)}${helps.left ? `, ${helps.left} more friend${helps.left === 1 ? '' : 's'} needed` : ''}`
          : zh
            ? `已砍到底价 ${formatMoney(price.floor)}，共 ${helps.count} 位好友助力`
            : `Down to the floor of ${formatMoney(price.floor)} with ${helps.count} friend${helps.count === 1 ? '' : 's'}`}
      </p>
      <Ticker
        locale={locale}
        items={view.recentCuts.map((c) => `${c.by} ${zh ? '砍掉' : 'cut'} ${formatMoney(c.amount)}`)}
      />
    </div>
  );
}

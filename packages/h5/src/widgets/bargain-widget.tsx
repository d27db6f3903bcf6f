import { type BargainView, formatMoney, type Locale } from '@liebian/core';
import { Progress, Ticker } from './parts.js';

/** Price progress toward the floor: the exact amount left, helpers so far, recent cuts. */
export function BargainWidget({ view, locale }: { view: BargainView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { price, helps } = view;
  const done = price.original === price.floor ? 1 : price.cut / (price.original - price.floor);
  return (
    <div class="widget">
      <p class="big">
        {formatMoney(price.current)} <s>{formatMoney(price.original)}</s>
      </p>
      <Progress
        value={done}
        label={zh ? `已砍 ${formatMoney(price.cut)}` : `${formatMoney(price.cut)} cut`}
      />
      <p>
        {zh
          ? `还差 ${formatMoney(price.remaining)} 到底价 ${formatMoney(price.floor)}`
          : `${formatMoney(price.remaining)} to the floor of ${formatMoney(price.floor)}`}
        {helps.left !== null &&
          (zh
            ? `，还需 ${helps.left} 位好友`
            : `, ${helps.left} more friend${helps.left === 1 ? '' : 's'} needed`)}
      </p>
      <Ticker
        locale={locale}
        items={view.recentCuts.map((c) => `${c.by} ${zh ? '砍掉' : 'cut'} ${formatMoney(c.amount)}`)}
      />
    </div>
  );
}

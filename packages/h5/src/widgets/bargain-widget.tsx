import { type BargainView, formatMoney } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';
import { Price, Progress, Ticker } from './parts.js';

/** Price progress toward the floor: the exact amount left (nothing "left" once reached), recent cuts. */
export function BargainWidget({
  view,
  copy,
  rewardName,
}: {
  view: BargainView;
  copy: Copy;
  rewardName: (id: string) => string;
}) {
  const t = copy.bargain;
  const { price, helps } = view;
  const done = price.original === price.floor ? 1 : price.cut / (price.original - price.floor);
  const label = view.state === 'purchased' ? t.bought : price.remaining === 0 ? t.floor : t.now;
  return (
    <div class="widget" data-highlight={`${label} ${formatMoney(price.current)}`}>
      <Price label={label} price={price.current} reference={price.original} copy={copy} />
      <Progress value={done} label={t.cut(price.cut, Math.round(Math.max(0, Math.min(1, done)) * 100))} />
      <p class="status">
        {price.remaining > 0
          ? t.left(price.remaining, price.floor, helps.left)
          : t.reached(price.floor, helps.count)}
      </p>
      {view.helperReward && view.helperReward.left > 0 && (
        <p class="progress-label">
          {t.helperReward(rewardName(view.helperReward.rewardId), view.helperReward.left)}
        </p>
      )}
      <Ticker copy={copy} items={view.recentCuts.map((c) => t.cutBy(c.by, c.amount))} />
    </div>
  );
}

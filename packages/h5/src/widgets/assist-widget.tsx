import type { AssistView, Locale } from '@liebian/core';
import { Progress, Ticker } from './parts.js';

/** Help points toward the goal and the reward ladder with what is reached. */
export function AssistWidget({
  view,
  locale,
  rewardName,
}: {
  view: AssistView;
  locale: Locale;
  rewardName: (id: string) => string;
}) {
  const zh = locale === 'zh-CN';
  const { points, goal, left, helps } = view.progress;
  const label = zh ? `助力进度 ${points}/${goal} 点` : `Help ${points}/${goal} points`;
  return (
    <div class="widget" data-highlight={label}>
      <p class="big">{zh ? `${helps} 位好友已助力` : `${helps} friend${helps === 1 ? '' : 's'} helped`}</p>
      <Progress value={points / goal} label={label} />
      <p class="status">
        {left > 0
          ? zh
            ? `还差 ${left} 点`
            : `${left} point${left === 1 ? '' : 's'} to go`
          : zh
            ? '已达成目标'
            : 'Goal reached'}
      </p>
      <ol class="ladder">
        {view.tiers.map((tier) => (
          <li key={tier.helps} class={tier.reached ? 'reached' : ''}>
            <span>
              {zh ? `${tier.helps} 点` : `${tier.helps} pts`} · {rewardName(tier.rewardId)}
            </span>
            <span>{tier.reached ? (zh ? '✓ 已达成' : '✓ reached') : ''}</span>
          </li>
        ))}
      </ol>
      <Ticker locale={locale} items={view.recentHelps.map((h) => `${h.by} +${h.points}`)} />
    </div>
  );
}

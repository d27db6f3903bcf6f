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
  const { points, goal, left } = view.progress;
  return (
    <div class="widget">
      <Progress value={points / goal} label={zh ? `${points} / ${goal} 点` : `${points} / ${goal} points`} />
      <p>{zh ? `还差 ${left} 点` : `${left} point${left === 1 ? '' : 's'} to go`}</p>
      <ol class="ladder">
        {view.tiers.map((tier) => (
          <li key={tier.helps} class={tier.reached ? 'reached' : ''}>
            {zh ? `${tier.helps} 点` : `${tier.helps} pts`} · {rewardName(tier.rewardId)}
            {tier.reached ? ' ✓' : ''}
          </li>
        ))}
      </ol>
      <Ticker locale={locale} items={view.recentHelps.map((h) => `${h.by} +${h.points}`)} />
    </div>
  );
}

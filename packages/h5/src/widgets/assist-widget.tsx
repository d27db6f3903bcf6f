import type { AssistView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';
import { Progress, Ticker } from './parts.js';

/** Help points toward the goal and the reward ladder with what is reached. */
export function AssistWidget({
  view,
  copy,
  rewardName,
}: {
  view: AssistView;
  copy: Copy;
  rewardName: (id: string) => string;
}) {
  const t = copy.assist;
  const { points, goal, left, helps } = view.progress;
  const label = t.progress(points, goal);
  return (
    <div class="widget" data-highlight={label}>
      <p class="big">{t.helped(helps)}</p>
      <Progress value={points / goal} label={label} />
      <p class="status">{left > 0 ? t.left(left) : t.reached}</p>
      <ol class="ladder">
        {view.tiers.map((tier) => (
          <li key={tier.helps} class={tier.reached ? 'reached' : ''}>
            <span>
              {t.tier(tier.helps)} · {rewardName(tier.rewardId)}
            </span>
            <span>{tier.reached ? t.tierReached : ''}</span>
          </li>
        ))}
      </ol>
      <Ticker copy={copy} items={view.recentHelps.map((h) => `${h.by} +${h.points}`)} />
    </div>
  );
}

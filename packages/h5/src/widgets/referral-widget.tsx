import type { ReferralView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';

/** The gift on each side, and for the referrer every friend with their rewards' real ledger status. */
export function ReferralWidget({
  view,
  copy,
  rewardName,
}: {
  view: ReferralView;
  copy: Copy;
  rewardName: (id: string) => string;
}) {
  const t = copy.referral;
  const { referrer, referee } = view.rewards;
  const { accepted, moved, converted, capLeft } = view.counts;
  return (
    <div class="widget" data-highlight={referee ? `${t.friendGets} ${rewardName(referee.rewardId)}` : ''}>
      <ul class="ladder">
        {referee && (
          <li>
            <span>{t.friendGets}</span> <b>{rewardName(referee.rewardId)}</b>
          </li>
        )}
        {referrer && (
          <li>
            <span>{t.referrerGets}</span> <b>{rewardName(referrer.rewardId)}</b>
          </li>
        )}
        {view.tiers?.levels.map((level) => (
          <li key={level.conversions} class={level.status !== null ? 'reached' : ''}>
            <span>
              {t.tier(level.conversions)} · {rewardName(level.rewardId)}
            </span>
            <span>{level.status !== null ? t.status[level.status] : ''}</span>
          </li>
        ))}
      </ul>
      {view.tiers && view.role === 'initiator' && (
        <p class="progress-label">{t.standing(view.tiers.standing)}</p>
      )}
      {view.role === 'initiator' && <p class="status">{t.summary(accepted, moved, converted, capLeft)}</p>}
      {view.referrals.length > 0 && (
        <ul class="offers">
          {view.referrals.slice(0, 8).map((r) => {
            const mine = r.ledger.filter((e) =>
              view.role === 'initiator' ? e.side === 'referrer' : e.side === 'referee',
            );
            return (
              <li key={r.referee}>
                <span>{r.referee}</span>
                <span class="tag">
                  {r.movedAt !== null
                    ? t.moved
                    : mine.length > 0
                      ? mine.map((e) => t.status[e.status]).join(' · ')
                      : t.notConverted}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import type { Locale, ReferralView } from '@liebian/core';

const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    pending: '冻结中',
    approved: '待发放',
    issued: '已发放',
    reversed: '已取消',
    'clawed-back': '已追回',
  },
  en: {
    pending: 'on hold',
    approved: 'due',
    issued: 'issued',
    reversed: 'cancelled',
    'clawed-back': 'clawed back',
  },
};

/** The gift on each side, and for the referrer every friend with their rewards' real ledger status. */
export function ReferralWidget({
  view,
  locale,
  rewardName,
}: {
  view: ReferralView;
  locale: Locale;
  rewardName: (id: string) => string;
}) {
  const zh = locale === 'zh-CN';
  const { referrer, referee } = view.rewards;
  const { accepted, moved, converted, capLeft } = view.counts;
  return (
    <div class="widget">
      <ul class="ladder">
        {referee && (
          <li>
            {zh ? '好友得' : 'Your friend gets'} · {rewardName(referee.rewardId)}
          </li>
        )}
        {referrer && (
          <li>
            {zh ? '邀请人得' : 'The referrer gets'} · {rewardName(referrer.rewardId)}
          </li>
        )}
      </ul>
      {view.role === 'initiator' && (
        <p>
          {zh
            ? `已邀请 ${accepted} 位好友${moved > 0 ? `（${moved} 位已改由他人邀请）` : ''}，${converted} 位已转化，还可获奖 ${capLeft} 次`
            : `${accepted} invited${moved > 0 ? ` (${moved} moved to another referrer)` : ''}, ${converted} converted, ${capLeft} rewards left`}
        </p>
      )}
      {view.referrals.length > 0 && (
        <ul class="slots">
          {view.referrals.map((r) => (
            <li key={r.referee} class={r.convertedAt === null ? 'pending' : 'filled'}>
              {r.referee}
              {r.movedAt !== null && (zh ? ' · 已改由他人邀请' : ' · moved to another referrer')}
              {r.ledger
                .filter((e) => (view.role === 'initiator' ? e.side === 'referrer' : e.side === 'referee'))
                .map((e) => ` · ${STATUS[locale][e.status]}`)
                .join('')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

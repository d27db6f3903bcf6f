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
  const gift = referee ? rewardName(referee.rewardId) : '';
  return (
    <div class="widget" data-highlight={gift && `${zh ? '好友得' : 'Your friend gets'} ${gift}`}>
      <ul class="ladder">
        {referee && (
          <li>
            <span>{zh ? '好友得' : 'Your friend gets'}</span> <b>{rewardName(referee.rewardId)}</b>
          </li>
        )}
        {referrer && (
          <li>
            <span>{zh ? '邀请人得' : 'The referrer gets'}</span> <b>{rewardName(referrer.rewardId)}</b>
          </li>
        )}
      </ul>
      {view.role === 'initiator' && (
        <p class="status">
          {zh
            ? `已邀请 ${accepted} 位好友${moved > 0 ? `（${moved} 位已改由他人邀请）` : ''}，${converted} 位已转化，还可获奖 ${capLeft} 次`
            : `${accepted} invited${moved > 0 ? ` (${moved} moved to another referrer)` : ''}, ${converted} converted, ${capLeft} rewards left`}
        </p>
      )}
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
                    ? zh
                      ? '已改由他人邀请'
                      : 'moved to another referrer'
                    : mine.length > 0
                      ? mine.map((e) => STATUS[locale][e.status]).join(' · ')
                      : zh
                        ? '待转化'
                        : 'not converted yet'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

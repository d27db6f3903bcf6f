import type { LeaderboardView, Locale } from '@liebian/core';
import { COPY } from '../copy.js';
import { Seats, Ticker } from './parts.js';

type Row = { rank: number; member: string; score: number; me: boolean; rewardId?: string | null };

function RankTable({
  rows,
  unit,
  locale,
  rewardName,
  who = (member) => member,
}: {
  rows: readonly Row[];
  unit: string;
  locale: Locale;
  rewardName: (id: string) => string;
  /** How a row's member is named (a duel's standings list sides). */
  who?: (member: string) => string;
}) {
  const zh = locale === 'zh-CN';
  return (
    <table class="ranking">
      <thead>
        <tr>
          <th scope="col">{zh ? '名次' : 'Rank'}</th>
          <th scope="col">{zh ? '用户' : 'Who'}</th>
          <th scope="col">{zh ? '成绩' : 'Score'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.rank}:${row.member}`} class={row.me ? 'me' : ''}>
            <td>{row.rank}</td>
            <td>
              {who(row.member)}
              {row.rewardId ? ` · ${rewardName(row.rewardId)}` : ''}
            </td>
            <td>
              {row.score} {unit}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A board's live ranking (masked names) and the viewer's place, or a duel's two sides; published standings. */
export function LeaderboardWidget({
  view,
  locale,
  rewardName,
}: {
  view: LeaderboardView;
  locale: Locale;
  rewardName: (id: string) => string;
}) {
  const zh = locale === 'zh-CN';
  const t = (zhText: string, enText: string) => (zh ? zhText : enText);
  const { unit, name } = view.metric;
  const side = (id: string) => (id === 'a' ? t('发起方', 'Challengers') : t('应战方', 'Opponents'));
  const published =
    view.state === 'settled'
      ? t('最终排名 · 奖励已发放', 'Final standings · prizes issued')
      : t('最终排名（公示中）', 'Final standings (on notice)');
  return (
    <div
      class="widget"
      data-highlight={
        view.sides?.map((s) => `${side(s.id)} ${s.score} ${unit}`).join(' : ') ??
        t(`按「${name}」排名`, `Ranked by "${name}"`)
      }
    >
      <p class="progress-label">
        {zh ? `按「${name}」排名` : `Ranked by "${name}"`} ·{' '}
        {zh ? `共 ${view.totals.events} 次记分` : `${view.totals.events} scores recorded`}
      </p>
      {view.sides && (
        <div class="duel">
          {view.sides.map((s) => (
            <div key={s.id}>
              <strong>{side(s.id)}</strong>
              <p class="big">
                {s.score} {unit}
              </p>
              <Seats
                empty={COPY[locale].open}
                seats={Array.from({ length: s.seats }, (_, i) => {
                  const m = s.members[i];
                  return m ? { name: m.member, caption: `${m.member} ${m.points}`, state: 'filled' } : null;
                })}
              />
            </div>
          ))}
        </div>
      )}
      {view.standings ? (
        <>
          <h3>{published}</h3>
          <RankTable
            rows={view.standings}
            unit={unit}
            locale={locale}
            rewardName={rewardName}
            {...(view.format === 'duel' ? { who: side } : {})}
          />
        </>
      ) : (
        view.board && (
          <>
            {view.board.top.length > 0 ? (
              <RankTable rows={view.board.top} unit={unit} locale={locale} rewardName={rewardName} />
            ) : (
              <p>{zh ? '还没有人上榜，第一名等你来拿' : 'Nobody has scored yet'}</p>
            )}
            {view.board.me && (
              <p class="me-row">
                {zh
                  ? `我的成绩 ${view.board.me.score} ${unit}，第 ${view.board.me.rank ?? view.board.me.position} 名`
                  : `You: ${view.board.me.score} ${unit}, #${view.board.me.rank ?? view.board.me.position}`}
                {view.board.me.flagged && (zh ? '（审核中，暂不计入排名）' : ' (under review, not ranked)')}
              </p>
            )}
          </>
        )
      )}
      <ol class="ladder">
        {view.prizes.map((p) => {
          const ranks = p.fromRank === p.toRank ? `${p.fromRank}` : `${p.fromRank}–${p.toRank}`;
          const who =
            view.format === 'duel'
              ? p.fromRank === 1
                ? t('获胜方', 'Winners')
                : t('另一方', 'Other side')
              : t(`第 ${ranks} 名`, `#${ranks}`);
          return (
            <li key={p.fromRank}>
              {who} · {rewardName(p.rewardId)}
            </li>
          );
        })}
      </ol>
      <Ticker locale={locale} items={view.recentScores.map((s) => `${s.by} +${s.points} ${unit}`)} />
    </div>
  );
}

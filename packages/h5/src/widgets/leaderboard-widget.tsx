import type { LeaderboardView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';
import { Seats, Ticker } from './parts.js';

type Row = { rank: number; member: string; score: number; me: boolean; rewardId?: string | null };

function RankTable({
  rows,
  unit,
  copy,
  rewardName,
  who = (member) => member,
}: {
  rows: readonly Row[];
  unit: string;
  copy: Copy;
  rewardName: (id: string) => string;
  /** How a row's member is named (a duel's standings list sides). */
  who?: (member: string) => string;
}) {
  const t = copy.leaderboard;
  return (
    <table class="ranking">
      <thead>
        <tr>
          <th scope="col">{t.rank}</th>
          <th scope="col">{t.who}</th>
          <th scope="col">{t.score}</th>
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
  copy,
  rewardName,
}: {
  view: LeaderboardView;
  copy: Copy;
  rewardName: (id: string) => string;
}) {
  const t = copy.leaderboard;
  const { unit, name } = view.metric;
  const me = view.board?.me;
  return (
    <div
      class="widget"
      data-highlight={
        view.sides?.map((s) => `${t.side(s.id)} ${s.score} ${unit}`).join(' : ') ?? t.ranked(name)
      }
    >
      <p class="progress-label">
        {t.ranked(name)} · {t.scores(view.totals.events)}
      </p>
      {view.sides && (
        <div class="duel">
          {view.sides.map((s) => (
            <div key={s.id}>
              <strong>{t.side(s.id)}</strong>
              <p class="big">
                {s.score} {unit}
              </p>
              <Seats
                copy={copy}
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
          <h2 class="sub-title">{view.state === 'settled' ? t.settled : t.onNotice}</h2>
          <RankTable
            rows={view.standings}
            unit={unit}
            copy={copy}
            rewardName={rewardName}
            {...(view.format === 'duel' ? { who: t.side } : {})}
          />
        </>
      ) : (
        view.board && (
          <>
            {view.board.top.length > 0 ? (
              <RankTable rows={view.board.top} unit={unit} copy={copy} rewardName={rewardName} />
            ) : (
              <p>{t.nobody}</p>
            )}
            {me && (
              <p class="me-row">
                {t.me(me.score, unit, me.rank ?? me.position)}
                {me.flagged && t.flagged}
              </p>
            )}
          </>
        )
      )}
      <ol class="ladder">
        {view.prizes.map((p) => {
          const ranks = p.fromRank === p.toRank ? `${p.fromRank}` : `${p.fromRank}–${p.toRank}`;
          const who = view.format === 'duel' ? (p.fromRank === 1 ? t.winners : t.otherSide) : t.place(ranks);
          return (
            <li key={p.fromRank}>
              <span>{who}</span> <span>{rewardName(p.rewardId)}</span>
            </li>
          );
        })}
      </ol>
      <Ticker copy={copy} items={view.recentScores.map((s) => `${s.by} +${s.points} ${unit}`)} />
    </div>
  );
}

import type { Referral } from '@liebian/core/mechanics';
import type { ScoreEntry } from '@liebian/core/store';
import { ActionForm, type PageContext } from './page-context.js';

/** A leaderboard frozen for approval: its standings (flagged members left out) and the flags. */
export interface BoardItem {
  readonly instanceId: string;
  readonly campaignId: string;
  readonly state: string;
  readonly top: readonly ScoreEntry[];
  readonly flagged: readonly (readonly [member: string, note: string])[];
}

/** A referral link with reward ledger entries. */
export interface LedgerItem {
  readonly instanceId: string;
  readonly campaignId: string;
  readonly referrer: string;
  readonly referrals: readonly Referral[];
}

/** Flag or unflag one member (the reason is asked on the confirmation). */
function FlagForm(props: { ctx: PageContext; board: BoardItem; member: string; unflag?: boolean }) {
  const { ctx } = props;
  return (
    <ActionForm ctx={ctx} action="/settlements/flag">
      <input type="hidden" name="instance" value={props.board.instanceId} />
      <input type="hidden" name="member" value={props.member} />
      <input type="hidden" name="do" value={props.unflag ? 'unflag' : 'flag'} />
      <button type="submit" class={props.unflag ? '' : 'danger'}>
        {props.unflag ? ctx.copy.actions.unflag : ctx.copy.actions.flag}
      </button>
    </ActionForm>
  );
}

function Board({ ctx, board }: { ctx: PageContext; board: BoardItem }) {
  const s = ctx.copy.settlements;
  // Flags change who wins, so they are offered until the standings are approved.
  const acts = board.state === 'frozen' && ctx.may('operator');
  return (
    <section data-board={board.instanceId}>
      <h3>
        <code>{board.campaignId}</code> / <code>{board.instanceId}</code> · {board.state}
      </h3>
      <table>
        <thead>
          <tr>
            <th class="num">{s.rank}</th>
            <th>{s.member}</th>
            <th class="num">{s.score}</th>
            {acts ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {board.top.map((entry, i) => (
            <tr key={entry.member} data-standing={entry.member}>
              <td class="num">{i + 1}</td>
              <td>{entry.member}</td>
              <td class="num">{entry.score}</td>
              {acts ? (
                <td>
                  <FlagForm ctx={ctx} board={board} member={entry.member} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {board.flagged.length > 0 ? (
        <>
          <h4>{s.flagged}</h4>
          <ul>
            {board.flagged.map(([member, note]) => (
              <li key={member} data-flagged={member}>
                <div class="row">
                  <span>
                    {member}（{note}）
                  </span>
                  {acts ? <FlagForm ctx={ctx} board={board} member={member} unflag /> : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {acts ? (
        <ActionForm ctx={ctx} action="/settlements/approve">
          <input type="hidden" name="instance" value={board.instanceId} />
          <button type="submit" class="primary">
            {ctx.copy.actions.approveSettlement}
          </button>
        </ActionForm>
      ) : null}
    </section>
  );
}

function Ledger({ ctx, item }: { ctx: PageContext; item: LedgerItem }) {
  const s = ctx.copy.settlements;
  return item.referrals.flatMap((referral) =>
    referral.ledger.map((entry) => (
      <tr
        key={`${item.instanceId}:${referral.referee}:${entry.side}`}
        data-ledger={`${item.instanceId}:${referral.referee}:${entry.side}`}
      >
        <td>
          <code>{item.campaignId}</code>
        </td>
        <td>{item.referrer}</td>
        <td>{referral.referee}</td>
        <td>{s.sides[entry.side]}</td>
        <td>
          <code>{entry.rewardId}</code>
        </td>
        <td>{s.ledgerStatus[entry.status]}</td>
        <td>{entry.status === 'pending' ? ctx.time(entry.approvesAt) : '—'}</td>
        <td>
          <div class="row">
            {entry.status === 'pending' && ctx.may('operator') ? (
              <ActionForm ctx={ctx} action="/settlements/approve-reward">
                <input type="hidden" name="instance" value={item.instanceId} />
                <input type="hidden" name="referee" value={referral.referee} />
                <input type="hidden" name="side" value={entry.side} />
                <input type="hidden" name="approvesAt" value={String(entry.approvesAt)} />
                <button type="submit" class="primary">
                  {ctx.copy.actions.approveReward}
                </button>
              </ActionForm>
            ) : null}
            {entry.side === 'referrer' && !referral.refunded && ctx.may('operator') ? (
              <ActionForm ctx={ctx} action="/settlements/reverse">
                <input type="hidden" name="instance" value={item.instanceId} />
                <input type="hidden" name="referee" value={referral.referee} />
                <button type="submit" class="danger">
                  {ctx.copy.actions.reverse}
                </button>
              </ActionForm>
            ) : null}
          </div>
        </td>
      </tr>
    )),
  );
}

/** Leaderboards waiting for approval, and the referral reward ledger with its reversals and clawbacks. */
export function SettlementsPage({
  ctx,
  boards,
  ledgers,
  indexer,
}: {
  ctx: PageContext;
  boards: readonly BoardItem[];
  ledgers: readonly LedgerItem[];
  indexer: string;
}) {
  const s = ctx.copy.settlements;
  return (
    <>
      <p class="muted">{s.fromIndexer(indexer)}</p>
      <h2>{s.boards}</h2>
      {boards.length === 0 ? (
        <p class="muted">{s.boardsEmpty}</p>
      ) : (
        boards.map((b) => <Board key={b.instanceId} ctx={ctx} board={b} />)
      )}
      <h2>{s.ledger}</h2>
      {ledgers.length === 0 ? (
        <p class="muted">{s.ledgerEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{ctx.copy.reviews.campaign}</th>
              <th>{s.referrer}</th>
              <th>{s.referee}</th>
              <th>{s.side}</th>
              <th>{s.reward}</th>
              <th>{s.status}</th>
              <th>{s.approvesAt}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ledgers.map((item) => (
              <Ledger key={item.instanceId} ctx={ctx} item={item} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

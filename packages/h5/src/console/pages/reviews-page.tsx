import type { HeldEvent, ReviewStatus } from '@liebian/core/engine';
import type { Page } from '../console-paging.js';
import { ActionForm, type PageContext } from './page-context.js';
import { Pager } from './pager.js';

const STATUSES: readonly ReviewStatus[] = ['pending', 'approved', 'rejected'];

/** The review queue: events a risk check held, with the reasons; bulk approve or reject (with a reason). */
export function ReviewsPage({
  ctx,
  status,
  reviews: page,
  paged,
  campaignId,
}: {
  ctx: PageContext;
  status: ReviewStatus;
  reviews: Page<HeldEvent>;
  paged: boolean;
  /** Only this campaign's held events (`?campaign=`), or all. */
  campaignId: string | null;
}) {
  const filter: Record<string, string> = campaignId === null ? {} : { campaign: campaignId };
  const r = ctx.copy.reviews;
  const reviews = page.items;
  const act = status === 'pending' && ctx.may('operator');
  const rows = reviews.map((held) => (
    <tr key={held.id} data-review={held.id}>
      {act ? (
        <td>
          <input
            type="checkbox"
            name="id"
            value={held.id}
            form="decide"
            aria-label={`${r.select} ${held.id}`}
          />
        </td>
      ) : null}
      <td>{ctx.time(held.heldAt)}</td>
      <td>
        <code>{held.campaignId}</code>
      </td>
      <td>
        <code>{held.instanceId}</code>
      </td>
      <td>{held.event.actor.id}</td>
      <td>
        <code>{held.event.type}</code>
        <div class="muted">
          <code>{held.event.eventId}</code>
        </div>
      </td>
      <td>
        {held.reasons.map((reason) => (
          <div key={reason}>{reason}</div>
        ))}
      </td>
      {status === 'pending' ? null : (
        <td>
          {held.decision ? r.decided(held.decision.by, ctx.time(held.decision.at)) : ''}
          {held.decision?.reason ? <div>{held.decision.reason}</div> : null}
        </td>
      )}
    </tr>
  ));
  return (
    <>
      <nav class="tabs" aria-label={r.title}>
        {STATUSES.map((s) => (
          <a
            key={s}
            href={ctx.href('/reviews', { ...filter, status: s })}
            aria-current={s === status ? 'page' : undefined}
          >
            {r[s]}
          </a>
        ))}
      </nav>
      {campaignId === null ? null : (
        <p class="muted" data-filter={campaignId}>
          {ctx.copy.paging.onlyCampaign(campaignId)}{' '}
          <a href={ctx.href('/reviews', { status })}>{ctx.copy.paging.all}</a>
        </p>
      )}
      {reviews.length === 0 ? (
        <p class="muted">{r.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {act ? (
                <th>
                  <input type="checkbox" data-select-all="id" aria-label={r.selectAll} />
                </th>
              ) : null}
              <th>{r.heldAt}</th>
              <th>{r.campaign}</th>
              <th>{r.instance}</th>
              <th>{r.actor}</th>
              <th>{r.event}</th>
              <th>{r.reasons}</th>
              {status === 'pending' ? null : <th>{r.decision}</th>}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      )}
      <Pager
        ctx={ctx}
        path="/reviews"
        query={{ ...filter, status }}
        paged={paged}
        next={page.next}
        truncated={page.truncated}
      />
      {act && reviews.length > 0 ? (
        <ActionForm ctx={ctx} action="/reviews" id="decide">
          <div class="row">
            <button type="submit" name="decision" value="approve" class="primary">
              {ctx.copy.actions.approve}
            </button>
            <label>
              {r.reason} <input type="text" name="reason" maxLength={200} />
            </label>
            <button type="submit" name="decision" value="reject" class="danger">
              {ctx.copy.actions.reject}
            </button>
          </div>
        </ActionForm>
      ) : null}
    </>
  );
}

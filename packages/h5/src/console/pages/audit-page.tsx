import type { AuditEntry } from '@liebian/core/engine';
import type { Page } from '../console-paging.js';
import { asJson, type PageContext } from './page-context.js';
import { Pager } from './pager.js';

/** Operator actions: who, when, what, on what, before and after, and how each ended. */
export function AuditTable({ ctx, entries }: { ctx: PageContext; entries: readonly AuditEntry[] }) {
  const a = ctx.copy.audit;
  if (entries.length === 0) return <p class="muted">{a.empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{a.at}</th>
          <th>{a.who}</th>
          <th>{a.action}</th>
          <th>{a.target}</th>
          <th>{a.outcome}</th>
          <th>{a.before}</th>
          <th>{a.after}</th>
          <th>{a.detail}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-audit={e.action}>
            <td>{ctx.time(e.at)}</td>
            <td>
              {e.by.id}
              <div class="muted">{ctx.copy.roles[e.by.role as 'viewer'] ?? e.by.role}</div>
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>
              <code>{e.target}</code>
            </td>
            <td>{a.outcomes[e.outcome]}</td>
            <td>
              <pre>{asJson(e.before)}</pre>
            </td>
            <td>
              <pre>{asJson(e.after)}</pre>
            </td>
            <td>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit, newest first, a page at a time (the cursor names the last entry shown). */
export function AuditPage({
  ctx,
  entries,
  paged,
  campaignId,
}: {
  ctx: PageContext;
  entries: Page<AuditEntry>;
  paged: boolean;
  /** Only this campaign's entries (`?campaign=`), or all. */
  campaignId: string | null;
}) {
  const query: Record<string, string> = campaignId === null ? {} : { campaign: campaignId };
  return (
    <>
      {campaignId === null ? null : (
        <p class="muted" data-filter={campaignId}>
          {ctx.copy.paging.onlyCampaign(campaignId)} <a href={ctx.href('/audit')}>{ctx.copy.paging.all}</a>
        </p>
      )}
      <AuditTable ctx={ctx} entries={entries.items} />
      <Pager
        ctx={ctx}
        path="/audit"
        query={query}
        paged={paged}
        next={entries.next}
        truncated={entries.truncated}
      />
    </>
  );
}

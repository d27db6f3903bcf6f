import type { AnyCampaign } from '@liebian/core';
import type { AuditEntry } from '@liebian/core/engine';
import type { CampaignPhase } from '@liebian/core/mechanics';
import type { ComponentChildren } from 'preact';
import { endIsRefused, type PhaseControl } from '../phase-change.js';
import { AuditTable } from './audit-page.js';
import { ActionForm, type PageContext, PhaseBadge } from './page-context.js';

/** Who may use each phase control. */
export const CONTROL_ROLE = {
  schedule: 'admin',
  pause: 'operator',
  resume: 'operator',
  end: 'admin',
} as const;

export interface CampaignPageData {
  readonly campaign: AnyCampaign;
  readonly phase: CampaignPhase;
  readonly controls: readonly PhaseControl[];
  /** Phase changes that were carried out, newest first (each is a rules version after the loaded one). */
  readonly versions: readonly AuditEntry[];
  readonly recent: readonly AuditEntry[];
  /** What the analytics slot renders; null when no analytics is connected. */
  readonly analytics: ComponentChildren | null;
}

/** A campaign: its phase and controls, analytics slot, rules versions and the actions taken on it. */
export function CampaignPage({ ctx, data }: { ctx: PageContext; data: CampaignPageData }) {
  const c = ctx.copy.campaign;
  const { campaign } = data;
  const path = `/campaigns/${encodeURIComponent(campaign.id)}/phase`;
  const usable = data.controls.filter((control) => ctx.may(CONTROL_ROLE[control]));
  return (
    <>
      <p>
        <PhaseBadge ctx={ctx} phase={data.phase} /> <code>{campaign.id}</code> ·{' '}
        {ctx.copy.kinds[campaign.kind] ?? campaign.kind} ·{' '}
        {ctx.copy.campaigns.range(ctx.time(campaign.schedule.startsAt), ctx.time(campaign.schedule.endsAt))}
      </p>
      <h2>{c.controls}</h2>
      {usable.length === 0 ? (
        <p class="muted">{c.noControl}</p>
      ) : (
        <div class="row">
          {usable.map((control) => (
            <ActionForm ctx={ctx} action={path} key={control}>
              <input type="hidden" name="to" value={control} />
              <button type="submit" class={control === 'end' || control === 'pause' ? 'danger' : 'primary'}>
                {ctx.copy.actions[control]}
              </button>
            </ActionForm>
          ))}
        </div>
      )}
      {data.controls.includes('end') && endIsRefused(data.phase) ? (
        <p class="muted">
          {ctx.copy.consequence.endRefused(campaign.name, ctx.time(campaign.schedule.endsAt))}
        </p>
      ) : null}
      <h2>{c.analytics}</h2>
      <section class="slot" data-slot="analytics">
        {data.analytics ?? <span class="muted">{c.analyticsMissing}</span>}
      </section>
      <h2>{c.versions}</h2>
      <table>
        <thead>
          <tr>
            <th class="num">{c.version}</th>
            <th>{c.when}</th>
            <th>{c.who}</th>
            <th>{c.change}</th>
          </tr>
        </thead>
        <tbody>
          {data.versions.map((entry, i) => {
            const before = entry.before as { phase?: string; status?: string; endsAt?: string } | null;
            const after = entry.after as { phase?: string; status?: string; endsAt?: string } | null;
            return (
              <tr key={entry.id}>
                <td class="num">{data.versions.length - i + 1}</td>
                <td>{ctx.time(entry.at)}</td>
                <td>{entry.by.id}</td>
                <td>
                  <code>{entry.action}</code>: {before?.phase} → {after?.phase}
                  {before?.endsAt !== after?.endsAt ? ` · endsAt ${before?.endsAt} → ${after?.endsAt}` : ''}
                </td>
              </tr>
            );
          })}
          <tr>
            <td class="num">1</td>
            <td>—</td>
            <td>—</td>
            <td class="muted">{c.loaded}</td>
          </tr>
        </tbody>
      </table>
      <h2>{c.recent}</h2>
      <p class="row">
        <a href={ctx.href('/audit', { campaign: campaign.id })}>{c.allActions}</a>
        <a href={ctx.href('/reviews', { campaign: campaign.id })}>{c.heldEvents}</a>
      </p>
      <AuditTable ctx={ctx} entries={data.recent} />
    </>
  );
}

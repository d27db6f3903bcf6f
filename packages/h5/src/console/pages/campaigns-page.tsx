import type { AnyCampaign } from '@liebian/core';
import type { CampaignPhase } from '@liebian/core/mechanics';
import { type PageContext, PhaseBadge } from './page-context.js';

/** What the console knows live, without analytics: every number is read from the store at render. */
export interface LiveFigures {
  readonly campaigns: number;
  readonly pendingReviews: number;
  readonly waitingBoards: number;
  readonly consumers: number;
  /** Outbox entries not yet delivered, summed over consumers (`capped`: at least this many). */
  readonly lag: { readonly entries: number; readonly capped: boolean };
  /** Dead letters, summed over consumers (`capped`: at least this many; one page of each is read). */
  readonly deadLetters: { readonly entries: number; readonly capped: boolean };
}

export interface CampaignRow {
  readonly campaign: AnyCampaign;
  readonly phase: CampaignPhase;
  readonly pendingReviews: number;
  readonly waitingBoards: number;
}

export function Figures({ ctx, figures }: { ctx: PageContext; figures: LiveFigures }) {
  const f = ctx.copy.figures;
  const items: [string, string][] = [
    [f.campaigns, String(figures.campaigns)],
    [f.pendingReviews, String(figures.pendingReviews)],
    [f.waitingSettlements, String(figures.waitingBoards)],
    [f.lag, figures.lag.capped ? f.lagCapped(figures.lag.entries) : String(figures.lag.entries)],
    [
      f.deadLetters,
      figures.deadLetters.capped
        ? f.lagCapped(figures.deadLetters.entries)
        : String(figures.deadLetters.entries),
    ],
    [f.consumers, String(figures.consumers)],
  ];
  return (
    <section aria-label={f.title} class="figures">
      {items.map(([label, value]) => (
        <div class="figure" key={label}>
          <b>{value}</b>
          <span>{label}</span>
        </div>
      ))}
    </section>
  );
}

/** The campaign list: phase and live figures of each. */
export function CampaignsPage({
  ctx,
  rows,
  figures,
}: {
  ctx: PageContext;
  rows: readonly CampaignRow[];
  figures: LiveFigures;
}) {
  const c = ctx.copy.campaigns;
  return (
    <>
      <Figures ctx={ctx} figures={figures} />
      {rows.length === 0 ? (
        <p class="muted">{c.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{c.name}</th>
              <th>{c.kind}</th>
              <th>{c.phase}</th>
              <th>{c.schedule}</th>
              <th class="num">{c.reviews}</th>
              <th class="num">{c.settlements}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.campaign.id} data-campaign={row.campaign.id}>
                <td>
                  <a href={ctx.href(`/campaigns/${encodeURIComponent(row.campaign.id)}`)}>
                    {row.campaign.name}
                  </a>
                  <div class="muted">
                    <code>{row.campaign.id}</code>
                  </div>
                </td>
                <td>{ctx.copy.kinds[row.campaign.kind] ?? row.campaign.kind}</td>
                <td>
                  <PhaseBadge ctx={ctx} phase={row.phase} />
                </td>
                <td>
                  {c.range(ctx.time(row.campaign.schedule.startsAt), ctx.time(row.campaign.schedule.endsAt))}
                </td>
                <td class="num">{row.pendingReviews}</td>
                <td class="num">{row.waitingBoards}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

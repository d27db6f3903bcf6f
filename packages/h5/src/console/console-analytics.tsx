import type { Locale, Store } from '@liebian/core';
import type { Analytics } from '@liebian/core/analytics';
import { outboxBehind } from '@liebian/core/store';
import type { ComponentChildren } from 'preact';
import { dashboardSections } from '../dashboard/dashboard-page.js';
import type { PageContext } from './pages/page-context.js';

/**
 * The analytics slot of a campaign page: what the analytics summary renders for `campaignId`, or null for "not
 * connected". The console shows nothing in its place but that sentence (no estimated figures). Pass
 * `createAnalytics`' result instead to show the dashboard's own figures.
 *
 * @example
 * const analytics: AnalyticsSlot = async (campaignId, locale) => <AnalyticsSummary id={campaignId} locale={locale} />;
 * createConsole(engine, { ...options, analytics });
 */
export type AnalyticsSlot = (campaignId: string, locale: Locale) => Promise<ComponentChildren | null>;

/** How far the "not counted yet" figure reads before it says "at least". */
const BEHIND_UP_TO = 10_000;

/**
 * The campaign page's analytics: with `createAnalytics`' result, the dashboard's own sections (`dashboardSections` of
 * `analytics.report`, nothing computed here) and how many outbox entries its consumer has not counted yet; with a
 * slot function, what it renders; with neither, null.
 *
 * @example
 * const section = await campaignAnalytics(options.analytics, store, 'tea-set-bargain', ctx);
 */
export async function campaignAnalytics(
  source: Analytics | AnalyticsSlot | undefined,
  store: Store,
  campaignId: string,
  ctx: PageContext,
): Promise<ComponentChildren | null> {
  if (source === undefined) return null;
  if (typeof source === 'function') return source(campaignId, ctx.lang);
  const [report, behind] = await Promise.all([
    source.report(campaignId),
    outboxBehind(store, source.consumer.name, BEHIND_UP_TO),
  ]);
  return (
    <>
      <p class="muted" data-analytics-behind={behind.entries}>
        {ctx.copy.campaign.analyticsFrom(
          source.consumer.name,
          behind.capped ? `${behind.entries}+` : String(behind.entries),
        )}
      </p>
      {/* The dashboard's sections: server-made HTML whose every text is escaped there. */}
      <div dangerouslySetInnerHTML={{ __html: dashboardSections(report, { locale: ctx.lang }) }} />
    </>
  );
}

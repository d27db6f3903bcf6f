import { type AnyCampaign, isLiebianError, type Locale, type Store } from '@liebian/core';
import { campaignReport } from '@liebian/core/analytics';
import { escapeHtml } from '../report/escape-html.js';
import { renderDashboard } from './dashboard-page.js';

/**
 * What {@link createDashboardHandler} serves: the campaigns whose figures it shows, the store it reads them
 * from, and who may see them.
 *
 * @example
 * const dashboard = createDashboardHandler({
 *   store,
 *   campaigns,
 *   authorize: (request) => isStaff(request),
 *   basePath: '/dashboard/',
 * });
 */
export interface DashboardOptions {
  /** The store the engine and its analytics consumer (`createAnalytics`) write to. */
  readonly store: Store;
  readonly campaigns: readonly AnyCampaign[];
  /**
   * Whether the request may see the figures (they name spreaders by user id): your operators' authentication. A
   * refusal answers 403.
   */
  authorize(request: Request): boolean | Promise<boolean>;
  /** The path the handler is mounted under (default `/`), e.g. `/dashboard/`. */
  readonly basePath?: string;
  readonly locale?: Locale;
}

const page = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
      'x-content-type-options': 'nosniff',
    },
  });

/**
 * A mountable Fetch-API handler for the operators' dashboard: `GET <basePath>` lists the campaigns, `GET
 * <basePath><campaignId>?from=YYYY-MM-DD&to=YYYY-MM-DD` renders one (`renderDashboard`). Read-only: it reads the
 * figures the analytics consumer folded and changes nothing (other methods answer 405).
 *
 * @example
 * const dashboard = createDashboardHandler({ store, campaigns, basePath: '/dashboard/', authorize: isOperator });
 * // in your server: if (url.pathname.startsWith('/dashboard/')) return dashboard(request);
 */
export function createDashboardHandler(options: DashboardOptions): (request: Request) => Promise<Response> {
  const base = options.basePath ?? '/';
  const locale = options.locale ?? 'zh-CN';
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    if (!(await options.authorize(request)))
      return page('<!doctype html><title>403</title><p>forbidden</p>', 403);
    const url = new URL(request.url);
    if (!url.pathname.startsWith(base)) return page('<!doctype html><title>404</title><p>not found</p>', 404);
    const id = decodeURIComponent(url.pathname.slice(base.length));
    if (id === '') {
      const links = options.campaigns
        .map(
          (c) =>
            `<li><a href="${escapeHtml(base + encodeURIComponent(c.id))}">${escapeHtml(c.name)}</a> (${escapeHtml(c.kind)})</li>`,
        )
        .join('');
      return page(
        `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>Liebian</title><ul>${links}</ul></html>`,
      );
    }
    const campaign = options.campaigns.find((c) => c.id === id);
    if (!campaign) return page(`<!doctype html><title>404</title><p>no campaign ${escapeHtml(id)}</p>`, 404);
    const range = {
      ...(url.searchParams.get('from') ? { from: url.searchParams.get('from') as string } : {}),
      ...(url.searchParams.get('to') ? { to: url.searchParams.get('to') as string } : {}),
    };
    try {
      const report = await campaignReport({ store: options.store, campaign }, range);
      return page(renderDashboard(report, { name: campaign.name, locale }));
    } catch (error) {
      if (!isLiebianError(error, 'invalid-argument')) throw error;
      return page(`<!doctype html><title>400</title><p>${escapeHtml(error.message)}</p>`, 400);
    }
  };
}

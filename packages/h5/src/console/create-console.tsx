import {
  type Clock,
  type Consumer,
  type Engine,
  isLiebianError,
  LiebianError,
  type Locale,
  type Store,
} from '@liebian/core';
import type { Analytics } from '@liebian/core/analytics';
import { type AuditEntry, auditLog, type ReviewStatus } from '@liebian/core/engine';
import { formatInstant } from '@liebian/core/mechanics';
import { MAX_RECORDS_LISTED, RETRYABLE_CODES, type RecordStore } from '@liebian/core/store';
import { type IdSource, nanoidSource, systemClock } from '@liebian/core/testing';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { CONSOLE_COPY } from '../copy.js';
import {
  type ActionAnswer,
  approveBoardAction,
  approveRewardAction,
  type ConsoleAction,
  deliveryAction,
  flagMemberAction,
  phaseAction,
  reverseRewardAction,
  reviewAction,
} from './console-actions.js';
import { type AnalyticsSlot, campaignAnalytics } from './console-analytics.js';
import { csrfToken, csrfValid } from './console-csrf.js';
import {
  type DataSources,
  loadBoards,
  loadCampaigns,
  loadConsumers,
  loadLedgers,
  loadNotice,
} from './console-data.js';
import { createConsoleIndexer, INDEXER_NAME } from './console-indexer.js';
import { CONSOLE_ISLAND } from './console-island.js';
import { pageOf, parseCursor } from './console-paging.js';
import { CONSOLE_STYLES } from './console-styles.js';
import { AuditPage } from './pages/audit-page.js';
import { CampaignPage } from './pages/campaign-page.js';
import { CampaignsPage } from './pages/campaigns-page.js';
import { ConfirmPage } from './pages/confirm-page.js';
import { DeliveryPage } from './pages/delivery-page.js';
import { Layout, type Section } from './pages/layout.js';
import { type ConsoleRole, type PageContext, ROLES } from './pages/page-context.js';
import { ReviewsPage } from './pages/reviews-page.js';
import { SettlementsPage } from './pages/settlements-page.js';
import { controlsFor, definitionWith } from './phase-change.js';

export type { AnalyticsSlot } from './console-analytics.js';
export type { ConsoleRole } from './pages/page-context.js';

/**
 * Who is signed in to the console, from the integrator's authentication (never from the request's fields).
 *
 * @example
 * const authenticate = async (request: Request): Promise<ConsoleOperator | null> => {
 *   const session = await sessions.read(request);
 *   return session ? { id: session.staffId } : null;
 * };
 */
export interface ConsoleOperator {
  readonly id: string;
}

/**
 * What {@link createConsole} needs: the engine's store, your authentication and roles, the CSRF secret, and
 * optionally the mount path, consumers, analytics slot, locale, time zone, clock and ids.
 *
 * @example
 * const options: ConsoleOptions = {
 *   store,
 *   authenticate: (request) => staffFrom(request),
 *   authorize: (operator) => (admins.has(operator.id) ? 'admin' : 'viewer'),
 *   secret: process.env.CONSOLE_SECRET ?? '',
 * };
 * const console = createConsole(engine, options);
 */
export interface ConsoleOptions {
  /** The engine's own store: held events, the audit and consumers are read and written there. */
  readonly store: Store & RecordStore;
  /** The operator of a request (your session), or null: signed out (401). */
  readonly authenticate: (request: Request) => ConsoleOperator | null | Promise<ConsoleOperator | null>;
  /** The operator's role, or null: no console access (403). viewer looks; operator decides; admin also schedules, ends and discards. */
  readonly authorize: (
    operator: ConsoleOperator,
    request: Request,
  ) => ConsoleRole | null | Promise<ConsoleRole | null>;
  /** Signs the CSRF tokens: at least 32 characters, kept secret. */
  readonly secret: string;
  /** Where the console is mounted (default `/console`). */
  readonly basePath?: string;
  /** Effect consumers running in this process, so their dead letters can be retried from the console. */
  readonly consumers?: readonly Consumer[];
  /**
   * The campaign page's analytics: `createAnalytics`' result (the dashboard's figures of `analytics.report`, and how
   * far its consumer is behind), or a function rendering your own; without it the page says none is connected.
   */
  readonly analytics?: Analytics | AnalyticsSlot;
  /** Default `zh-CN`; `?lang=en` switches a page. */
  readonly locale?: Locale;
  /** Time zone of the times shown (default `Asia/Shanghai`). */
  readonly timeZone?: string;
  /** Rows per page of the reviews, the audit and each consumer's dead letters (default 50, at most 500). */
  readonly pageSize?: number;
  readonly clock?: Clock;
  readonly ids?: IdSource;
}

/**
 * A running console, as {@link createConsole} returns it: its Fetch-API handler, its outbox consumer (start
 * it), and the recovery of phase changes after a restart.
 *
 * @example
 * const operatorConsole: OperatorConsole = createConsole(engine, options);
 * await operatorConsole.restoreCampaigns();
 * operatorConsole.indexer.start();
 * serve({ fetch: operatorConsole.handle });
 */
export interface OperatorConsole {
  /** The Fetch-API handler: mount it under `basePath`. */
  readonly handle: (request: Request) => Promise<Response>;
  /** The console's consumer of the outbox (lists leaderboards to approve and referral ledgers): start it. */
  readonly indexer: Consumer;
  /**
   * Re-applies each campaign's last phase change recorded by the console (after a restart, the engine has the
   * definitions from your files again). Returns how many campaigns changed.
   */
  restoreCampaigns(): Promise<number>;
}

const MAX_FORM_BYTES = 16 * 1024;

const ROUTES: readonly [RegExp, (match: RegExpMatchArray) => ConsoleAction][] = [
  [/^\/campaigns\/([A-Za-z0-9_.:-]{1,128})\/phase$/, (m) => phaseAction(m[1] as string)],
  [/^\/reviews$/, () => reviewAction],
  [/^\/settlements\/approve$/, () => approveBoardAction],
  [/^\/settlements\/reverse$/, () => reverseRewardAction],
  [/^\/settlements\/flag$/, () => flagMemberAction],
  [/^\/settlements\/approve-reward$/, () => approveRewardAction],
  [/^\/delivery$/, () => deliveryAction],
];

/**
 * The operator console: campaigns with their phase controls, the review queue, settlements, delivery and the
 * audit, as server-rendered pages (zh-CN and en) with one small inline script. Every post needs the operator's CSRF
 * token and a role that may do it, is confirmed with its consequence first, runs once per form (its action key) and
 * is recorded in the audit; a GET never changes anything.
 *
 * @example
 * const ops = createConsole(engine, {
 *   store,
 *   authenticate: (req) => session(req)?.staff ?? null,
 *   authorize: (staff) => staff.console, // 'viewer' | 'operator' | 'admin'
 *   secret: process.env.CONSOLE_SECRET,
 * });
 * ops.indexer.start();
 * // in your server: if (url.pathname.startsWith('/console')) return ops.handle(request);
 */
export function createConsole(engine: Engine, options: ConsoleOptions): OperatorConsole {
  if (typeof options.secret !== 'string' || options.secret.length < 32)
    throw new LiebianError(
      'invalid-argument',
      `secret = ${options.secret === undefined ? 'undefined' : `${String(options.secret).length} characters`}: the console signs CSRF tokens with it; give at least 32 random characters`,
    );
  const base = options.basePath ?? '/console';
  if (!/^(\/[A-Za-z0-9_-]+)+$/.test(base))
    throw new LiebianError(
      'invalid-argument',
      `basePath = ${JSON.stringify(base)}: use a path like "/console" (no trailing "/")`,
    );
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_RECORDS_LISTED)
    throw new LiebianError(
      'invalid-argument',
      `pageSize = ${options.pageSize}: give a whole number of rows from 1 to ${MAX_RECORDS_LISTED}`,
    );
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? nanoidSource();
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const indexer = createConsoleIndexer(options.store, { clock });
  const consumers = new Map<string, Consumer>([[INDEXER_NAME, indexer]]);
  for (const c of options.consumers ?? []) consumers.set(c.name, c);
  const audit = auditLog(options.store, () => clock.now());
  const sources: DataSources = { engine, store: options.store, audit, consumers, pageSize };

  const page = (
    ctx: PageContext,
    section: Section | null,
    title: string,
    body: ComponentChildren,
    status = 200,
    notice: readonly AuditEntry[] = [],
    repeated = false,
  ) => {
    const nonce = btoa(ids()).replace(/=+$/, '');
    const html = renderToString(
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · ${ctx.copy.title}`}</title>
          <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CONSOLE_STYLES }} />
        </head>
        <body>
          <Layout ctx={ctx} section={section} title={title} notice={notice} repeated={repeated}>
            {body}
          </Layout>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: CONSOLE_ISLAND }} />
        </body>
      </html>,
    );
    return new Response(`<!doctype html>${html}`, { status, headers: secureHeaders(nonce) });
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return plain(404, 'not found');
    const path = url.pathname.slice(base.length) || '/';
    const lang: Locale =
      url.searchParams.get('lang') === 'en'
        ? 'en'
        : url.searchParams.get('lang') === 'zh-CN'
          ? 'zh-CN'
          : (options.locale ?? 'zh-CN');
    const copy = CONSOLE_COPY[lang];
    const operator = await options.authenticate(request);
    if (!operator) return plain(401, copy.errors.signIn);
    const role = await options.authorize(operator, request);
    if (role === null || !ROLES.includes(role)) return plain(403, copy.errors.noRole);
    const now = clock.now();
    const ctx: PageContext = {
      copy,
      lang,
      operatorId: operator.id,
      role,
      csrf: await csrfToken(options.secret, operator.id, now),
      newKey: () => ids().replace(/[^A-Za-z0-9_-]/g, '_'),
      href: (p, query = {}) => {
        const q = new URLSearchParams({
          ...query,
          ...(lang === (options.locale ?? 'zh-CN') ? {} : { lang }),
        }).toString();
        return `${base}${p === '/' ? '' : p}${q ? `?${q}` : ''}` || '/';
      },
      time: (ms) => formatInstant(ms, timeZone),
      may: (needed) => ROLES.indexOf(role) >= ROLES.indexOf(needed),
    };
    try {
      if (request.method === 'GET' || request.method === 'HEAD') return await show(ctx, path, url);
      if (request.method === 'POST') return await act(ctx, path, request, now);
      return plain(405, 'GET or POST', { allow: 'GET, HEAD, POST' });
    } catch (error) {
      if (isLiebianError(error, 'unknown-campaign') || isLiebianError(error, 'unknown-instance'))
        return page(ctx, null, copy.errors.notFound, <p>{error.message}</p>, 404);
      // The store could not be reached or did not answer: whatever the post did is unknown, and doing it again is safe.
      if (isLiebianError(error) && RETRYABLE_CODES.has(error.code))
        return page(ctx, null, copy.errors.unavailable, <p class="muted">{error.message}</p>, 503);
      throw error;
    }
  }

  async function show(ctx: PageContext, path: string, url: URL): Promise<Response> {
    const { copy } = ctx;
    const notice = await loadNotice(
      sources,
      url.searchParams.get('notice'),
      Number(url.searchParams.get('n') ?? 1),
    );
    const again = url.searchParams.get('again') === '1';
    if (path === '/') {
      const { rows, figures } = await loadCampaigns(sources);
      return page(
        ctx,
        'campaigns',
        copy.campaigns.title,
        <CampaignsPage ctx={ctx} rows={rows} figures={figures} />,
        200,
        notice,
        again,
      );
    }
    const campaignMatch = /^\/campaigns\/([A-Za-z0-9_.:-]{1,128})$/.exec(path);
    if (campaignMatch) {
      const campaign = engine.campaign(campaignMatch[1] as string);
      const phase = engine.phase(campaign.id);
      const recent = await audit.list({ campaignId: campaign.id, limit: 50 });
      const versions = recent.filter((e) => e.action.startsWith('campaign.') && e.outcome === 'done');
      const analytics = await campaignAnalytics(options.analytics, options.store, campaign.id, ctx);
      return page(
        ctx,
        'campaigns',
        campaign.name,
        <CampaignPage
          ctx={ctx}
          data={{ campaign, phase, controls: controlsFor(phase), versions, recent, analytics }}
        />,
        200,
        notice,
        again,
      );
    }
    if (path === '/reviews') {
      const asked = url.searchParams.get('status');
      const status: ReviewStatus = asked === 'approved' || asked === 'rejected' ? asked : 'pending';
      const cursor = parseCursor(url.searchParams.get('after'));
      const campaignId = campaignParam(url);
      const all = await engine.reviews({
        status,
        limit: MAX_RECORDS_LISTED,
        ...(campaignId === null ? {} : { campaignId }),
      });
      const reviews = pageOf(
        all,
        (r) => ({ at: r.heldAt, id: r.id }),
        cursor,
        pageSize,
        all.length === MAX_RECORDS_LISTED,
      );
      return page(
        ctx,
        'reviews',
        copy.reviews.title,
        <ReviewsPage
          ctx={ctx}
          status={status}
          reviews={reviews}
          paged={cursor !== null}
          campaignId={campaignId}
        />,
        200,
        notice,
        again,
      );
    }
    if (path === '/settlements') {
      const [boards, ledgers] = await Promise.all([loadBoards(sources), loadLedgers(sources)]);
      return page(
        ctx,
        'settlements',
        copy.settlements.title,
        <SettlementsPage ctx={ctx} boards={boards} ledgers={ledgers} indexer={INDEXER_NAME} />,
        200,
        notice,
        again,
      );
    }
    if (path === '/delivery') {
      const items = await loadConsumers(sources, {
        consumer: url.searchParams.get('consumer'),
        after: url.searchParams.get('after'),
      });
      return page(
        ctx,
        'delivery',
        copy.delivery.title,
        <DeliveryPage ctx={ctx} consumers={items} />,
        200,
        notice,
        again,
      );
    }
    if (path === '/audit') {
      const cursor = parseCursor(url.searchParams.get('after'));
      const campaignId = campaignParam(url);
      const all = await audit.list({
        limit: MAX_RECORDS_LISTED,
        ...(campaignId === null ? {} : { campaignId }),
      });
      const entries = pageOf(all, (e) => e, cursor, pageSize, all.length === MAX_RECORDS_LISTED);
      return page(
        ctx,
        'audit',
        copy.audit.title,
        <AuditPage ctx={ctx} entries={entries} paged={cursor !== null} campaignId={campaignId} />,
        200,
        notice,
        again,
      );
    }
    return page(ctx, null, copy.errors.notFound, <p class="muted">{path}</p>, 404);
  }

  async function act(ctx: PageContext, path: string, request: Request, now: number): Promise<Response> {
    const { copy } = ctx;
    const refuse = (status: number, message: string) =>
      page(ctx, null, message, <p class="muted">{path}</p>, status);
    // A post from another site's page carries its own origin; the token below is the real check.
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== new URL(request.url).origin) return refuse(403, copy.errors.csrf);
    const form = await readForm(request);
    if (form === null) return refuse(400, copy.errors.badForm);
    if (!(await csrfValid(options.secret, ctx.operatorId, form.get('csrf') ?? '', now)))
      return refuse(403, copy.errors.csrf);
    const route = ROUTES.map(([pattern, make]) => [path.match(pattern), make] as const).find(
      ([m]) => m !== null,
    );
    if (!route?.[0]) return refuse(404, copy.errors.notFound);
    const action = route[1](route[0]);
    const key = form.get('key') ?? '';
    if (!/^[A-Za-z0-9_-]{8,40}$/.test(key)) return refuse(400, copy.errors.badForm);
    const input = { sources, ctx, form, key, confirmed: form.get('confirm') === '1', now };
    if (!ctx.may(action.role(input))) return refuse(403, copy.errors.forbidden);
    const answer: ActionAnswer = await action.run(input);
    if (answer.kind === 'refused') return refuse(answer.status, answer.message);
    if (answer.kind === 'done') {
      const to = new URL(ctx.href(answer.back), request.url);
      to.searchParams.set('notice', answer.key);
      to.searchParams.set('n', String(answer.count));
      if (answer.repeated) to.searchParams.set('again', '1');
      return new Response(null, {
        status: 303,
        headers: { location: `${to.pathname}${to.search}`, 'cache-control': 'no-store' },
      });
    }
    return page(
      ctx,
      null,
      answer.title,
      <ConfirmPage
        ctx={ctx}
        action={path}
        actionKey={key}
        consequence={answer.consequence}
        fields={answer.fields}
        back={answer.back}
        blocked={answer.blocked ?? false}
        danger={answer.danger ?? false}
      >
        {answer.reason ? (
          <p>
            <label>
              {answer.reason.label}
              <br />
              <input type="text" name="reason" value={answer.reason.value} maxLength={200} required />
            </label>
            {answer.reason.missing ? <span class="muted"> {answer.reason.needed}</span> : null}
          </p>
        ) : null}
      </ConfirmPage>,
    );
  }

  return {
    handle,
    indexer,
    async restoreCampaigns() {
      let changed = 0;
      for (const campaign of engine.campaigns()) {
        const entries = await audit.list({ campaignId: campaign.id, limit: 50 });
        const last = entries.find((e) => e.action.startsWith('campaign.') && e.outcome === 'done');
        const facts = last?.after as { status: string; startsAt: string; endsAt: string } | undefined;
        if (!facts) continue;
        const same =
          facts.status === campaign.status &&
          Date.parse(facts.startsAt) === campaign.schedule.startsAt &&
          Date.parse(facts.endsAt) === campaign.schedule.endsAt;
        if (same) continue;
        engine.replaceCampaign(definitionWith(campaign, facts));
        changed++;
      }
      return changed;
    },
  };
}

function secureHeaders(nonce: string): Headers {
  return new Headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  });
}

/** The `campaign` filter of a list page, or null (none, or not a campaign id). */
const campaignParam = (url: URL): string | null => {
  const id = url.searchParams.get('campaign');
  return id !== null && /^[A-Za-z0-9_.:-]{1,128}$/.test(id) ? id : null;
};

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** A urlencoded form of at most 16 KiB, or null. */
async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) return null;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return null;
  const text = await request.text();
  return text.length > MAX_FORM_BYTES ? null : new URLSearchParams(text);
}

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  type Actor,
  type AnyCampaign,
  createHandler,
  type Engine,
  type Store,
  verifyInvite,
} from '@liebian/core';
import { handleNode } from '@liebian/core/node';
import { renderDocument } from '@liebian/h5';
import { escapeHtml, indexPage, launchPage, loginPage, logoutForm, messagePage } from './demo-pages.js';
import { csrfToken, readForm, sameSiteForm, sameSitePath, withSecurityHeaders } from './web-security.js';

const COOKIE = 'liebian_demo_user';

function userOf(cookieHeader: string | null | undefined): string | null {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(cookieHeader ?? '');
  if (!match?.[1]) return null;
  const name = decodeURIComponent(match[1]).trim();
  return name.length > 0 && name.length <= 20 && !name.startsWith('@') ? name : null;
}

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
const redirect = (to: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { location: to, ...headers } });

/** What a new instance of each kind needs from its initiator. */
const startInput = (campaign: AnyCampaign, user: string) =>
  campaign.kind === 'swap' ? { item: { id: `${user}-book`, title: `${user} 的闲置好书` } } : undefined;

export interface DemoOptions {
  readonly engine: Engine;
  readonly campaigns: readonly AnyCampaign[];
  readonly inviteSecret: string;
  /** Built front-end files (the share poster, from `buildPosterModule`), served under `/assets/`. */
  readonly assets?: { readonly dir: string; readonly poster: string };
  /** The operator console (`createConsole`), served under its base path (`/console`) with its own headers. */
  readonly console?: { readonly basePath: string; readonly handle: (request: Request) => Promise<Response> };
  /** Where the API's beacon route counts the pages' events (the store analytics reads); without it, none. */
  readonly beaconStore?: Store;
  /** The analytics dashboard (`createDashboardHandler` mounted at `/dashboard/`), shown to signed-in users. */
  readonly dashboard?: (request: Request) => Promise<Response>;
}

/**
 * Demo only: who may use the console, from the demo's name login. A name starting with `admin` is an admin, one
 * starting with `op` an operator, anyone else signed in a viewer. A real shop takes this from its staff accounts.
 */
export const demoConsoleAccess = {
  authenticate: (request: Request) => {
    const id = userOf(request.headers.get('cookie'));
    return id === null ? null : { id };
  },
  authorize: ({ id }: { id: string }) =>
    id.startsWith('admin')
      ? ('admin' as const)
      : id.startsWith('op')
        ? ('operator' as const)
        : ('viewer' as const),
};

/** The demo web app: pages rendered by @liebian/h5, the API by createHandler, a name-in-a-cookie login. */
export function createDemoServer({
  engine,
  campaigns,
  inviteSecret,
  assets,
  console: ops,
  dashboard,
  beaconStore,
}: DemoOptions): Server {
  const actorOf = (request: Request): Actor | null => {
    const cookie = request.headers.get('cookie');
    const id = userOf(cookie);
    // Demo only: whether someone is a new user is your account system's call, never the visitor's.
    const newUser = /(?:^|;\s*)liebian_demo_new=1(?:;|$)/.test(cookie ?? '');
    return id === null ? null : { id, ...(newUser ? { newUser } : {}) };
  };
  const api = createHandler(engine, {
    authenticate: actorOf,
    invites: { secret: inviteSecret },
    rateLimit: { perActor: { max: 30, windowMs: 10_000 } },
    ...(beaconStore ? { beacon: { store: beaconStore } } : {}),
  });

  /** A state-changing form post: its fields when it is a bounded form from this site's page, else the refusal. */
  async function formPost(request: Request): Promise<URLSearchParams | Response> {
    const form = await readForm(request);
    if (form === 413) return html(messagePage('内容太长', '表单内容超出了长度限制。'), 413);
    if (form === 415) return html(messagePage('无法处理', '请从页面上的表单提交。'), 415);
    if (!sameSiteForm(request, form))
      return html(
        messagePage('请求被拒绝', '这个请求不是从本站页面发出的（CSRF 校验失败），请返回重试。'),
        403,
      );
    return form;
  }

  async function page(request: Request, csrf: string): Promise<Response> {
    const url = new URL(request.url);
    const user = actorOf(request);
    const [, first, second] = url.pathname.split('/').map(decodeURIComponent);
    if (url.pathname === '/') return html(indexPage(campaigns, user?.id ?? null, csrf));
    // The sample campaigns' product images (their `page.hook.image.src` is `/images/<file>`).
    if (first === 'images' && second && /^[\w-]+\.svg$/.test(second)) {
      const image = new URL(`../../campaigns/images/${second}`, import.meta.url);
      if (existsSync(image))
        return new Response(readFileSync(image), {
          headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' },
        });
    }
    if (first === 'assets' && second && assets && second === assets.poster) {
      return new Response(readFileSync(join(assets.dir, second)), {
        headers: {
          'content-type': 'text/javascript',
          'cache-control': 'public, max-age=31536000, immutable',
        },
      });
    }
    const posting = request.method === 'POST';
    // Demo only: every signed-in name may look. In your app, the dashboard is for your operators' accounts.
    if (first === 'dashboard' && dashboard) {
      if (!user) return redirect(`/login?next=${encodeURIComponent(url.pathname)}`);
      return dashboard(request);
    }
    if (first === 'login' && posting) {
      const form = await formPost(request);
      if (form instanceof Response) return form;
      const name = (form.get('name') ?? '').trim().slice(0, 20);
      const next = sameSitePath(form.get('next'));
      if (!name || name.startsWith('@')) return html(loginPage(next, csrf), 400);
      const headers = new Headers({ location: next });
      headers.append('set-cookie', `${COOKIE}=${encodeURIComponent(name)}; Path=/; HttpOnly; SameSite=Lax`);
      headers.append(
        'set-cookie',
        `liebian_demo_new=${form.get('newUser') ? 1 : 0}; Path=/; HttpOnly; SameSite=Lax`,
      );
      return new Response(null, { status: 303, headers });
    }
    if (first === 'login') return html(loginPage(sameSitePath(url.searchParams.get('next')), csrf));
    if (first === 'logout' && posting) {
      const form = await formPost(request);
      if (form instanceof Response) return form;
      return redirect('/', { 'set-cookie': `${COOKIE}=; Path=/; Max-Age=0` });
    }
    if (first === 'c' && second) {
      if (!user) return redirect(`/login?next=${encodeURIComponent(url.pathname)}`);
      const campaign = campaigns.find((c) => c.id === second);
      if (!campaign) return html(messagePage('没有这个活动', second), 404);
      // Opening the link only shows the button: launching changes state, so it is a form post.
      if (!posting) return html(launchPage(campaign, user.id, csrf));
      const form = await formPost(request);
      if (form instanceof Response) return form;
      const started = await engine.start(campaign.id, { actor: user, input: startInput(campaign, user.id) });
      if (started.status === 'rejected') return html(messagePage('无法发起', `原因：${started.reason}`), 409);
      return redirect(`/i/${encodeURIComponent(started.instanceId)}`);
    }
    if (first === 'invite' && second) {
      const check = await verifyInvite(second, inviteSecret, Date.now());
      if (!check.ok)
        return html(
          messagePage(
            '邀请链接无效',
            check.reason === 'expired'
              ? '这个邀请链接已过期。'
              : '这个邀请链接被改动过或不完整，请向好友重新索取。',
          ),
          403,
        );
      // The token rides along: the page's islands send it with the friend's events, for the link's channel.
      return redirect(
        `/i/${encodeURIComponent(check.claims.instanceId)}?invite=${encodeURIComponent(second)}`,
      );
    }
    if (first === 'i' && second) {
      const view = await engine.view(second, user);
      const campaign = campaigns.find((c) => c.id === view.campaignId) as AnyCampaign;
      const order = `demo-order-${Date.now()}`;
      const document = renderDocument({
        campaign,
        view,
        disclosure: engine.disclose(campaign.id, 'zh-CN'),
        locale: 'zh-CN',
        // In a real shop these payloads come from your checkout (an order id) or a form (the offered item).
        islands: {
          apiBase: '/api',
          instanceId: second,
          ...(assets ? { posterModule: `/assets/${assets.poster}` } : {}),
          payloads: {
            'bargain.purchase': { orderId: order },
            'group-buy.pay': { orderId: order },
            'swap.propose': {
              offer: { id: `${user?.id ?? 'guest'}-offer`, title: `${user?.id ?? '访客'} 的一本书` },
            },
          },
        },
      });
      const who = `<p style="text-align:center;font-size:13px">${user ? `当前身份：${escapeHtml(user.id)} · ${logoutForm(csrf)}` : `<a href="/login?next=${encodeURIComponent(url.pathname)}">登录后参与</a>`}</p>`;
      return html(document.replace('<script>', `${who}<script>`));
    }
    return html(messagePage('Not found', url.pathname), 404);
  }

  const app = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/')) return withSecurityHeaders(await api(request));
    if (ops && (pathname === ops.basePath || pathname.startsWith(`${ops.basePath}/`))) {
      // Signed out of the console: the demo's login page, coming back here after.
      const response = await ops.handle(request);
      return response.status === 401 ? redirect(`/login?next=${encodeURIComponent(pathname)}`) : response;
    }
    const { token, setCookie } = csrfToken(request);
    const response = await page(request, token).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      return html(messagePage('出错了', message), 404);
    });
    // The token's cookie is set by the pages whose forms carry it, so no other response (a favicon's 404
    // fetched at the same time) replaces it with a different one.
    const carriesToken = setCookie !== null && (await response.clone().text()).includes(token);
    const secured = await withSecurityHeaders(response);
    if (carriesToken) secured.headers.append('set-cookie', setCookie);
    return secured;
  };
  return createServer((req, res) => {
    handleNode(app, req, res).catch(() => res.destroy());
  });
}

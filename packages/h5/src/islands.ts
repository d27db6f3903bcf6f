/**
 * The page's only script: small vanilla islands over the server-rendered HTML (no framework shipped to the
 * phone). Countdown from server time, action buttons through the HTTP API, invite via Web Share or copy link,
 * the lead form posted as JSON, and live updates: when the instance changes, the page's main content is fetched
 * again and swapped in, without a reload.
 *
 * @example
 * const config: IslandConfig = { apiBase: '/api', instanceId: launch.instanceId, pollMs: 5000 };
 * const html = renderDocument({ campaign, view, disclosure, locale: 'zh-CN', islands: config });
 */
export interface IslandConfig {
  /** Where `createHandler` is mounted, e.g. `/api`. */
  readonly apiBase: string;
  readonly instanceId: string;
  /** Extra payload per action, e.g. an order id the integrator's checkout created. */
  readonly payloads?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** How often to look for changes, in ms (0 = never). */
  readonly pollMs?: number;
  /**
   * Module use only (a page built by `liebian build`): renders the page's new `<main>` in the browser instead of
   * fetching the page again from the server.
   */
  readonly renderMain?: () => Promise<Element>;
  /** Module use only: the link an invite token is shared as (default `<origin>/invite/<token>`). */
  readonly inviteUrl?: (token: string) => string;
  /** Where the poster module is served (`buildPosterModule`); it is loaded only when someone taps the poster button. */
  readonly posterModule?: string;
  /**
   * The page's words for failures, in its locale (`renderDocument` fills them in from `islandMessages`): a refusal
   * reason, or an HTTP status class, shown with the way on.
   */
  readonly messages?: IslandMessages;
  /** Module use only: the address of another instance's page (default: this address with the id replaced). */
  readonly instanceUrl?: (instanceId: string) => string;
  /**
   * WeChat: when the page runs in WeChat with the JS-SDK loaded (`window.wx`, self-hosted by you), the islands
   * configure it before any tap — the signature from your `signatureUrl?url=<page>` endpoint — so WeChat's own share
   * menu carries this title, description and the viewer's signed invite link. A share is never assumed to happen:
   * nothing is granted in the SDK's callbacks.
   */
  readonly wechat?: {
    readonly signatureUrl: string;
    readonly share: { readonly title: string; readonly desc: string; readonly imgUrl?: string };
  };
  /**
   * First-party page events (page view, section seen, share tap, poster opened, invite link opened) are sent in
   * batches to `<apiBase>/beacon` (`createHandler`'s `beacon` option), with the page's `?invite=` token and an
   * anonymous visitor id kept in `localStorage` (no cookie). `false`: send none.
   */
  readonly beacon?: boolean;
}

type PosterModule = typeof import('./poster/draw-poster.js');

/** What the islands say when an action fails, per refusal reason and per kind of failure. */
export interface IslandMessages {
  readonly reasons: Readonly<Record<string, string>>;
  /** 401: not signed in. */
  readonly signIn: string;
  /** 403, 409 and refusals without words of their own. */
  readonly refused: string;
  /** 429. */
  readonly tooMany: string;
  /** 5xx. */
  readonly server: string;
  /** The request never reached the server. */
  readonly offline: string;
}

/**
 * Runs in the browser. Written as one self-contained function so it can be inlined into the document.
 *
 * @example
 * // Normally inlined by islandScript; in a bundle of your own:
 * runIslands({ apiBase: '/api', instanceId: document.body.dataset.instance ?? '' });
 */
export function runIslands(config: IslandConfig): void {
  const api = `${config.apiBase}/instances/${encodeURIComponent(config.instanceId)}`;
  let timers: number[] = [];
  // Under a nonce-based CSP, the module loader below carries the nonce of the script that started the islands.
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

  /**
   * Fetches this page again and swaps in its new main content: the live state without a reload. The ticker's
   * node is kept (its content replaced) so screen readers announce the new activity; a shown invite link stays.
   */
  const refresh = async () => {
    const next = config.renderMain
      ? await config.renderMain()
      : new DOMParser()
          .parseFromString(await (await fetch(location.href, { cache: 'no-store' })).text(), 'text/html')
          .querySelector('main');
    const current = document.querySelector('main');
    if (!next || !current) return location.reload();
    const ticker = current.querySelector('.ticker');
    const nextTicker = next.querySelector('.ticker');
    if (ticker && nextTicker) {
      ticker.innerHTML = nextTicker.innerHTML;
      nextTicker.replaceWith(ticker);
    }
    const invite = document.getElementById('invite-link');
    if (invite) next.querySelector('[data-action=invite]')?.after(invite);
    current.replaceWith(next);
    bind(next);
    const root = document.documentElement;
    root.dataset.refreshes = String(Number(root.dataset.refreshes ?? 0) + 1);
  };

  /**
   * Loads an ES module by URL through a script element, so this function's source stays plain when it is inlined
   * (test runners rewrite `import()` expressions in the code they load).
   */
  const importModule = (url: string): Promise<PosterModule> => {
    const key = `__liebian_${Math.random().toString(36).slice(2)}`;
    const script = document.createElement('script');
    if (nonce) script.nonce = nonce;
    // An inline classic script runs as soon as it is inserted, leaving the import's promise behind.
    script.textContent = `window[${JSON.stringify(key)}] = import(${JSON.stringify(url)});`;
    document.head.append(script);
    return (window as unknown as Record<string, Promise<PosterModule>>)[key] as Promise<PosterModule>;
  };

  /** The invite link this page was opened with: its sealed channel goes with the viewer's events. */
  const invite = new URLSearchParams(location.search).get('invite');
  const randomId = () =>
    // randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const queue: Record<string, string>[] = [];
  /** Sends the queued page events in one batch; `sendBeacon` survives the page being closed. */
  const flush = () => {
    if (queue.length === 0) return;
    const body = JSON.stringify(queue.splice(0, 50));
    if (queue.length > 0) setTimeout(flush, 0); // the route takes 50 a batch
    let sent = false;
    try {
      // Some browsers refuse a JSON beacon to another origin (no preflight): then fetch, which makes one.
      sent = navigator.sendBeacon?.(
        `${config.apiBase}/beacon`,
        new Blob([body], { type: 'application/json' }),
      );
    } catch {}
    if (!sent)
      void fetch(`${config.apiBase}/beacon`, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body,
      }).catch(() => {});
  };
  const track = (type: string, extra: Record<string, string> = {}) => {
    if (config.beacon === false) return;
    let visitor = '';
    try {
      visitor = localStorage.getItem('liebian-visitor') ?? randomId();
      localStorage.setItem('liebian-visitor', visitor);
    } catch {}
    const campaignId = document.querySelector<HTMLElement>('[data-campaign]')?.dataset.campaign;
    queue.push({
      type,
      id: randomId(),
      instanceId: config.instanceId,
      ...(visitor ? { visitor } : {}),
      ...(campaignId ? { campaignId } : {}),
      ...(invite ? { invite } : {}),
      ...extra,
    });
    if (queue.length === 1) setTimeout(flush, 2000);
  };
  addEventListener('pagehide', flush);

  /** A signed invite link for this viewer (only an initiator or member may ask for one), for a channel. */
  const inviteLink = async (channel?: string) => {
    const response = await fetch(`${api}/invites`, {
      method: 'POST',
      ...(channel
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel }) }
        : {}),
    });
    const body = (await response.json()) as { token?: string; detail?: string };
    if (!body.token)
      throw Object.assign(new Error(body.detail ?? 'invite failed'), { status: response.status });
    return config.inviteUrl?.(body.token) ?? `${location.origin}/invite/${body.token}`;
  };

  /** Shows why an action failed, above the action bar's button (one message at a time). */
  const say = (text: string) => {
    document.getElementById('action-alert')?.remove();
    const note = Object.assign(document.createElement('p'), {
      id: 'action-alert',
      className: 'notice',
      textContent: text,
    });
    note.setAttribute('role', 'alert');
    (document.querySelector('.action-bar') ?? document.body).prepend(note);
  };
  const words = config.messages;
  const failed = (status: number, reason?: string) =>
    words &&
    say(
      (reason && words.reasons[reason]) ||
        (status === 401
          ? words.signIn
          : status === 429
            ? words.tooMany
            : status >= 500
              ? words.server
              : words.refused),
    );
  /** Opens another instance's page (a new own instance, or the group a full one sent the friend to). */
  const goTo = (instanceId: string) => {
    const here = encodeURIComponent(config.instanceId);
    location.assign(
      config.instanceUrl?.(instanceId) ??
        (location.href.includes(here)
          ? location.href.replace(here, encodeURIComponent(instanceId))
          : `${location.pathname}?i=${encodeURIComponent(instanceId)}`),
    );
  };

  const bind = (root: ParentNode) => {
    for (const timer of timers) clearInterval(timer);
    timers = [];
    // Countdown: the server's clock, corrected for the phone's clock offset at render time; the rule of `countdown`.
    for (const el of root.querySelectorAll<HTMLElement>('[data-deadline]')) {
      const offset = Number(el.dataset.serverNow) - Date.now();
      const deadline = Number(el.dataset.deadline);
      const two = (n: number) => String(n).padStart(2, '0');
      const tick = () => {
        const left = Math.max(0, deadline - (Date.now() + offset));
        const s = Math.floor(left / 1000);
        const clock = `${two(Math.floor((s % 86_400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
        const days = s >= 86_400 ? `${Math.floor(s / 86_400)}${el.dataset.day ?? 'd'} ` : '';
        el.textContent = `${el.dataset.prefix ?? ''}${days}${days ? clock : clock.replace(/^0/, '')}`;
        if (left === 0) {
          for (const timer of timers) clearInterval(timer);
          void refresh();
        }
      };
      tick();
      timers.push(window.setInterval(tick, 1000));
    }

    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', async () => {
        const action = button.dataset.action ?? '';
        button.disabled = true;
        try {
          if (action === 'poster') {
            if (!config.posterModule) return;
            track('poster-open');
            const [{ showPoster }, url] = await Promise.all([
              importModule(config.posterModule),
              document.querySelector('[data-action=invite]')
                ? inviteLink('poster').catch(() => location.href)
                : location.href,
            ]);
            const brand = getComputedStyle(document.documentElement).getPropertyValue('--brand').trim();
            await showPoster(
              {
                title: document.querySelector('main h1')?.textContent ?? document.title,
                // The live figure with its label, as the widget states it (e.g. 「当前价 ¥17.30」).
                highlight: document.querySelector('[data-highlight]')?.getAttribute('data-highlight') ?? '',
                url,
                brandColor: brand || '#333',
                caption: button.dataset.caption ?? '',
              },
              { close: button.dataset.close ?? '×', alt: button.textContent ?? '' },
            );
            return;
          }
          if (action === 'invite') {
            track('share-tap');
            const url = await inviteLink(button.dataset.channel);
            let shown = document.getElementById('invite-link');
            if (!shown) {
              shown = document.createElement('p');
              shown.id = 'invite-link';
              shown.className = 'invite-link';
              button.after(shown);
            }
            shown.textContent = url;
            // A share is never assumed to have happened: nothing is granted for it.
            if (navigator.share) await navigator.share({ url, title: document.title }).catch(() => {});
            else await navigator.clipboard?.writeText(url).catch(() => {});
            return;
          }
          const start = action === 'start';
          const campaignId = document.querySelector<HTMLElement>('[data-campaign]')?.dataset.campaign ?? '';
          const response = await fetch(
            start
              ? `${config.apiBase}/campaigns/${encodeURIComponent(campaignId)}/instances`
              : `${api}/events`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                ...(invite ? { invite } : {}),
                ...(start
                  ? {}
                  : {
                      type: action,
                      eventId: randomId(),
                      ...(config.payloads?.[action] ?? {}),
                      ...(button.dataset.payload ? (JSON.parse(button.dataset.payload) as object) : {}),
                    }),
              }),
            },
          );
          const result = (await response.json().catch(() => ({}))) as {
            instanceId?: string;
            status?: string;
            reason?: string;
          };
          // A refusal is said where the button is, and the page stays as it is (a refresh would hide the words).
          if (!response.ok || result.status === 'rejected')
            return void failed(response.status, result.reason);
          // A new own instance, or a full group sending the friend to another group (the campaign's whenFull).
          if (result.instanceId && result.instanceId !== config.instanceId) return goTo(result.instanceId);
          await refresh();
        } catch (error) {
          const status = (error as { status?: number }).status;
          if (status) failed(status);
          else if (words) say(navigator.onLine === false ? words.offline : words.server);
        } finally {
          button.disabled = false;
        }
      });
    }

    const form = root.querySelector<HTMLFormElement>('form[data-lead]');
    form?.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data),
      });
      form.replaceChildren(
        Object.assign(document.createElement('p'), { textContent: response.ok ? '✓' : '×' }),
      );
    });
  };
  bind(document);
  track('page-view');
  if (invite) track('invite-open');
  // A section counts as seen once half of it has been on screen.
  if (config.beacon !== false && typeof IntersectionObserver === 'function') {
    const seen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (entry.isIntersecting) {
            seen.unobserve(entry.target);
            const section = entry.target.classList[0];
            if (section) track('section-seen', { section });
          }
      },
      { threshold: 0.5 },
    );
    for (const section of document.querySelectorAll('main section')) seen.observe(section);
  }

  // WeChat JS-SDK: configured at load, before any tap (WeChat reads the share data when its menu opens).
  type WeChatSdk = {
    config(options: Record<string, unknown>): void;
    ready(callback: () => void): void;
    error(callback: (error: unknown) => void): void;
    updateAppMessageShareData(data: Record<string, unknown>): void;
    updateTimelineShareData(data: Record<string, unknown>): void;
  };
  const wx = (window as unknown as { wx?: WeChatSdk }).wx;
  const wechat = config.wechat;
  if (wx && wechat) {
    void (async () => {
      const page = location.href.split('#')[0] ?? location.href;
      const signature = (await (
        await fetch(`${wechat.signatureUrl}?url=${encodeURIComponent(page)}`, { cache: 'no-store' })
      ).json()) as Record<string, unknown>;
      wx.config({ ...signature, jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] });
      wx.error((error) => console.warn('WeChat JS-SDK', error));
      wx.ready(async () => {
        // A link per channel: a chat or group message, and moments (朋友圈).
        const canInvite = document.querySelector('[data-action=invite]');
        const [chat, moments] = await Promise.all(
          ['chat', 'moments'].map((c) => (canInvite ? inviteLink(c).catch(() => page) : page)),
        );
        const { title, desc, imgUrl } = wechat.share;
        const image = imgUrl ? { imgUrl } : {};
        wx.updateAppMessageShareData({ title, desc, link: chat, ...image });
        wx.updateTimelineShareData({ title, link: moments, ...image });
      });
    })();
  }

  // Follow the instance as it changes (someone helped, joined, the deadline passed). The baseline is read as soon
  // as the page (or a swapped-in update) is shown; the server's clock is not a change, so `serverNow` is left out.
  if (config.pollMs !== 0) {
    const current = async () => {
      const view = (await (await fetch(api, { cache: 'no-store' })).json()) as { serverNow?: number };
      delete view.serverNow;
      return JSON.stringify(view);
    };
    let last = '';
    const baseline = async () => {
      last = await current();
    };
    void baseline();
    setInterval(async () => {
      const text = await current();
      if (last && text !== last && !document.querySelector('form[data-lead] input:focus')) {
        await refresh();
        await baseline();
      } else last = text;
    }, config.pollMs ?? 5000);
  }
}

/**
 * The `<script>` that starts the islands with `config`.
 *
 * @example
 * const script = islandScript({ apiBase: '/api', instanceId });
 * const html = `<!doctype html><body>${page}${script}</body>`;
 */
export function islandScript(config: IslandConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  // Bundlers that keep function names (esbuild keepNames, used by tsx and vitest) wrap inner functions in
  // `__name(...)`; the shim lets the inlined source run as written.
  return `<script>var __name=function(f){return f};(${runIslands.toString()})(${json})</script>`;
}

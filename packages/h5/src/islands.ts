/**
 * The page's only script: small vanilla islands over the server-rendered HTML (no framework shipped to the
 * phone). Countdown from server time, action buttons through the HTTP API, invite via Web Share or copy link,
 * the lead form posted as JSON, and a refresh when the instance changes.
 */
export interface IslandConfig {
  /** Where `createHandler` is mounted, e.g. `/api`. */
  readonly apiBase: string;
  readonly instanceId: string;
  /** Extra payload per action, e.g. an order id the integrator's checkout created. */
  readonly payloads?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** How often to look for changes, in ms (0 = never). */
  readonly pollMs?: number;
}

/** Runs in the browser. Written as one self-contained function so it can be inlined into the document. */
export function runIslands(config: IslandConfig): void {
  const api = `${config.apiBase}/instances/${encodeURIComponent(config.instanceId)}`;

  // Countdown: the server's clock, corrected for the phone's clock offset at load time.
  for (const el of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const offset = Number(el.dataset.serverNow) - Date.now();
    const deadline = Number(el.dataset.deadline);
    const prefix = (el.textContent ?? '').replace(/[\d\s]+\D*$/u, '').split(/\d/)[0] ?? '';
    const tick = () => {
      const left = Math.max(0, deadline - (Date.now() + offset));
      const h = Math.floor(left / 3_600_000);
      const m = Math.floor((left % 3_600_000) / 60_000);
      const s = Math.floor((left % 60_000) / 1000);
      el.textContent = `${prefix}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
      if (left === 0) location.reload();
    };
    tick();
    setInterval(tick, 1000);
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action]')) {
    button.addEventListener('click', async () => {
      const action = button.dataset.action ?? '';
      button.disabled = true;
      try {
        if (action === 'invite') {
          const response = await fetch(`${api}/invites`, { method: 'POST' });
          const body = (await response.json()) as { token?: string; detail?: string };
          if (!body.token) throw new Error(body.detail ?? 'invite failed');
          const url = `${location.origin}/invite/${body.token}`;
          let shown = document.getElementById('invite-link');
          if (!shown) {
            shown = document.createElement('p');
            shown.id = 'invite-link';
            button.after(shown);
          }
          shown.textContent = url;
          // A share is never assumed to have happened: nothing is granted for it.
          if (navigator.share) await navigator.share({ url, title: document.title }).catch(() => {});
          else await navigator.clipboard?.writeText(url).catch(() => {});
          return;
        }
        await fetch(`${api}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: action,
            eventId: crypto.randomUUID(),
            ...(config.payloads?.[action] ?? {}),
            ...(button.dataset.payload ? (JSON.parse(button.dataset.payload) as object) : {}),
          }),
        });
        location.reload();
      } finally {
        button.disabled = false;
      }
    });
  }

  const form = document.querySelector<HTMLFormElement>('form[data-lead]');
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

  // Refresh when the instance changes (someone helped, joined, the deadline passed).
  if (config.pollMs !== 0) {
    let last = '';
    setInterval(async () => {
      const text = await (await fetch(api)).text();
      if (last && text !== last && !document.getElementById('invite-link')) location.reload();
      last = text;
    }, config.pollMs ?? 5000);
  }
}

/** The `<script>` that starts the islands with `config`. */
export function islandScript(config: IslandConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  // Bundlers that keep function names (esbuild keepNames, used by tsx and vitest) wrap inner functions in
  // `__name(...)`; the shim lets the inlined source run as written.
  return `<script>var __name=function(f){return f};(${runIslands.toString()})(${json})</script>`;
}

/**
 * The script of a page built by `liebian build`. The HTML around it is a static shell (hook, proof, call to
 * action, rules — everything that does not depend on an instance); this fills in the live parts from the state
 * endpoint (`createHandler` mounted at `apiBase`), then hands over to the islands, which keep it live.
 *
 * The instance comes from the address: `?i=<instanceId>`, or `?invite=<signed token>` (resolved by the API). With
 * neither, the call to action starts an instance for the signed-in viewer.
 */
import type { InstanceView } from '@liebian/core';
import { render } from 'preact';
import { islandMessages } from '../copy/copy-words.js';
import { runIslands } from '../islands.js';
import { LandingPage } from '../landing-page.js';
import { copy } from './page-copy.js';
import { STATIC_DATA_ID, type StaticPageData } from './static-page-data.js';

const { campaign, disclosure, locale, apiBase, leadFormAction, posterModule } = JSON.parse(
  document.getElementById(STATIC_DATA_ID)?.textContent ?? '{}',
) as StaticPageData;
const params = new URLSearchParams(location.search);

const messages = islandMessages(copy);

/** A failed call, said in the page's words (the API's own detail is for developers, in English). */
class Failure extends Error {}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, { credentials: 'include', ...init }).catch(() => {
    throw new Failure(messages.offline);
  });
  const { status } = response;
  if (!response.ok)
    throw new Failure(
      status === 401
        ? messages.signIn
        : status === 429
          ? messages.tooMany
          : status >= 500
            ? messages.server
            : messages.refused,
    );
  return (await response.json()) as T;
}

async function instanceFromAddress(): Promise<string | null> {
  const direct = params.get('i');
  if (direct) return direct;
  const token = params.get('invite');
  if (!token) return null;
  return (await api<{ instanceId: string }>(`/invites/${encodeURIComponent(token)}`)).instanceId;
}

function show(message: string) {
  const note = Object.assign(document.createElement('p'), {
    role: 'alert',
    className: 'notice',
    textContent: message,
  });
  document.querySelector('main')?.prepend(note);
}

async function mount(instanceId: string) {
  const renderMain = async () => {
    const view = await api<InstanceView>(`/instances/${encodeURIComponent(instanceId)}`);
    const holder = document.createElement('div');
    const props = {
      campaign,
      view,
      disclosure,
      locale,
      copy,
      poster: true,
      ...(leadFormAction ? { leadFormAction } : {}),
    };
    render(<LandingPage {...props} />, holder);
    return holder.firstElementChild as Element;
  };
  document.querySelector('main')?.replaceWith(await renderMain());
  runIslands({
    apiBase,
    instanceId,
    renderMain,
    inviteUrl: (token) => `${location.origin}${location.pathname}?invite=${encodeURIComponent(token)}`,
    instanceUrl: (id) => `${location.pathname}?i=${encodeURIComponent(id)}`,
    messages,
    ...(posterModule ? { posterModule } : {}),
  });
}

try {
  const id = await instanceFromAddress();
  if (id) await mount(id);
  else {
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action=start]')) {
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const started = await api<{ status: string; instanceId: string; reason?: string }>(
            `/campaigns/${encodeURIComponent(campaign.id)}/instances`,
            { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
          );
          if (started.status !== 'accepted')
            throw new Failure((started.reason && messages.reasons[started.reason]) || messages.refused);
          history.replaceState(null, '', `?i=${encodeURIComponent(started.instanceId)}`);
          await mount(started.instanceId);
        } catch (error) {
          show(error instanceof Failure ? error.message : messages.server);
          button.disabled = false;
        }
      });
    }
  }
} catch (error) {
  show(error instanceof Failure ? error.message : messages.server);
}

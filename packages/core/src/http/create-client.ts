import type { PageEventType } from '../analytics/page-events.js';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import type { CampaignPhase } from '../campaign/lifecycle.js';
import type { Command, InstanceView, SendResult, StartResult } from '../engine/types.js';
import type { Disclosure, Locale } from '../mechanics/mechanic.js';
import type { BeaconResult } from './beacon.js';
import type { PublicInvite } from './invite-token.js';
import type { Problem } from './problem.js';

/**
 * Every call answers data or the server's problem; network failures throw as `fetch` does.
 *
 * @example
 * const result = await api.view(instanceId);
 * if (result.ok) render(result.data);
 * else showMessage(result.problem.detail); // e.g. 'rate-limited', with result.problem.status 429
 */
export type ClientResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problem: Problem };

/**
 * How {@link createClient} calls the server.
 *
 * @example
 * const api = createClient('/api', { headers: { authorization: `Bearer ${token}` } });
 */
export interface ClientOptions {
  /** A fetch to use (default: the global one). The H5 islands pass one that carries the session cookie. */
  readonly fetch?: typeof fetch;
  /** Headers on every request (e.g. an auth token). */
  readonly headers?: Record<string, string>;
}

/**
 * The typed calls of `createHandler`'s routes, made by {@link createClient}.
 *
 * @example
 * const api: Client = createClient('/api');
 * const started = await api.start('tea-set-bargain');
 * if (started.ok && started.data.status === 'accepted') await api.invite(started.data.instanceId);
 */
export interface Client {
  campaign(
    id: string,
    locale?: Locale,
  ): Promise<ClientResult<{ campaign: AnyCampaign; phase: CampaignPhase; disclosure: Disclosure }>>;
  /** `invite`: the token of the link the actor came through; its sealed channel is recorded with the launch. */
  start(
    campaignId: string,
    body?: { instanceId?: string; input?: unknown; invite?: string },
  ): Promise<ClientResult<StartResult>>;
  view(instanceId: string): Promise<ClientResult<InstanceView>>;
  /** `invite`: the token of the link the actor came through; its sealed channel is recorded with the event. */
  send(
    instanceId: string,
    command: Command,
    options?: { idempotencyKey?: string; invite?: string },
  ): Promise<ClientResult<SendResult>>;
  /** A signed invite link for the channel it will be shared to (`moments`, `group`, `chat`, `poster`, …). */
  invite(
    instanceId: string,
    options?: { channel?: string },
  ): Promise<ClientResult<{ token: string; expiresAt: number; channel: string | null }>>;
  checkInvite(token: string): Promise<ClientResult<PublicInvite>>;
  /** First-party page events, batched: each is counted or refused on its own (see `docs/analytics.md`). */
  beacon(events: readonly PageEventInput[]): Promise<ClientResult<BeaconResult>>;
}

/**
 * One page event as the page sends it to the beacon route. `visitor` is an anonymous visitor id the page keeps
 * (ignored when signed in); `invite` is the token of the link the visitor came through (its campaign, instance and
 * sealed channel are used); `section` names the section of a `section-seen`.
 *
 * @example
 * const event: PageEventInput = { type: 'invite-open', id: 'e1', invite: token, visitor: 'v-3f9c0a7e1b' };
 */
export interface PageEventInput {
  readonly type: PageEventType;
  readonly id: string;
  readonly campaignId?: string;
  readonly instanceId?: string;
  readonly invite?: string;
  readonly channel?: string;
  readonly section?: string;
  readonly visitor?: string;
}

/**
 * The typed client of `createHandler`'s routes, for the H5 islands and any JavaScript front end.
 *
 * @example
 * const api = createClient('/api');
 * const result = await api.send(instanceId, { type: 'bargain.help' }, { idempotencyKey: crypto.randomUUID() });
 * if (result.ok && result.data.status === 'accepted') render(result.data.view);
 */
export function createClient(baseUrl: string, options: ClientOptions = {}): Client {
  const base = baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ClientResult<T>> {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = (await response.json()) as unknown;
    return response.ok ? { ok: true, data: payload as T } : { ok: false, problem: payload as Problem };
  }
  const id = encodeURIComponent;
  return {
    campaign: (campaignId, locale = 'zh-CN') => call('GET', `/campaigns/${id(campaignId)}?locale=${locale}`),
    start: (campaignId, body) => call('POST', `/campaigns/${id(campaignId)}/instances`, body ?? {}),
    view: (instanceId) => call('GET', `/instances/${id(instanceId)}`),
    send: (instanceId, command, sendOptions) =>
      call(
        'POST',
        `/instances/${id(instanceId)}/events`,
        sendOptions?.invite === undefined ? command : { ...command, invite: sendOptions.invite },
        sendOptions?.idempotencyKey ? { 'idempotency-key': sendOptions.idempotencyKey } : {},
      ),
    invite: (instanceId, inviteOptions) =>
      call(
        'POST',
        `/instances/${id(instanceId)}/invites`,
        inviteOptions?.channel === undefined ? undefined : { channel: inviteOptions.channel },
      ),
    checkInvite: (token) => call('GET', `/invites/${id(token)}`),
    beacon: (events) => call('POST', '/beacon', events),
  };
}

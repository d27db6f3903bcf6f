import { foldPageEvent } from '../analytics/page-events.js';
import { parseChannel } from '../engine/event-record.js';
import type { Engine } from '../engine/types.js';
import { type ErrorCode, RETRYABLE_CODES } from '../errors/error-codes.js';
import { isLiebianError, LiebianError } from '../errors/liebian-error.js';
import type { Actor, Locale } from '../mechanics/mechanic.js';
import { type Clock, systemClock } from '../primitives/clock.js';
import { type BeaconOptions, type BeaconRefusal, checkPageEvent, rateRefusal, refusalOf } from './beacon.js';
import { type CorsOptions, withCors } from './cors.js';
import { publicInvite, signInvite, verifyInvite } from './invite-token.js';
import { json, problem } from './problem.js';
import { memoryRateCounter, type RateCounter, type RateLimit } from './rate-limiter.js';

/**
 * How {@link createHandler} authenticates, signs invites, limits rates and answers CORS.
 *
 * @example
 * const options: HandlerOptions = {
 *   authenticate: async (request) => sessionActor(request), // null = anonymous
 *   invites: { secret: process.env.INVITE_SECRET },
 *   cors: { origins: ['https://shop.example'] },
 * };
 */
export interface HandlerOptions {
  /** Who is calling, from your session or token — never from the request body. Null for anonymous visitors. */
  authenticate(request: Request): Actor | null | Promise<Actor | null>;
  /** Prefix of every route. Default `/api`. */
  readonly basePath?: string;
  /** Signs invite links; without it the invite routes answer 404. */
  readonly invites?: {
    readonly secret: string;
    readonly ttlMs?: number;
    onRejected?(token: string, reason: string): void;
  };
  /** Event sends per actor, and requests per client IP (only when `ipOf` is given). */
  /**
   * Limits on sending events: per actor and per IP (`ipOf`). Counted in this process unless `counter` is shared
   * (e.g. `createRedisRateCounter`), which makes the limits hold across processes.
   */
  readonly rateLimit?: {
    readonly perActor?: RateLimit;
    readonly perIp?: RateLimit;
    readonly counter?: RateCounter;
  };
  /** The client IP as your proxy reports it (forwarded headers are only trustworthy behind your own proxy). */
  ipOf?(request: Request): string | null;
  /** Largest request body accepted, in bytes. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  readonly clock?: Clock;
  /** Browsers on these other origins may call the API (see `withCors`). Without it, same origin only. */
  readonly cors?: CorsOptions;
  /** Takes first-party page events at `POST <basePath>/beacon` into analytics; without it that route answers 404. */
  readonly beacon?: BeaconOptions;
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-campaign': 400,
  'invalid-event': 400,
  'invalid-argument': 400,
  'unsupported-kind': 400,
  'rules-frozen': 409,
  'unknown-campaign': 404,
  'unknown-instance': 404,
  'invalid-snapshot': 500,
  'store-conflict': 503,
  overloaded: 429,
  'engine-disposed': 503,
  'store-unavailable': 503,
  'store-timeout': 503,
  'outcome-unknown': 503,
  'consumer-lease-held': 409,
  'records-unsupported': 500,
  'unknown-review': 404,
  'review-decided': 409,
  'console-forbidden': 403,
  'console-csrf': 403,
  'not-simulated': 400,
};

/**
 * The event id for a client-chosen idempotency key: derived from the authenticated actor and the key, so two users
 * choosing the same key never meet (one cannot pre-empt the other's event), and a retry by the same user finds the
 * same event.
 */
async function scopedEventId(actorId: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${actorId}\n${key}`));
  const bytes = String.fromCharCode(...new Uint8Array(digest).subarray(0, 18));
  return `k.${btoa(bytes).replaceAll('+', '-').replaceAll('/', '_')}`;
}

class HttpProblem extends Error {
  constructor(readonly response: Response) {
    super('http problem');
  }
}
const fail = (status: number, code: string, detail: string, headers?: HeadersInit): never => {
  throw new HttpProblem(problem(status, code, detail, undefined, headers));
};

async function readJson(request: Request, max: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) fail(413, 'payload-too-large', `the body is over ${max} bytes`);
  const reader = request.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      fail(413, 'payload-too-large', `the body is over ${max} bytes`);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    fail(415, 'unsupported-media-type', 'send the body as application/json');
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, 'malformed-json', 'the body is not valid JSON');
  }
  if (tooDeep(body)) fail(400, 'malformed-body', `the body nests deeper than ${MAX_DEPTH} levels`);
  return body;
}

/** How deep a request body may nest (commands and start inputs are a few levels deep). */
const MAX_DEPTH = 32;

/** Whether `value` nests deeper than `MAX_DEPTH`, walked without recursion (a deep body cannot blow the stack). */
function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A path segment, percent-decoded; a malformed escape (`%E0%A4%A`, `%zz`) is the client's error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return fail(400, 'malformed-url', `the path segment "${segment}" has a malformed percent escape`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Fetch-API handler `(Request) => Promise<Response>` over an engine: mount it in Node's http server (through a
 * Request adapter), Hono, Next.js route handlers or an edge runtime. Errors are `application/problem+json` with a
 * stable `code`; business rejections are ordinary results (`status: "rejected"`).
 *
 * @example
 * const handler = createHandler(engine, { authenticate: (req) => sessionActor(req), invites: { secret } });
 * export default { fetch: handler };
 */
export function createHandler(
  engine: Engine,
  options: HandlerOptions,
): (request: Request) => Promise<Response> {
  if (options.invites && !options.invites.secret)
    throw new LiebianError(
      'invalid-argument',
      'createHandler: invites.secret is empty; pass a long random secret',
    );
  const base = (options.basePath ?? '/api').replace(/\/$/, '');
  const max = options.maxBodyBytes ?? 16 * 1024;
  const clock = options.clock ?? systemClock;
  const counter = options.rateLimit?.counter ?? memoryRateCounter();
  const limited = async (scope: 'actor' | 'ip', limit: RateLimit | undefined, key: string | null) => {
    if (!limit || key === null) return;
    const now = clock.now();
    const { count, resetAt } = await counter.hit(`${scope}:${key}`, limit.windowMs, now);
    if (count > limit.max)
      fail(429, 'rate-limited', 'too many requests; retry later', {
        'retry-after': String(Math.max(1, Math.ceil((resetAt - now) / 1000))),
      });
  };
  const requireActor = (actor: Actor | null): Actor => actor ?? fail(401, 'unauthorized', 'sign in first');
  /** The channel sealed in an invite token sent with a start or an event (the link the actor came through). */
  const channelOf = async (token: unknown, campaignId: string): Promise<{ channel?: string }> => {
    if (token === undefined) return {};
    if (!options.invites) return fail(400, 'malformed-body', 'invite: this server signs no invite links');
    if (typeof token !== 'string' || token.length > 2048)
      fail(400, 'malformed-body', 'invite must be the token of an invite link (a string)');
    const check = await verifyInvite(token as string, options.invites.secret, clock.now());
    if (!check.ok) {
      options.invites.onRejected?.(token as string, check.reason);
      return fail(
        403,
        'invalid-invite',
        check.reason === 'expired' ? 'this invite link has expired' : 'this invite link is not valid',
      );
    }
    if (check.claims.campaignId !== campaignId)
      fail(403, 'invalid-invite', 'this invite link is for another campaign');
    return check.claims.channel === undefined ? {} : { channel: check.claims.channel };
  };
  const beaconLimit = options.beacon?.perVisitor ?? { max: 120, windowMs: 60_000 };
  /** Checks every event of a batch on its own and counts those that pass; a bad one never stops the others. */
  const beacon = async (body: unknown, actor: Actor | null, store: BeaconOptions['store']) => {
    const maxEvents = options.beacon?.maxEvents ?? 50;
    if (!Array.isArray(body) || body.length === 0 || body.length > maxEvents)
      fail(400, 'malformed-body', `send a JSON array of 1–${maxEvents} page events`);
    const now = clock.now();
    const context = {
      actor,
      campaign: (id: string) => engine.campaign(id),
      secret: options.invites?.secret ?? null,
      now,
    };
    const refused: BeaconRefusal[] = [];
    let accepted = 0;
    let resetAt = now;
    for (const [index, raw] of (body as unknown[]).entries()) {
      const checked = await checkPageEvent(raw, context).catch((error: unknown) => {
        refused.push(refusalOf(index, raw, error));
        return null;
      });
      if (!checked) continue;
      const hit = await counter.hit(`visitor:${checked.event.visitorId}`, beaconLimit.windowMs, now);
      if (hit.count > beaconLimit.max) {
        resetAt = hit.resetAt;
        refused.push(rateRefusal(index, checked.event));
        continue;
      }
      await foldPageEvent(store, checked.campaign, checked.event);
      accepted += 1;
    }
    if (accepted === 0 && refused.length > 0 && refused.every((r) => r.code === 'rate-limited'))
      fail(429, 'rate-limited', 'too many page events; retry later', {
        'retry-after': String(Math.max(1, Math.ceil((resetAt - now) / 1000))),
      });
    return json({ accepted, refused });
  };

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) fail(404, 'not-found', `no route ${url.pathname}`);
    const parts = url.pathname
      .slice(base.length + 1)
      .split('/')
      .map(decodeSegment);
    const method = request.method.toUpperCase();
    const allow = (...methods: string[]) => {
      if (!methods.includes(method))
        fail(405, 'method-not-allowed', `use ${methods.join(' or ')}`, { allow: methods.join(', ') });
    };
    if (method === 'POST') await limited('ip', options.rateLimit?.perIp, options.ipOf?.(request) ?? null);
    const actor = await options.authenticate(request);
    const [head, id, sub, extra] = parts;

    if (head === 'beacon' && id === undefined && options.beacon) {
      allow('POST');
      return beacon(await readJson(request, max), actor, options.beacon.store);
    }

    if (head === 'campaigns' && id && sub === undefined) {
      allow('GET');
      const campaign = engine.campaign(id);
      const locale: Locale = url.searchParams.get('locale') === 'en' ? 'en' : 'zh-CN';
      const { rules, disclosure, ...common } = campaign;
      return json({
        campaign: { ...common, rules },
        phase: engine.phase(id),
        disclosure: engine.disclose(id, locale),
      });
    }
    if (head === 'campaigns' && id && sub === 'instances' && extra === undefined) {
      allow('POST');
      const who = requireActor(actor);
      const body = await readJson(request, max);
      if (body !== undefined && !isObject(body))
        fail(400, 'malformed-body', 'send an object: { instanceId?, input?, invite? }');
      const { instanceId, input, invite } = (body ?? {}) as Record<string, unknown>;
      if (instanceId !== undefined && typeof instanceId !== 'string')
        fail(400, 'malformed-body', 'instanceId must be a string');
      const channel = invite === undefined ? {} : await channelOf(invite, engine.campaign(id).id);
      return json(
        await engine.start(id, {
          actor: who,
          ...(instanceId === undefined ? {} : { instanceId: instanceId as string }),
          input,
          ...channel,
        }),
      );
    }
    if (head === 'instances' && id && sub === undefined) {
      allow('GET');
      return json(await engine.view(id, actor));
    }
    if (head === 'instances' && id && sub === 'events' && extra === undefined) {
      allow('POST');
      const who = requireActor(actor);
      await limited('actor', options.rateLimit?.perActor, who.id);
      const body = await readJson(request, max);
      if (!isObject(body))
        fail(400, 'malformed-body', 'send the command as an object: { type, eventId?, …payload }');
      const command = body as Record<string, unknown> & { type: string };
      const key = command.eventId ?? request.headers.get('idempotency-key') ?? undefined;
      if (key !== undefined && (typeof key !== 'string' || key.length < 1 || key.length > 256))
        fail(
          400,
          'malformed-body',
          'eventId (or the Idempotency-Key header) must be a string of 1–256 characters',
        );
      // Whatever the body says about who acts is ignored: the actor is the authenticated one. An `invite` is the
      // link the actor came through: its sealed channel goes into the event's record, not into the command.
      const { actor: _ignored, eventId: _key, invite, ...rest } = command;
      const eventId = key === undefined ? undefined : await scopedEventId(who.id, key as string);
      const channel =
        invite === undefined ? {} : await channelOf(invite, (await engine.view(id, who)).campaignId);
      return json(
        await engine.send(
          id,
          { ...rest, ...(eventId === undefined ? {} : { eventId }) },
          { actor: who, ...channel },
        ),
      );
    }
    if (head === 'instances' && id && sub === 'invites' && extra === undefined && options.invites) {
      allow('POST');
      const who = requireActor(actor);
      const body = await readJson(request, max);
      if (body !== undefined && !isObject(body)) fail(400, 'malformed-body', 'send an object: { channel? }');
      // The channel the link is shared to (moments, group, chat, poster), sealed in the token.
      const channel = parseChannel((body as { channel?: unknown } | undefined)?.channel);
      const view = await engine.view(id, who);
      if (!view.can.invite.allowed)
        fail(403, 'forbidden', `this viewer cannot invite to this instance (${view.can.invite.reason})`);
      const expiresAt = clock.now() + (options.invites.ttlMs ?? 7 * 86_400_000);
      const token = await signInvite(
        {
          campaignId: view.campaignId,
          instanceId: id,
          inviterId: who.id,
          expiresAt,
          ...(channel === null ? {} : { channel }),
        },
        options.invites.secret,
      );
      return json({ token, expiresAt, channel });
    }
    if (head === 'invites' && id && sub === undefined && options.invites) {
      allow('GET');
      const check = await verifyInvite(id, options.invites.secret, clock.now());
      if (!check.ok) {
        options.invites.onRejected?.(id, check.reason);
        fail(
          403,
          'invalid-invite',
          check.reason === 'expired' ? 'this invite link has expired' : 'this invite link is not valid',
        );
      }
      // The inviter stays on the server: a link's holder learns where it leads, not who shared it.
      return json(check.ok ? publicInvite(check.claims) : null);
    }
    return fail(404, 'not-found', `no route ${method} ${url.pathname}`);
  }

  const handle = async (request: Request): Promise<Response> => {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof HttpProblem) return error.response;
      if (isLiebianError(error)) {
        const retry = RETRYABLE_CODES.has(error.code) ? { 'retry-after': '1' } : undefined;
        return problem(STATUS[error.code], error.code, error.message, error.issues, retry);
      }
      return problem(500, 'internal', 'something went wrong on our side');
    }
  };
  return options.cors ? withCors(handle, options.cors) : handle;
}

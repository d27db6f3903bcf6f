import type { Engine } from '../engine/types.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { isLiebianError } from '../errors/liebian-error.js';
import type { Actor, Locale } from '../mechanics/mechanic.js';
import { type Clock, systemClock } from '../primitives/clock.js';
import { signInvite, verifyInvite } from './invite-token.js';
import { json, problem } from './problem.js';
import { memoryRateCounter, type RateCounter, type RateLimit } from './rate-limiter.js';

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
};

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
  try {
    return JSON.parse(text);
  } catch {
    return fail(400, 'malformed-json', 'the body is not valid JSON');
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

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) fail(404, 'not-found', `no route ${url.pathname}`);
    const parts = url.pathname
      .slice(base.length + 1)
      .split('/')
      .map(decodeURIComponent);
    const method = request.method.toUpperCase();
    const allow = (...methods: string[]) => {
      if (!methods.includes(method))
        fail(405, 'method-not-allowed', `use ${methods.join(' or ')}`, { allow: methods.join(', ') });
    };
    if (method === 'POST') await limited('ip', options.rateLimit?.perIp, options.ipOf?.(request) ?? null);
    const actor = await options.authenticate(request);
    const [head, id, sub, extra] = parts;

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
        fail(400, 'malformed-body', 'send an object: { instanceId?, input? }');
      const { instanceId, input } = (body ?? {}) as { instanceId?: unknown; input?: unknown };
      if (instanceId !== undefined && typeof instanceId !== 'string')
        fail(400, 'malformed-body', 'instanceId must be a string');
      return json(
        await engine.start(id, {
          actor: who,
          ...(instanceId === undefined ? {} : { instanceId: instanceId as string }),
          input,
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
      const header = request.headers.get('idempotency-key');
      const eventId = command.eventId ?? header ?? undefined;
      // Whatever the body says about who acts is ignored: the actor is the authenticated one.
      const { actor: _ignored, ...rest } = command;
      return json(
        await engine.send(
          id,
          { ...rest, ...(eventId === undefined ? {} : { eventId: eventId as string }) },
          { actor: who },
        ),
      );
    }
    if (head === 'instances' && id && sub === 'invites' && extra === undefined && options.invites) {
      allow('POST');
      const who = requireActor(actor);
      const view = await engine.view(id, who);
      if (!view.can.invite.allowed)
        fail(403, 'forbidden', `this viewer cannot invite to this instance (${view.can.invite.reason})`);
      const expiresAt = clock.now() + (options.invites.ttlMs ?? 7 * 86_400_000);
      const token = await signInvite(
        { campaignId: view.campaignId, instanceId: id, inviterId: who.id, expiresAt },
        options.invites.secret,
      );
      return json({ token, expiresAt });
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
      return json(check.ok ? check.claims : null);
    }
    return fail(404, 'not-found', `no route ${method} ${url.pathname}`);
  }

  return async (request) => {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof HttpProblem) return error.response;
      if (isLiebianError(error)) {
        const retry = error.code === 'overloaded' ? { 'retry-after': '1' } : undefined;
        return problem(STATUS[error.code], error.code, error.message, error.issues, retry);
      }
      return problem(500, 'internal', 'something went wrong on our side');
    }
  };
}

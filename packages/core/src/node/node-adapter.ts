import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { LiebianError } from '../errors/liebian-error.js';
import { problem } from '../http/problem.js';

/**
 * A Fetch-API handler, such as the one `createHandler` returns.
 *
 * @example
 * const handler: FetchHandler = createHandler(engine, { authenticate });
 * createServer(toNodeListener(handler)).listen(3000);
 */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Node's request as frameworks hand it over: Express adds `originalUrl` and, after `express.json()`, `body`.
 *
 * @example
 * app.post('/api/*', express.json(), (req: NodeRequest, res) => handleNode(handler, req, res));
 */
export type NodeRequest = IncomingMessage & { readonly originalUrl?: string; readonly body?: unknown };

/**
 * How a Node request becomes a Fetch `Request`: the public origin, and the body a framework has already parsed.
 *
 * @example
 * // Koa, after koa-bodyparser:
 * app.use((ctx) => handleNode(handler, ctx.req, ctx.res, { origin: 'https://shop.example', body: ctx.request.body }));
 */
export interface NodeAdapterOptions {
  /**
   * The origin the requests are addressed to, e.g. `https://shop.example`. Recommended in production; without it
   * the origin comes from the `Host` header (`https` on a TLS socket, `http` otherwise).
   */
  readonly origin?: string;
  /**
   * The body a framework's parser has already read from the stream (Koa's `ctx.request.body`, Fastify's
   * `request.body`): a string or bytes as they are, anything else as JSON. Used only when the stream has been
   * read; without it, Express's `req.body` is used. A body nobody has read yet is streamed as it is.
   */
  readonly body?: unknown;
}

// A host name, IPv4, or bracketed IPv6 address, and an optional port (RFC 9110 §7.2, without user info).
const HOST = /^(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function originOf(req: IncomingMessage, origin: string | undefined): string | null {
  if (origin !== undefined) return origin.replace(/\/$/, '');
  const host = req.headers.host ?? 'localhost';
  if (!HOST.test(host)) return null;
  const tls = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  return `${tls ? 'https' : 'http'}://${host}`;
}

/** Whether a parser has already read the body from the stream (then only its parsed form is left). */
const consumed = (req: IncomingMessage) => req.readableDidRead || req.readableEnded;

function bodyOf(req: IncomingMessage, parsed: unknown): BodyInit | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (!consumed(req)) return Readable.toWeb(req) as ReadableStream<Uint8Array>;
  if (parsed === undefined) return null;
  if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed as BodyInit;
  return JSON.stringify(parsed);
}

/**
 * Node's request as a Fetch-API `Request`: the full path even when mounted under a prefix (Express's
 * `originalUrl`), and the body whether it is still in the stream or a parser already read it. Null when the
 * `Host` header cannot be part of a URL (answer 400).
 *
 * @example
 * const request = toRequest(ctx.req, { body: ctx.request.body, origin: 'https://shop.example' });
 */
export function toRequest(req: NodeRequest, options: NodeAdapterOptions = {}): Request | null {
  const origin = originOf(req, options.origin);
  if (origin === null) return null;
  const path = req.originalUrl ?? req.url ?? '/';
  // Concatenated, not resolved: a path such as `//other.example/x` stays a path on this origin.
  let url: URL;
  try {
    url = new URL(path.startsWith('/') ? `${origin}${path}` : path, origin);
  } catch {
    return null;
  }
  const reparsed = consumed(req);
  const body = bodyOf(req, options.body !== undefined ? options.body : req.body);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // A body read by a parser is sent again as it is now: its old length and framing no longer apply.
    if (reparsed && (name === 'content-length' || name === 'transfer-encoding')) continue;
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(body === null ? {} : { body, duplex: 'half' }),
  } as RequestInit);
}

/**
 * Writes a Fetch-API `Response` to Node's response (every `Set-Cookie` kept as its own header).
 *
 * @example
 * await sendResponse(res, await handler(request));
 */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Answers one Node request with a Fetch-API handler: for Koa, Fastify and any framework that hands over Node's
 * `req`/`res` (pass the body its parser read). A `Host` header that cannot be part of a URL gets 400
 * `malformed-url`, never an exception.
 *
 * @example
 * // Koa, after koa-bodyparser
 * app.use(async (ctx, next) => {
 *   if (!ctx.path.startsWith('/api/')) return next();
 *   ctx.respond = false;
 *   await handleNode(handler, ctx.req, ctx.res, { body: ctx.request.body });
 * });
 */
export async function handleNode(
  handler: FetchHandler,
  req: NodeRequest,
  res: ServerResponse,
  options: NodeAdapterOptions = {},
): Promise<void> {
  const request = toRequest(req, options);
  const response =
    request === null
      ? problem(400, 'malformed-url', 'the Host header or the request target is not a valid URL')
      : await handler(request);
  await sendResponse(res, response);
}

/**
 * A Node listener `(req, res)` for `node:http`, Express and Connect: mount it at its path prefix
 * (`app.use('/api', …)` works, the full path is read from `originalUrl`) and after `express.json()` or not.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createHandler } from '@liebian/core';
 * import { toNodeListener } from '@liebian/core/node';
 * createServer(toNodeListener(createHandler(engine, { authenticate }))).listen(3000);
 */
export function toNodeListener(
  handler: FetchHandler,
  options: Omit<NodeAdapterOptions, 'body'> = {},
): (req: NodeRequest, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void> {
  if (options.origin !== undefined && !URL.canParse(options.origin))
    throw new LiebianError(
      'invalid-argument',
      `toNodeListener: origin = ${JSON.stringify(options.origin)} is not a URL; pass scheme and host, e.g. https://shop.example`,
    );
  return async (req, res, next) => {
    try {
      await handleNode(handler, req, res, options);
    } catch (error) {
      if (next) next(error);
      else if (!res.headersSent)
        await sendResponse(res, problem(500, 'internal', 'something went wrong on our side'));
      else res.destroy();
    }
  };
}

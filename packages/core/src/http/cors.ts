import { LiebianError } from '../errors/liebian-error.js';
import { problem } from './problem.js';

/**
 * Which other origins may call the handler from a browser (the page on a CDN, the API on its own host).
 *
 * @example
 * const cors: CorsOptions = { origins: ['https://promo.example.com'], maxAgeSeconds: 3600 };
 * const handler = createHandler(engine, { authenticate, cors });
 */
export interface CorsOptions {
  /** Exact origins such as `https://promo.example.com`, or a test; `*` is not accepted (cookies ride along). */
  readonly origins: readonly string[] | ((origin: string) => boolean);
  /** Send cookies and `Authorization` cross-origin (`Access-Control-Allow-Credentials`). Default true. */
  readonly credentials?: boolean;
  /** Request headers allowed besides `content-type`, `idempotency-key` and `authorization`. */
  readonly allowHeaders?: readonly string[];
  /** How long a browser may cache a preflight answer. Default 600 s. */
  readonly maxAgeSeconds?: number;
}

const METHODS = 'GET, POST';
const HEADERS = ['content-type', 'idempotency-key', 'authorization'];

/**
 * Wraps a Fetch-API handler with CORS: answers preflights for the allowed origins (403 `forbidden` for the
 * others) and adds the CORS headers to their responses. `createHandler(engine, { cors })` does this for you.
 *
 * @example
 * const handler = withCors(createHandler(engine, { authenticate }), { origins: ['https://promo.example.com'] });
 */
export function withCors(
  handler: (request: Request) => Promise<Response>,
  options: CorsOptions,
): (request: Request) => Promise<Response> {
  if (Array.isArray(options.origins) && options.origins.includes('*'))
    throw new LiebianError(
      'invalid-argument',
      'cors.origins = "*": list the origins instead; "*" would let any site act with your users\' cookies',
    );
  const allowed =
    typeof options.origins === 'function'
      ? options.origins
      : (origin: string) => (options.origins as readonly string[]).includes(origin);
  const headersFor = (origin: string): Record<string, string> => ({
    'access-control-allow-origin': origin,
    ...(options.credentials === false ? {} : { 'access-control-allow-credentials': 'true' }),
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  });
  return async (request) => {
    const origin = request.headers.get('origin');
    const preflight = request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
    if (origin === null) return handler(request);
    if (!allowed(origin)) {
      return preflight
        ? problem(403, 'forbidden', `the origin ${origin} may not call this API`)
        : handler(request);
    }
    if (preflight)
      return new Response(null, {
        status: 204,
        headers: {
          ...headersFor(origin),
          'access-control-allow-methods': METHODS,
          'access-control-allow-headers': [...HEADERS, ...(options.allowHeaders ?? [])].join(', '),
          'access-control-max-age': String(options.maxAgeSeconds ?? 600),
        },
      });
    const response = await handler(request);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(headersFor(origin))) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The demo's page-side defences: security headers, CSRF tokens, bounded form bodies, same-site redirects. */

const CSRF_COOKIE = 'liebian_demo_csrf';
/** Largest form body the demo reads (a name and a few fields). */
export const MAX_FORM_BYTES = 2 * 1024;

const cookie = (request: Request, name: string) =>
  new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(request.headers.get('cookie') ?? '')?.[1] ?? null;

/** This browser's CSRF token (from its cookie), or a new one with the `Set-Cookie` that stores it. */
export function csrfToken(request: Request): { token: string; setCookie: string | null } {
  const existing = cookie(request, CSRF_COOKIE);
  if (existing && /^[0-9a-f]{32}$/.test(existing)) return { token: existing, setCookie: null };
  const token = randomBytes(16).toString('hex');
  return { token, setCookie: `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict` };
}

/**
 * Whether a state-changing form post comes from this site's own page: the `Origin` header, when the browser sends
 * one, is this origin, and the form's token matches the browser's CSRF cookie (double submit).
 */
export function sameSiteForm(request: Request, form: URLSearchParams): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) return false;
  const expected = cookie(request, CSRF_COOKIE);
  const sent = form.get('csrf');
  if (!expected || !sent || expected.length !== sent.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(sent));
}

/** A urlencoded form body of at most `MAX_FORM_BYTES`, or why not (413 too large, 415 not a form). */
export async function readForm(request: Request): Promise<URLSearchParams | 413 | 415> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return 415;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return 413;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    size += next.value.byteLength;
    if (size > MAX_FORM_BYTES) {
      await reader?.cancel();
      return 413;
    }
    chunks.push(next.value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** `next` as a path on this site (`/i/abc?x=1`); anything else (`//evil.example`, `https://…`, `javascript:`) is `/`. */
export function sameSitePath(next: string | null): string {
  if (!next?.startsWith('/')) return '/';
  const base = 'http://demo.invalid';
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}` : '/';
}

/**
 * The response with the demo's security headers: a CSP allowing only this origin's scripts and the page's own
 * inline scripts (by a fresh nonce per response, which the islands pass on to the poster's loader), no framing,
 * no MIME sniffing, no referrer to other sites (invite tokens are in URLs).
 */
export async function withSecurityHeaders(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  let body: BodyInit | null = response.body;
  const nonce = randomBytes(16).toString('base64');
  if (headers.get('content-type')?.startsWith('text/html'))
    body = (await response.text()).replaceAll('<script>', `<script nonce="${nonce}">`);
  headers.set(
    'content-security-policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  headers.set('x-content-type-options', 'nosniff');
  headers.set('x-frame-options', 'DENY');
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on this site's own form posts.
  headers.set('referrer-policy', 'same-origin');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

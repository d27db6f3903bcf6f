import { describe, expect, it } from 'vitest';
import { withCors } from './cors.js';

const echo = async (request: Request) =>
  new Response(`${request.method} ${new URL(request.url).pathname}`, { headers: { 'x-from': 'handler' } });

describe('withCors', () => {
  it('answers preflights only for allowed origins and adds the headers to their answers', async () => {
    const handler = withCors(echo, {
      origins: (origin) => origin.endsWith('.promo.example'),
      credentials: false,
      allowHeaders: ['x-trace'],
      maxAgeSeconds: 60,
    });
    const preflight = (origin: string) =>
      handler(
        new Request('https://api.example/api/x', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
      );
    const ok = await preflight('https://a.promo.example');
    expect(ok.status).toBe(204);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      'access-control-allow-origin': 'https://a.promo.example',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, idempotency-key, authorization, x-trace',
      'access-control-max-age': '60',
      vary: 'Origin',
    });
    expect(ok.headers.has('access-control-allow-credentials')).toBe(false);
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });

    const answer = await handler(
      new Request('https://api.example/api/x', { headers: { origin: 'https://a.promo.example' } }),
    );
    expect(await answer.text()).toBe('GET /api/x');
    expect(answer.headers.get('x-from')).toBe('handler');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://a.promo.example');
    // No Origin (same origin, curl, servers): passed through untouched.
    const plain = await handler(new Request('https://api.example/api/x'));
    expect(plain.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('refuses "*" when it is set up', () => {
    expect(() => withCors(echo, { origins: ['*'] })).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});

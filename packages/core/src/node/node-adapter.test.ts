import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { afterEach, describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { createHandler, type HandlerOptions } from '../http/create-handler.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { type FetchHandler, handleNode, toNodeListener } from './node-adapter.js';

const PROMO = 'https://promo.example';

function liebian(options: Partial<HandlerOptions> = {}) {
  const engine = createEngine({
    campaigns: [defineCampaign(bargainCampaignInput())],
    clock: createManualClock(DURING_CAMPAIGN),
  });
  const handler = createHandler(engine, {
    // Test-only authentication: a user id in a header. Real integrations read a session.
    authenticate: (req) => {
      const id = req.headers.get('x-user');
      return id ? { id } : null;
    },
    cors: { origins: [PROMO] },
    ...options,
  });
  return { engine, handler };
}

const servers: { close(): unknown }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw request, for what `fetch` refuses to send (a broken Host header). */
function raw(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

const post = (url: string, user: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: {
      ...(user ? { 'x-user': user } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

/** The same checks against every framework: `api` is where the handler answers (prefix included). */
async function roundTrip(api: string) {
  const campaign = await fetch(`${api}/campaigns/spring-bargain`);
  expect(campaign.status).toBe(200);
  expect(((await campaign.json()) as { campaign: { id: string } }).campaign.id).toBe('spring-bargain');

  // A start with a JSON body, and one with no body at all.
  const started = await post(`${api}/campaigns/spring-bargain/instances`, 'alice', { instanceId: 'b1' });
  expect(await started.json()).toMatchObject({ status: 'accepted', instanceId: 'b1' });
  const bare = await post(`${api}/campaigns/spring-bargain/instances`, 'carol');
  expect(await bare.json()).toMatchObject({ status: 'accepted' });

  // A help, replayed with the same Idempotency-Key: applied once. The actor in the body is ignored.
  const help = { type: 'bargain.help', actor: { id: 'alice' } };
  const first = await post(`${api}/instances/b1/events`, 'bob', help, { 'idempotency-key': 'k1' });
  const again = await post(`${api}/instances/b1/events`, 'bob', help, { 'idempotency-key': 'k1' });
  expect(await first.json()).toMatchObject({ status: 'accepted', duplicate: false });
  expect(await again.json()).toMatchObject({ status: 'accepted', duplicate: true });
  const view = (await (await fetch(`${api}/instances/b1`)).json()) as { helps: { count: number } };
  expect(view.helps.count).toBe(1);

  // Problems come from the handler, whatever parsed the body first.
  expect((await post(`${api}/instances/b1/events`, null, help)).status).toBe(401);
  const big = await post(`${api}/instances/b1/events`, 'dave', {
    type: 'bargain.help',
    pad: 'x'.repeat(20_000),
  });
  expect(big.status).toBe(413);
  const wrongType = await post(`${api}/instances/b1/events`, 'dave', 'type=bargain.help', {
    'content-type': 'text/plain',
  });
  expect(wrongType.status).toBe(415);
  expect((await fetch(`${api}/instances/%E0%A4%A`)).status).toBe(400);
  expect(await raw(`${api}/instances/b1`, { host: '[' })).toBe(400);

  // CORS: a preflight from the promo site is answered, its requests carry the headers; others get none.
  const preflight = await fetch(`${api}/instances/b1/events`, {
    method: 'OPTIONS',
    headers: { origin: PROMO, 'access-control-request-method': 'POST' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe(PROMO);
  expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  const cross = await fetch(`${api}/instances/b1`, { headers: { origin: PROMO } });
  expect(cross.headers.get('access-control-allow-origin')).toBe(PROMO);
  expect(cross.headers.get('access-control-allow-credentials')).toBe('true');
  const foreign = await fetch(`${api}/instances/b1`, { headers: { origin: 'https://evil.example' } });
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
}

describe('the Node adapter behind real frameworks', () => {
  it('node:http', async () => {
    const { handler } = liebian();
    await roundTrip(`${await listen(createServer(toNodeListener(handler)))}/api`);
  });

  it('Express 5, behind express.json() and mounted under a prefix', async () => {
    // Express strips the mount path from req.url; the adapter reads the full path from req.originalUrl.
    const { handler } = liebian({ basePath: '/shop/api' });
    const app = express();
    app.use(express.json());
    app.use(express.text());
    app.use('/shop/api', toNodeListener(handler));
    await roundTrip(`${await listen(createServer(app))}/shop/api`);
  });

  it('Koa, after koa-bodyparser', async () => {
    const { handler } = liebian();
    const app = new Koa();
    app.use(bodyParser({ enableTypes: ['json', 'text'] }));
    app.use(async (ctx, next) => {
      if (!ctx.path.startsWith('/api/')) return next();
      ctx.respond = false;
      await handleNode(handler, ctx.req, ctx.res, { body: ctx.request.body });
    });
    await roundTrip(`${await listen(createServer(app.callback()))}/api`);
  });

  it("Fastify, after Fastify's JSON parser", async () => {
    const { handler } = liebian();
    const app = Fastify();
    app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.all('/api/*', async (request, reply) => {
      reply.hijack();
      await handleNode(handler, request.raw, reply.raw, { body: request.body });
    });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    await roundTrip(`http://127.0.0.1:${port}/api`);
  });

  it('Hono and a Next.js route handler take the Fetch-API handler as it is', async () => {
    const { handler } = liebian();
    const app = new Hono();
    app.all('/api/*', (c) => handler(c.req.raw));
    const honoServer = createServer(toNodeListener(app.fetch as FetchHandler));
    await roundTrip(`${await listen(honoServer)}/api`);
    // app/api/[...liebian]/route.ts: `export const GET = handler, POST = handler, OPTIONS = handler;`
    const { handler: route } = liebian();
    const next = { GET: route, POST: route, OPTIONS: route };
    const response = await next.GET(new Request('https://shop.example/api/campaigns/spring-bargain'));
    expect(response.status).toBe(200);
  });
});

describe('toNodeListener', () => {
  it('answers 400 to a Host it cannot put in a URL, and passes handler failures to next()', async () => {
    const failing: FetchHandler = async () => {
      throw new Error('boom');
    };
    const errors: unknown[] = [];
    const app = express();
    app.use(toNodeListener(failing));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(error);
      res.status(502).end();
    });
    const base = await listen(createServer(app));
    expect(await raw(`${base}/api/x`, { host: '[' })).toBe(400);
    expect(await raw(`${base}/api/x`, { host: 'a b' })).toBe(400);
    expect((await fetch(`${base}/api/x`)).status).toBe(502);
    expect(errors).toEqual([expect.objectContaining({ message: 'boom' })]);
    // A fixed origin that is not a URL is a setup mistake, reported when the listener is made.
    expect(() => toNodeListener(failing, { origin: 'shop.example' })).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('shop.example') }),
    );
  });
});

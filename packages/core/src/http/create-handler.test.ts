import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createHandler } from './create-handler.js';

function setup() {
  const clock = createManualClock(DURING_CAMPAIGN);
  const engine = createEngine({
    campaigns: [defineCampaign(bargainCampaignInput())],
    clock,
    random: seededRandom(1),
  });
  const rejectedInvites: string[] = [];
  const handler = createHandler(engine, {
    // The demo-style authentication: a user id in a header. Real integrations read a session.
    authenticate: (req) => {
      const id = req.headers.get('x-user');
      return id ? { id } : null;
    },
    invites: {
      secret: 'test-secret',
      ttlMs: 60_000,
      onRejected: (_t, reason) => rejectedInvites.push(reason),
    },
    rateLimit: { perActor: { max: 5, windowMs: 1_000 } },
    clock,
  });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    handler(
      new Request(`http://test${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  return { engine, clock, call, rejectedInvites };
}

describe('createHandler', () => {
  it('starts, sends and views with the actor from authentication, ignoring a forged actor in the body', async () => {
    const { call } = setup();
    const started = await (
      await call(
        'POST',
        '/api/campaigns/spring-bargain/instances',
        { instanceId: 'b1' },
        { 'x-user': 'alice' },
      )
    ).json();
    expect(started).toMatchObject({ status: 'accepted', instanceId: 'b1' });
    const sent = await call(
      'POST',
      '/api/instances/b1/events',
      { type: 'bargain.help', actor: { id: 'mallory' } },
      { 'x-user': 'bob', 'idempotency-key': 'k1' },
    );
    expect(sent.status).toBe(200);
    const sentBody = await sent.json();
    expect(sentBody).toMatchObject({ status: 'accepted', view: { role: 'helper' } });
    // The client's key is scoped to the authenticated actor: the event id is derived from both.
    expect(sentBody.eventId).toMatch(/^k\.[A-Za-z0-9_-]{24}$/);
    const retry = await (
      await call(
        'POST',
        '/api/instances/b1/events',
        { type: 'bargain.help' },
        { 'x-user': 'bob', 'idempotency-key': 'k1' },
      )
    ).json();
    expect(retry).toMatchObject({ status: 'accepted', duplicate: true, eventId: sentBody.eventId });
    // Another user choosing the same key is another event: it applies, and neither pre-empts the other.
    const carol = await (
      await call(
        'POST',
        '/api/instances/b1/events',
        { type: 'bargain.help', eventId: 'k1' },
        { 'x-user': 'carol' },
      )
    ).json();
    expect(carol).toMatchObject({ status: 'accepted', duplicate: false });
    expect(carol.eventId).not.toBe(sentBody.eventId);
    const view = await (await call('GET', '/api/instances/b1', undefined, { 'x-user': 'alice' })).json();
    expect(view).toMatchObject({ kind: 'bargain', role: 'initiator', helps: { count: 2 } });
    const campaign = await (await call('GET', '/api/campaigns/spring-bargain?locale=en')).json();
    expect(campaign).toMatchObject({
      campaign: { id: 'spring-bargain' },
      phase: 'live',
      disclosure: { locale: 'en' },
    });
  });

  it.each([
    ['POST', '/api/instances/b1/events', '{not json', { 'x-user': 'bob' }, 400, 'malformed-json'],
    [
      'POST',
      '/api/instances/b1/events',
      { type: 'bargain.steal' },
      { 'x-user': 'bob' },
      400,
      'invalid-event',
    ],
    ['POST', '/api/instances/b1/events', [1, 2], { 'x-user': 'bob' }, 400, 'malformed-body'],
    ['POST', '/api/instances/b1/events', { type: 'bargain.help' }, {}, 401, 'unauthorized'],
    [
      'POST',
      '/api/instances/nope/events',
      { type: 'bargain.help' },
      { 'x-user': 'bob' },
      404,
      'unknown-instance',
    ],
    ['GET', '/api/campaigns/nope', undefined, {}, 404, 'unknown-campaign'],
    ['DELETE', '/api/instances/b1', undefined, {}, 405, 'method-not-allowed'],
    ['GET', '/api/whatever', undefined, {}, 404, 'not-found'],
    [
      'POST',
      '/api/instances/b1/events',
      { type: 'bargain.help', pad: 'x'.repeat(20_000) },
      { 'x-user': 'bob' },
      413,
      'payload-too-large',
    ],
    [
      'POST',
      '/api/instances/b1/events',
      'type=bargain.help',
      { 'x-user': 'bob', 'content-type': 'text/plain' },
      415,
      'unsupported-media-type',
    ],
  ])('%s %s → %i %s', async (method, path, body, headers, status, code) => {
    const { call } = setup();
    await call(
      'POST',
      '/api/campaigns/spring-bargain/instances',
      { instanceId: 'b1' },
      { 'x-user': 'alice' },
    );
    const response = await call(method, path, body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status, code });
  });

  it('signs invite links for the initiator and refuses tampered or expired ones', async () => {
    const { call, clock, rejectedInvites } = setup();
    await call(
      'POST',
      '/api/campaigns/spring-bargain/instances',
      { instanceId: 'b1' },
      { 'x-user': 'alice' },
    );
    expect((await call('POST', '/api/instances/b1/invites', undefined, { 'x-user': 'bob' })).status).toBe(
      403,
    );
    const { token } = (await (
      await call('POST', '/api/instances/b1/invites', undefined, { 'x-user': 'alice' })
    ).json()) as { token: string };
    expect(token).not.toMatch(/alice/);
    const opened = (await (await call('GET', `/api/invites/${token}`)).json()) as Record<string, unknown>;
    expect(opened).toEqual({ campaignId: 'spring-bargain', instanceId: 'b1', expiresAt: expect.any(Number) });
    const flipped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    const tampered = await call('GET', `/api/invites/${flipped}`);
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toMatchObject({ code: 'invalid-invite' });
    expect((await call('GET', `/api/invites/${token.slice(0, 20)}`)).status).toBe(403);
    clock.advance(60_000);
    expect(await (await call('GET', `/api/invites/${token}`)).json()).toMatchObject({
      code: 'invalid-invite',
      detail: 'this invite link has expired',
    });
    expect(rejectedInvites).toEqual(['bad-signature', 'malformed', 'expired']);
  });

  it('limits event sends per actor with 429 and Retry-After', async () => {
    const { call } = setup();
    await call(
      'POST',
      '/api/campaigns/spring-bargain/instances',
      { instanceId: 'b1' },
      { 'x-user': 'alice' },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await call('POST', '/api/instances/b1/events', { type: 'bargain.help' }, { 'x-user': 'bob' }))
          .status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(
      'POST',
      '/api/instances/b1/events',
      { type: 'bargain.help' },
      { 'x-user': 'bob' },
    );
    expect(limited.headers.get('retry-after')).toBe('1');
  });
});

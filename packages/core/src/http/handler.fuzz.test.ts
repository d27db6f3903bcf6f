import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createHandler } from './create-handler.js';

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '@timer',
    '',
    ' ',
    '../../etc/passwd',
    '%00',
    'a'.repeat(300),
    '小明',
    '\u0000',
    '<script>',
    'b1',
    'alice',
    'bob',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e308, -0, null, true),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const command = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'bargain.help',
        'bargain.purchase',
        'bargain.cancel',
        'bargain.deadline',
        'assist.help',
      ),
      hostileString,
    ),
    eventId: fc.oneof(fc.constantFrom('replay-1', 'replay-2'), hostileString, fc.integer()),
    orderId: hostileValue,
    actor: fc.record({ id: hostileString }),
    extra: hostileValue,
  },
  { requiredKeys: [] },
);
/** Bodies nested up to 8,000 levels deep, all within the 16 KiB limit, at the root or inside a command. */
const deepBody = fc
  .tuple(
    fc.integer({ min: 30, max: 8_000 }),
    fc.constantFrom(['', ''], ['{"type":"bargain.help","x":', '}'], ['{"instanceId":"d","input":', '}']),
    fc.constantFrom(['[', ']'], ['{"a":', '}']),
  )
  .map(([depth, [before, after], [open, close]]) => {
    const levels = Math.min(depth, Math.floor(16_000 / (open.length + close.length)));
    return `${before}${open.repeat(levels)}1${close.repeat(levels)}${after}`;
  });
const body = fc.oneof(
  command.map((c) => JSON.stringify(c)),
  hostileString,
  fc.constantFrom('{', '[]', 'null', '"x"', '{"type":', '9'.repeat(400), 'x'.repeat(16 * 1024 + 1)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  deepBody,
);
/** Path segments as they arrive on the wire: malformed percent escapes included. */
const rawSegment = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%C3%28', '%ED%A0%80', '%FF', 'b1%', '%2F', '%00', '..', '%2e%2e'),
  fc.string({ unit: fc.constantFrom('%', 'a', '0', 'E', 'F', '/', '.') }),
);
/** Well-formed helps from real friends, with replayed event ids, mixed into the noise. */
const validHelp = fc.record({
  method: fc.constant('POST' as const),
  path: fc.constant('/api/instances/b1/events'),
  user: fc.integer({ min: 1, max: 40 }).map((n) => `friend-${n}`),
  contentType: fc.constant('application/json'),
  body: fc
    .integer({ min: 1, max: 60 })
    .map((n) => JSON.stringify({ type: 'bargain.help', eventId: `help-${n}` })),
});
const hostileRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  path: fc.oneof(
    fc.constantFrom(
      '/api/instances/b1/events',
      '/api/instances/b1',
      '/api/campaigns/spring-bargain',
      '/api/campaigns/spring-bargain/instances',
      '/api/instances/b1/invites',
    ),
    hostileString.map((s) => `/api/instances/${encodeURIComponent(s)}/events`),
    hostileString.map((s) => `/api/${encodeURIComponent(s)}`),
    fc
      .tuple(
        fc.constantFrom('instances', 'campaigns', 'invites'),
        rawSegment,
        fc.constantFrom('', '/events', '/invites'),
      )
      .map(([head, segment, tail]) => `/api/${head}/${segment}${tail}`),
    fc.constantFrom('/', '/api', '/api/', '/api/invites/abc.def', '/api/instances//events', '/other'),
  ),
  user: fc.option(hostileString, { nil: undefined }),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    '',
    'application/json; charset=utf-8',
    'application/jsonx',
  ),
  contentLength: fc.option(fc.constantFrom('0', '-1', 'abc', '99999999999999999999', '1e3', '16385'), {
    nil: undefined,
  }),
  idempotencyKey: fc.option(hostileString, { nil: undefined }),
  body: fc.option(body, { nil: undefined }),
});

describe('HTTP handler under hostile input', () => {
  it('answers 20,000 malformed or hostile requests without a 5xx, and only valid events change state', async () => {
    const engine = createEngine({
      campaigns: [defineCampaign(bargainCampaignInput({ helpersToFloor: 50 }))],
      clock: createManualClock(DURING_CAMPAIGN),
      random: seededRandom(1),
    });
    const handler = createHandler(engine, {
      authenticate: (req) => {
        const id = req.headers.get('x-user');
        return id === null ? null : { id };
      },
      invites: { secret: 's' },
    });
    await engine.start('spring-bargain', { actor: { id: 'alice' }, instanceId: 'b1' });
    let appliedHelps = 0;
    const request = fc.oneof({ weight: 4, arbitrary: hostileRequest }, { weight: 1, arbitrary: validHelp });
    const samples = fc.sample(request, { numRuns: 20_000, seed: 20261123 });
    for (const r of samples) {
      const headers: Record<string, string> = {};
      // Headers must be ISO-8859-1; other ids cannot reach authentication through a header at all.
      if (r.user !== undefined && /^[\x20-\x7e]*$/.test(r.user)) headers['x-user'] = r.user;
      if (r.contentType) headers['content-type'] = r.contentType;
      const ascii = (v: string | undefined): v is string => v !== undefined && /^[\x20-\x7e]*$/.test(v);
      if ('contentLength' in r && ascii(r.contentLength)) headers['content-length'] = r.contentLength;
      if ('idempotencyKey' in r && ascii(r.idempotencyKey)) headers['idempotency-key'] = r.idempotencyKey;
      const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'OPTIONS';
      const init: RequestInit = { method: r.method, headers };
      if (withBody && r.body !== undefined) init.body = r.body;
      const response = await handler(new Request(`http://fuzz${r.path}`, init));
      expect(response.status, `${r.method} ${r.path} ${(r.body ?? '').slice(0, 200)}`).toBeLessThan(500);
      const payload = (await response.json()) as { status?: string; duplicate?: boolean; eventId?: string };
      if (
        response.status === 200 &&
        r.path === '/api/instances/b1/events' &&
        payload.status === 'accepted' &&
        !payload.duplicate
      ) {
        appliedHelps++;
      }
    }
    const view = await engine.view('b1', { id: 'alice' });
    if (view.kind !== 'bargain') throw new Error('expected a bargain');
    expect(appliedHelps).toBeGreaterThan(0);
    expect(view.helps.count).toBe(appliedHelps);
    expect(view.price.current).toBeGreaterThanOrEqual(view.price.floor);
  }, 120_000);
});

describe('HTTP handler on malformed requests it must refuse', () => {
  const setup = async () => {
    const engine = createEngine({
      campaigns: [defineCampaign(bargainCampaignInput({}))],
      clock: createManualClock(DURING_CAMPAIGN),
    });
    await engine.start('spring-bargain', { actor: { id: 'alice' }, instanceId: 'b1' });
    const handler = createHandler(engine, { authenticate: () => ({ id: 'bob' }), invites: { secret: 's' } });
    const post = (path: string, body: string) =>
      handler(
        new Request(`http://test/api${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      );
    return { engine, handler, post };
  };

  it('refuses a body nested deeper than 32 levels with 400 malformed-body, and changes nothing', async () => {
    const { engine, post } = await setup();
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    for (const [path, body] of [
      ['/instances/b1/events', `{"type":"bargain.help","x":${deep(7_990)}}`],
      ['/instances/b1/events', `{"type":"bargain.help","x":${deep(40)}}`],
      ['/campaigns/spring-bargain/instances', `{"instanceId":"deep","input":${deep(7_990)}}`],
    ] as const) {
      const response = await post(path, body);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'malformed-body',
        detail: expect.stringContaining('32'),
      });
    }
    const view = await engine.view('b1', null);
    expect(view.kind === 'bargain' && view.helps.count).toBe(0);
    await expect(engine.view('deep', null)).rejects.toMatchObject({ code: 'unknown-instance' });
    // Within the limit the body reaches the engine, which judges its fields.
    const shallow = await post('/instances/b1/events', `{"type":"bargain.help","x":${deep(20)}}`);
    expect(await shallow.json()).toMatchObject({ code: 'invalid-event' });
  });

  it('refuses a malformed percent escape in any path segment with 400 malformed-url', async () => {
    const { handler } = await setup();
    for (const path of [
      '/instances/%E0%A4%A',
      '/instances/%zz/events',
      '/campaigns/%/instances',
      '/invites/%C3%28',
    ]) {
      const response = await handler(new Request(`http://test/api${path}`));
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'malformed-url' });
    }
  });

  it('refuses an empty invite secret when it is created, naming the option', async () => {
    const { engine } = await setup();
    expect(() => createHandler(engine, { authenticate: () => null, invites: { secret: '' } })).toThrow(
      expect.objectContaining({
        code: 'invalid-argument',
        message: expect.stringContaining('invites.secret'),
      }),
    );
  });
});

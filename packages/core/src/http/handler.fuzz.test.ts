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
const body = fc.oneof(
  command.map((c) => JSON.stringify(c)),
  hostileString,
  fc.constantFrom('{', '[]', 'null', '"x"', '{"type":', '9'.repeat(400)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
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
    fc.constantFrom('/', '/api', '/api/', '/api/invites/abc.def', '/api/instances//events', '/other'),
  ),
  user: fc.option(hostileString, { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'text/plain', ''),
  body: fc.option(body, { nil: undefined }),
});

describe('HTTP handler under hostile input', () => {
  it('answers 10,000 malformed or hostile requests without a 5xx, and only valid events change state', async () => {
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
    const samples = fc.sample(request, { numRuns: 10_000, seed: 20261123 });
    for (const r of samples) {
      const headers: Record<string, string> = {};
      // Headers must be ISO-8859-1; other ids cannot reach authentication through a header at all.
      if (r.user !== undefined && /^[\x20-\x7e]*$/.test(r.user)) headers['x-user'] = r.user;
      if (r.contentType) headers['content-type'] = r.contentType;
      const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'OPTIONS';
      const init: RequestInit = { method: r.method, headers };
      if (withBody && r.body !== undefined) init.body = r.body;
      const response = await handler(new Request(`http://fuzz${r.path}`, init));
      expect(response.status, `${r.method} ${r.path} ${r.body ?? ''}`).toBeLessThan(500);
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

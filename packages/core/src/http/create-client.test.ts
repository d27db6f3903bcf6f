import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createClient } from './create-client.js';
import { createHandler } from './create-handler.js';

const engine = createEngine({
  campaigns: [defineCampaign(bargainCampaignInput())],
  clock: createManualClock(DURING_CAMPAIGN),
  random: seededRandom(2),
});
const handler = createHandler(engine, {
  authenticate: (req) => {
    const id = req.headers.get('authorization')?.replace(/^User /, '');
    return id ? { id } : null;
  },
  invites: { secret: 'client-test' },
});
// The real handler answers inside msw; anything else the client might call fails the test.
const server = setupServer(http.all('https://liebian.test/api/*', ({ request }) => handler(request)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const as = (user: string) =>
  createClient('https://liebian.test/api', { headers: { authorization: `User ${user}` } });

describe('createClient against the real handler (msw)', () => {
  it('starts, invites, helps idempotently and views, with typed results', async () => {
    const alice = as('alice');
    const started = await alice.start('spring-bargain', { instanceId: 'c1' });
    expect(started).toMatchObject({ ok: true, data: { status: 'accepted', instanceId: 'c1' } });
    const invite = await alice.invite('c1');
    if (!invite.ok) throw new Error(invite.problem.detail);
    const checked = await createClient('https://liebian.test/api').checkInvite(invite.data.token);
    expect(checked).toMatchObject({ ok: true, data: { campaignId: 'spring-bargain', instanceId: 'c1' } });
    expect(JSON.stringify(checked)).not.toContain('alice');
    const bob = as('bob');
    const first = await bob.send('c1', { type: 'bargain.help' }, { idempotencyKey: 'tap-1' });
    const again = await bob.send('c1', { type: 'bargain.help' }, { idempotencyKey: 'tap-1' });
    expect(first).toMatchObject({ ok: true, data: { status: 'accepted', duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { status: 'accepted', duplicate: true } });
    const view = await alice.view('c1');
    expect(view.ok && view.data.kind === 'bargain' && view.data.helps.count).toBe(1);
    const rules = await alice.campaign('spring-bargain', 'en');
    expect(rules.ok && rules.data.disclosure.title).toBe('Bargain rules');
  });

  it('returns problems as data, not exceptions', async () => {
    expect(await createClient('https://liebian.test/api').send('c1', { type: 'bargain.help' })).toMatchObject(
      {
        ok: false,
        problem: { status: 401, code: 'unauthorized' },
      },
    );
    expect(await as('bob').view('missing')).toMatchObject({
      ok: false,
      problem: { status: 404, code: 'unknown-instance' },
    });
    expect(await as('bob').checkInvite('forged.token')).toMatchObject({
      ok: false,
      problem: { code: 'invalid-invite' },
    });
  });
});

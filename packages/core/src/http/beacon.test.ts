import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../analytics/create-analytics.js';
import { campaignReport, readCells } from '../analytics/queries.js';
import { defineCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { BeaconResult } from './beacon.js';
import { createClient } from './create-client.js';
import { createHandler } from './create-handler.js';

const DAY = 86_400_000;
const campaign = defineCampaign(bargainCampaignInput());

function setup(perVisitor = { max: 100, windowMs: 60_000 }) {
  const clock = createManualClock(DURING_CAMPAIGN);
  const store = createMemoryStore();
  const engine = createEngine({
    campaigns: [campaign],
    store,
    clock,
    random: seededRandom(1),
    recordEvents: true,
  });
  const handler = createHandler(engine, {
    authenticate: (req) => {
      const id = req.headers.get('x-user');
      return id ? { id, ...(req.headers.get('x-new') ? { newUser: true } : {}) } : null;
    },
    invites: { secret: 'test-secret' },
    beacon: { store, perVisitor, maxEvents: 10 },
    clock,
  });
  const as = (user?: string, newUser = false) =>
    createClient('http://test/api', {
      fetch: (input, init) => handler(new Request(input, init)),
      headers: { ...(user ? { 'x-user': user } : {}), ...(newUser ? { 'x-new': '1' } : {}) },
    });
  const cells = async () =>
    Object.fromEntries(
      (await readCells({ store, campaign })).map((c) => [`${c.metric}|${c.day}|${c.channel ?? ''}`, c.value]),
    );
  return { clock, store, engine, handler, as, cells };
}

const beacon = async (client: ReturnType<ReturnType<typeof setup>['as']>, events: unknown[]) => {
  const result = await client.beacon(events as never);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.data as BeaconResult;
};

describe('the beacon route', () => {
  it('counts valid page events on the day and channel of the invite they came through', async () => {
    const { as, cells } = setup();
    const alice = as('alice');
    await alice.start(campaign.id, { instanceId: 'b1' });
    const invite = await alice.invite('b1', { channel: 'moments' });
    if (!invite.ok) throw new Error('no invite');
    expect(invite.data.channel).toBe('moments');
    const token = invite.data.token;
    const answer = await beacon(as(), [
      { type: 'invite-open', id: 'e1', invite: token, visitor: 'visitor-0001' },
      { type: 'page-view', id: 'e2', invite: token, visitor: 'visitor-0001' },
      { type: 'section-seen', id: 'e3', invite: token, section: 'rules', visitor: 'visitor-0001' },
    ]);
    expect(answer).toEqual({ accepted: 3, refused: [] });
    // The inviter opening her own link is an open, not a friend who opened.
    await beacon(alice, [
      { type: 'invite-open', id: 'a1', invite: token },
      { type: 'share-tap', id: 'a2', campaignId: campaign.id, instanceId: 'b1' },
      { type: 'poster-open', id: 'a3', campaignId: campaign.id, instanceId: 'b1' },
    ]);
    const day = '2026-12-02';
    expect(await cells()).toEqual({
      [`page:invite-open|${day}|moments`]: 2,
      [`page:page-view|${day}|moments`]: 1,
      [`page:section-seen|${day}|moments`]: 1,
      [`section:rules|${day}|moments`]: 1,
      [`page:share-tap|${day}|`]: 1,
      [`page:poster-open|${day}|`]: 1,
      [`daily-visitors|${day}|moments`]: 2,
      [`visitors|${day}|moments`]: 2,
      [`friends-opened|${day}|moments`]: 1,
      [`sharers|${day}|`]: 1,
    });
  });

  it('refuses a bad event by index, id and type, and counts the rest of the batch', async () => {
    const { as, cells } = setup();
    const alice = as('alice');
    await alice.start(campaign.id, { instanceId: 'b1' });
    const invite = await alice.invite('b1', { channel: 'group' });
    if (!invite.ok) throw new Error('no invite');
    const forged = `${invite.data.token.slice(0, -2)}AA`;
    const answer = await beacon(as(), [
      { type: 'page-view', id: 'ok-1', campaignId: campaign.id, visitor: 'visitor-0002' },
      'not an event',
      { type: 'scroll', id: 'x1', campaignId: campaign.id, visitor: 'visitor-0002' },
      { type: 'page-view', id: 'bad id!', campaignId: campaign.id, visitor: 'visitor-0002' },
      { type: 'page-view', id: 'x3', campaignId: campaign.id },
      { type: 'page-view', id: 'x4', campaignId: 'no-such-campaign', visitor: 'visitor-0002' },
      { type: 'invite-open', id: 'x5', invite: forged, visitor: 'visitor-0002' },
      { type: 'invite-open', id: 'x6', campaignId: campaign.id, visitor: 'visitor-0002' },
      { type: 'page-view', id: 'x7', invite: invite.data.token, channel: 'poster', visitor: 'visitor-0002' },
      { type: 'section-seen', id: 'x8', campaignId: campaign.id, visitor: 'visitor-0002' },
    ]);
    expect(answer.accepted).toBe(1);
    expect(answer.refused.map((r) => [r.index, r.id, r.type, r.code, r.issues?.[0]?.path])).toEqual([
      [1, null, null, 'invalid-argument', 'event'],
      [2, 'x1', 'scroll', 'invalid-argument', 'type'],
      [3, 'bad id!', 'page-view', 'invalid-argument', 'id'],
      [4, 'x3', 'page-view', 'invalid-argument', 'visitor'],
      [5, 'x4', 'page-view', 'unknown-campaign', undefined],
      [6, 'x5', 'invite-open', 'invalid-invite', undefined],
      [7, 'x6', 'invite-open', 'invalid-argument', 'invite'],
      [8, 'x7', 'page-view', 'invalid-argument', 'channel'],
      [9, 'x8', 'section-seen', 'invalid-argument', 'section'],
    ]);
    expect(Object.keys(await cells()).filter((k) => k.startsWith('page:'))).toEqual([
      'page:page-view|2026-12-02|',
    ]);
    // A batch that is not an array, is empty or is over maxEvents is refused as a whole.
    for (const body of [{ type: 'page-view' }, [], Array(11).fill({})]) {
      const result = await as().beacon(body as never);
      expect(result.ok ? 200 : result.problem.code).toBe('malformed-body');
    }
  });

  it('counts a resent batch once: each event by visitor and id', async () => {
    const { as, cells } = setup();
    const batch = [
      { type: 'page-view', id: 'p1', campaignId: campaign.id, visitor: 'visitor-0003' },
      { type: 'share-tap', id: 'p2', campaignId: campaign.id, visitor: 'visitor-0003' },
    ];
    await beacon(as(), batch);
    const first = await cells();
    expect(await beacon(as(), batch)).toEqual({ accepted: 2, refused: [] });
    expect(await cells()).toEqual(first);
    // The same event id from another visitor is another event.
    await beacon(as(), [{ ...batch[0], visitor: 'visitor-0004' }]);
    expect((await cells())['page:page-view|2026-12-02|']).toBe(2);
  });

  it('limits events per visitor: over the limit refused rate-limited, a batch wholly over it answered 429', async () => {
    const { as, clock } = setup({ max: 3, windowMs: 60_000 });
    const events = (visitor: string, n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({
        type: 'page-view',
        id: `r${from + i}`,
        campaignId: campaign.id,
        visitor,
      }));
    const answer = await beacon(as(), [...events('visitor-0005', 5), ...events('visitor-0006', 1)]);
    expect(answer.accepted).toBe(4);
    expect(answer.refused.map((r) => [r.index, r.code])).toEqual([
      [3, 'rate-limited'],
      [4, 'rate-limited'],
    ]);
    const over = await as().beacon(events('visitor-0005', 2, 10) as never);
    expect(over.ok ? 200 : [over.problem.status, over.problem.code]).toEqual([429, 'rate-limited']);
    clock.advance(60_000);
    expect((await beacon(as(), events('visitor-0005', 1, 20))).accepted).toBe(1);
  });

  it('counts a visitor once per calendar day for UV and once per campaign as a visitor', async () => {
    const { as, clock, store } = setup();
    const view = (id: string, visitor = 'visitor-0007') => ({
      type: 'page-view',
      id,
      campaignId: campaign.id,
      visitor,
    });
    await beacon(as(), [view('d1'), view('d2')]);
    clock.advance(DAY / 2 - 1); // still 2026-12-02 in Beijing (22:00 − 1 ms)
    await beacon(as(), [view('d3')]);
    clock.advance(DAY); // 2026-12-03
    await beacon(as(), [view('d4'), view('d5', 'visitor-0008')]);
    await beacon(as('alice'), [{ type: 'page-view', id: 'd6', campaignId: campaign.id }]);
    const report = await campaignReport({ store, campaign });
    expect(report.days.map((d) => [d.day, d.page.dailyVisitors, d.page.visitors, d.page.pageViews])).toEqual([
      ['2026-12-02', 1, 1, 3],
      ['2026-12-03', 3, 2, 3],
    ]);
    expect(report.totals.page).toMatchObject({ visitors: 3, dailyVisitors: 4, pageViews: 6 });
    expect(report.funnel.generic[0]).toMatchObject({ id: 'visitors', count: 3 });
  });

  it('records the channel of the invite with the friend’s accepted help and launch', async () => {
    const { as, store, clock } = setup();
    const analytics = createAnalytics({ store, campaigns: [campaign], clock });
    const alice = as('alice');
    await alice.start(campaign.id, { instanceId: 'b1' });
    const moments = await alice.invite('b1', { channel: 'moments' });
    const plain = await alice.invite('b1');
    if (!moments.ok || !plain.ok) throw new Error('no invite');
    const bob = as('bob', true);
    const help = await bob.send('b1', { type: 'bargain.help' }, { invite: moments.data.token });
    expect(help.ok && help.data.status).toBe('accepted');
    const launch = await bob.start(campaign.id, { instanceId: 'b2', invite: moments.data.token });
    expect(launch.ok && launch.data.status).toBe('accepted');
    expect((await as('carol').send('b1', { type: 'bargain.help' }, { invite: plain.data.token })).ok).toBe(
      true,
    );
    const forged = await as('dave').send(
      'b1',
      { type: 'bargain.help' },
      { invite: `x${moments.data.token}` },
    );
    expect(forged.ok ? 200 : forged.problem.code).toBe('invalid-invite');
    const badChannel = await alice.invite('b1', { channel: 'WeChat Moments' });
    expect(badChannel.ok ? 200 : [badChannel.problem.code, badChannel.problem.issues?.[0]?.path]).toEqual([
      'invalid-argument',
      'channel',
    ]);
    expect((await analytics.consumer.drain()).status).toBe('caught-up');
    const rows = Object.fromEntries(
      (await analytics.report(campaign.id)).channels.map((c) => [
        c.channel ?? '(none)',
        [c.participants, c.friends],
      ]),
    );
    expect(rows).toEqual({ '(none)': [1, 1], moments: [1, 1] });
  });
});

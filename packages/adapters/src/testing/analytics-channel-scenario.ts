import { type Actor, createClient, createEngine, createHandler, type Store } from '@liebian/core';
import type { BeaconResult, PageEventInput } from '@liebian/core/http';
import { createManualClock, sequentialIds } from '@liebian/core/testing';
import { SCRIPT_START, scriptCampaign } from './analytics-scenario.js';
import { check } from './fixtures.js';

const MINUTE = 60_000;

/** What the channel script did, as the handler answered it. */
export interface ChannelRun {
  /** Every page event the beacon counted, with the channel of the invite it came through (null: none). */
  readonly pageEvents: readonly { readonly type: string; readonly channel: string | null }[];
  /** How many page events the beacon refused. */
  readonly refused: number;
}

/**
 * Drives the scripted bargain through the HTTP handler, as the H5 islands do, over two days: alice launches from
 * the campaign page and makes invite links for moments, group and poster; friends open them (page events to the
 * beacon, some anonymous) and help with the link's token (its sealed channel goes into the event's record).
 *
 * day one — alice views her page and taps share twice. bob (anonymous) opens the moments link and views it, then
 * signs in (new) and helps. carol opens the group link, views it, sees the rules and helps; one of her events names
 * another channel than her link's and is refused. dave (anonymous) opens the poster link and views it, no help.
 * erin helps through the moments link and launches her own instance with it.
 *
 * day two — dave views the poster link again; his batch is sent twice (counted once).
 */
export async function runChannelScript(store: Store): Promise<ChannelRun> {
  const clock = createManualClock(SCRIPT_START);
  const engine = createEngine({
    campaigns: [scriptCampaign],
    store,
    clock,
    ids: sequentialIds('channels'),
    recordEvents: true,
  });
  const actors = new Map<string, Actor>();
  const handler = createHandler(engine, {
    authenticate: (request) => actors.get(request.headers.get('x-user') ?? '') ?? null,
    invites: { secret: 'conformance secret' },
    beacon: { store },
    clock,
  });
  const as = (id?: string, newUser = false) => {
    if (id) actors.set(id, newUser ? { id, newUser } : { id });
    return createClient('http://shop.test/api', {
      fetch: (input, init) => handler(new Request(input, init)),
      headers: id ? { 'x-user': id } : {},
    });
  };
  const pageEvents: { type: string; channel: string | null }[] = [];
  let refused = 0;
  const send = async (
    client: ReturnType<typeof as>,
    channel: string | null,
    events: PageEventInput[],
  ): Promise<BeaconResult> => {
    const answer = await client.beacon(events);
    check(answer.ok, `beacon: ${JSON.stringify(answer)}`);
    const result = (answer as { data: BeaconResult }).data;
    const bad = new Set(result.refused.map((r) => r.index));
    events.forEach((e, i) => {
      if (!bad.has(i)) pageEvents.push({ type: e.type, channel });
    });
    refused += result.refused.length;
    clock.advance(MINUTE);
    return result;
  };
  const ok = (what: string, answer: { ok: boolean; data?: unknown }) => {
    check(
      answer.ok && (answer.data as { status?: string }).status !== 'rejected',
      `${what}: ${JSON.stringify(answer)}`,
    );
    clock.advance(MINUTE);
  };
  const campaignId = scriptCampaign.id;

  const alice = as('alice');
  ok('alice launches', await alice.start(campaignId, { instanceId: 'c-alice' }));
  const link = async (channel: string) => {
    const made = await alice.invite('c-alice', { channel });
    check(made.ok, `invite ${channel}: ${JSON.stringify(made)}`);
    return (made as { data: { token: string } }).data.token;
  };
  const [moments, group, poster] = [await link('moments'), await link('group'), await link('poster')];
  await send(alice, null, [
    { type: 'page-view', id: 'a1', campaignId, instanceId: 'c-alice' },
    { type: 'share-tap', id: 'a2', campaignId, instanceId: 'c-alice' },
    { type: 'share-tap', id: 'a3', campaignId, instanceId: 'c-alice' },
  ]);

  const anonymousBob = as();
  await send(anonymousBob, 'moments', [
    { type: 'invite-open', id: 'b1', invite: moments, visitor: 'visitor-bob-0001' },
    { type: 'page-view', id: 'b2', invite: moments, visitor: 'visitor-bob-0001' },
  ]);
  ok('bob helps', await as('bob', true).send('c-alice', { type: 'bargain.help' }, { invite: moments }));

  const carol = as('carol');
  const carols = await send(carol, 'group', [
    { type: 'invite-open', id: 'c1', invite: group },
    { type: 'page-view', id: 'c2', invite: group },
    { type: 'section-seen', id: 'c3', invite: group, section: 'rules' },
    { type: 'page-view', id: 'c4', invite: group, channel: 'moments' }, // refused: the link is the group's
  ]);
  check(carols.refused.length === 1 && carols.refused[0]?.index === 3, 'carol: one refusal, the 4th event');
  ok('carol helps', await carol.send('c-alice', { type: 'bargain.help' }, { invite: group }));

  const dave = as();
  const daveDay = (id: string) =>
    [
      ...(id === 'd1'
        ? [{ type: 'invite-open' as const, id: 'd0', invite: poster, visitor: 'visitor-dave-01' }]
        : []),
      { type: 'page-view' as const, id, invite: poster, visitor: 'visitor-dave-01' },
    ] satisfies PageEventInput[];
  await send(dave, 'poster', daveDay('d1'));

  const erin = as('erin');
  ok('erin helps', await erin.send('c-alice', { type: 'bargain.help' }, { invite: moments }));
  ok('erin launches', await erin.start(campaignId, { instanceId: 'c-erin', invite: moments }));

  clock.set(SCRIPT_START + 24 * 60 * MINUTE); // day two
  await send(dave, 'poster', daveDay('d2'));
  const again = await dave.beacon(daveDay('d2'));
  check(again.ok && again.data.accepted === 1, 'a resent batch is answered as counted');
  return { pageEvents, refused };
}

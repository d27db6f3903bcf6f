import type { Effect, Store } from '@liebian/core';
import { type CampaignReport, createAnalytics, exportEventLog } from '@liebian/core/analytics';
import { createManualClock } from '@liebian/core/testing';
import { runChannelScript } from './analytics-channel-scenario.js';
import {
  DAY_ONE,
  DAY_TWO,
  effectsOf,
  readWholeOutbox,
  runScript,
  scriptCampaign,
} from './analytics-scenario.js';
import { check, equal } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const MINUTE = 60_000;
const money = (over: Partial<CampaignReport['totals']['money']> = {}) => ({
  revenueFen: 0,
  orders: 0,
  subsidyFen: 0,
  rewardCostFen: 0,
  costFen: 0,
  rewardsGranted: 0,
  rewardsRedeemed: 0,
  rewardsClawedBack: 0,
  refundFen: 0,
  refunds: 0,
  cacFen: null,
  roi: null,
  ...over,
});
const page = (over: Partial<CampaignReport['totals']['page']> = {}) => ({
  visitors: 0,
  dailyVisitors: 0,
  pageViews: 0,
  sectionsSeen: 0,
  shareTaps: 0,
  posterOpens: 0,
  sharers: 0,
  inviteOpens: 0,
  friendsOpened: 0,
  ...over,
});
const figures = (over: Partial<CampaignReport['totals']> = {}) => ({
  participants: 0,
  launches: 0,
  friends: 0,
  friendActions: 0,
  newUsers: 0,
  payingCustomers: 0,
  money: money(),
  page: page(),
  ...over,
});

/** A channel's figures: people only (money comes from effects, which carry no channel). */
const people = (over: Partial<CampaignReport['channels'][number]> = {}) => {
  const { money: _, payingCustomers: __, ...rest } = figures();
  return { ...rest, ...over };
};

/** New users who cost nothing: CAC ¥0.00. */
const free = money({ cacFen: 0 });

/** The one purchase of the script: ¥9.90 paid, ¥189.10 of cuts paid by the organiser. */
const PURCHASE = { revenueFen: 990, orders: 1, subsidyFen: 18_910, costFen: 18_910, rewardsGranted: 1 };

async function analyticsAfterScript(store: Store) {
  const run = await runScript(store);
  const clock = createManualClock(Date.parse('2026-12-04T00:00:00Z'));
  const analytics = createAnalytics({ store, campaigns: [scriptCampaign], clock });
  const drained = await analytics.consumer.drain();
  check(drained.status === 'caught-up', `analytics drained: ${JSON.stringify(drained)}`);
  equal(drained.delivered, run.outbox.length, 'every outbox entry folded once');
  return { run, analytics, clock };
}

export function analyticsTests({ test }: SuiteContext): void {
  test('analytics of a scripted campaign match its accepted events and effects exactly', async ({ open }) => {
    const store = await open();
    const { run, analytics } = await analyticsAfterScript(store);

    // What the engine answered and wrote, counted directly.
    const accepted = run.answers.filter((a) => a.status === 'accepted' && !a.duplicate);
    equal(accepted.length, 7, 'accepted events: 6 helps and 1 purchase');
    equal(run.answers.filter((a) => a.status === 'accepted' && a.duplicate).length, 1, 'one duplicate');
    equal(
      run.answers.filter((a) => a.status === 'rejected').map((a) => a.status === 'rejected' && a.reason),
      ['self-help', 'already-helped'],
      'two refusals',
    );
    for (const answer of run.answers)
      if (answer.status === 'accepted')
        check(
          !answer.effects.some((e) => e.type === 'event.applied'),
          'records are not effects of an answer',
        );
    const records = run.outbox.filter((i) => i.type === 'event.applied');
    equal(
      records.length,
      4 + 7,
      'one record per launch and per accepted event; none for refusals or duplicates',
    );
    const effects = effectsOf(run.outbox);
    equal(
      effects.map((e) => e.type).sort(),
      [
        'bargain.purchasable',
        'bargain.purchased',
        ...Array(4).fill('bargain.started'),
        'risk.blocked',
      ].sort(),
      'the effects (self-help is blocked by a risk check, and recorded)',
    );
    const purchased = effects.find((e) => e.type === 'bargain.purchased') as Effect;
    equal([purchased.payload.price, purchased.payload.subsidy], [990, 18_910], 'the purchase effect');

    const report = await analytics.report(scriptCampaign.id);
    const cost = PURCHASE.costFen;
    equal(
      report.totals,
      figures({
        participants: 4, // alice, bob, erin, zoe
        launches: 4,
        friends: 5, // bob, carol, dave, erin, frank
        friendActions: 6,
        newUsers: 4, // bob, carol, erin, frank
        payingCustomers: 1, // alice
        money: money({ ...PURCHASE, cacFen: Math.round(cost / 4), roi: (990 - cost) / cost }),
      }),
      'totals',
    );
    equal(
      report.funnel.mechanic.map((s) => [s.id, s.count]),
      [
        ['launched', 4],
        ['shared', null],
        ['helped', 5],
        ['floor-reached', 1],
        ['purchased', 1],
      ],
      'the bargain funnel (shares need page events: not measured)',
    );
    equal(
      report.funnel.generic.map((s) => [s.id, s.count]),
      [
        ['visitors', null],
        ['launched', 4],
        ['shared', null],
        ['friends-opened', null],
        ['friends-acted', 5],
        ['new-users', 4],
        ['paying', 1],
      ],
      'the generic funnel',
    );
    equal(report.funnel.mechanic[2]?.fromPrevious, 5 / 4, 'step ratio skips the unmeasured step');
    equal(
      report.days.map(({ day, dayOverDay, ...f }) => [day, f, dayOverDay]),
      [
        [
          DAY_ONE,
          figures({
            participants: 2,
            launches: 2,
            friends: 4,
            friendActions: 4,
            newUsers: 3,
            payingCustomers: 1,
            money: money({ ...PURCHASE, cacFen: Math.round(cost / 3), roi: (990 - cost) / cost }),
          }),
          { participants: null, friends: null, revenueFen: null },
        ],
        [
          DAY_TWO,
          figures({ participants: 2, launches: 2, friends: 1, friendActions: 2, newUsers: 1, money: free }),
          { participants: 0, friends: -0.75, revenueFen: -1 },
        ],
      ],
      'per day, with day over day',
    );
    const channels = Object.fromEntries(report.channels.map(({ channel, ...f }) => [channel ?? '(none)', f]));
    equal(
      channels,
      {
        '(none)': people({ participants: 2, launches: 2 }), // alice and zoe launched from the page itself
        moments: people({ participants: 1, launches: 1, friends: 2, friendActions: 2, newUsers: 1 }),
        group: people({ friends: 1, friendActions: 2, newUsers: 1 }),
        chat: people({ participants: 1, launches: 1, friends: 1, friendActions: 1, newUsers: 1 }),
        poster: people({ friends: 1, friendActions: 1, newUsers: 1 }),
      },
      'per channel',
    );
    equal(
      report.generations,
      [
        {
          generation: 0,
          participants: 2,
          friendsBrought: 3,
          friendsPerParticipant: 1.5,
          conversion: 1 / 3,
          k: 0.5,
        },
        { generation: 1, participants: 1, friendsBrought: 1, friendsPerParticipant: 1, conversion: 1, k: 1 },
        { generation: 2, participants: 1, friendsBrought: 1, friendsPerParticipant: 1, conversion: 0, k: 0 },
      ],
      'generations and K',
    );
    equal(report.cycle, { instances: 3, medianMs: 30 * MINUTE, p90Ms: 120 * MINUTE }, 'viral cycle');
    equal(
      report.spreaders,
      [
        { actorId: 'alice', brought: 3, launched: 1, generation: 0, tier: 'regular' },
        { actorId: 'bob', brought: 1, launched: 1, generation: 1, tier: 'regular' },
        { actorId: 'erin', brought: 1, launched: 0, generation: 2, tier: 'regular' },
      ],
      'top spreaders',
    );
    const { inviteTree } = await import('@liebian/core/analytics');
    equal(
      await inviteTree(analytics.source(scriptCampaign.id)),
      [
        { from: 'alice', to: 'bob', generation: 1 },
        { from: 'alice', to: 'carol', generation: 1 },
        { from: 'alice', to: 'dave', generation: 1 },
        { from: 'bob', to: 'erin', generation: 2 },
        { from: 'erin', to: 'frank', generation: 3 },
      ],
      'who brought whom',
    );
    const dayTwo = await analytics.report(scriptCampaign.id, { from: DAY_TWO, to: DAY_TWO });
    equal(dayTwo.totals.participants, 2, 'a range keeps its days only');
  });

  test('channels from signed invite links and page events reconcile per channel, end to end', async ({
    open,
  }) => {
    const store = await open();
    const run = await runChannelScript(store);
    const analytics = createAnalytics({
      store,
      campaigns: [scriptCampaign],
      clock: createManualClock(Date.parse('2026-12-04T00:00:00Z')),
    });
    check((await analytics.consumer.drain()).status === 'caught-up', 'analytics drained');
    const report = await analytics.report(scriptCampaign.id);
    const channels = Object.fromEntries(report.channels.map(({ channel, ...f }) => [channel ?? '(none)', f]));
    equal(
      channels,
      {
        '(none)': people({
          participants: 1, // alice, from the campaign page
          launches: 1,
          page: page({ visitors: 1, dailyVisitors: 1, pageViews: 1, shareTaps: 2, sharers: 1 }),
        }),
        moments: people({
          participants: 1, // erin launched with the moments link
          launches: 1,
          friends: 2, // bob, erin
          friendActions: 2,
          newUsers: 1, // bob
          page: page({ visitors: 1, dailyVisitors: 1, pageViews: 1, inviteOpens: 1, friendsOpened: 1 }),
        }),
        group: people({
          friends: 1, // carol
          friendActions: 1,
          page: page({
            visitors: 1,
            dailyVisitors: 1,
            pageViews: 1,
            sectionsSeen: 1,
            inviteOpens: 1,
            friendsOpened: 1,
          }),
        }),
        poster: people({
          // dave opened and looked on both days, and never helped
          page: page({ visitors: 1, dailyVisitors: 2, pageViews: 2, inviteOpens: 1, friendsOpened: 1 }),
        }),
      },
      'per channel',
    );
    // The same figures, counted directly from what the engine committed and the beacon accepted.
    const records = (await readWholeOutbox(store))
      .filter((i) => i.type === 'event.applied')
      .map((i) => i.payload as Effect & { payload: { channel: string | null; friend: boolean } });
    equal(run.refused, 1, 'one page event refused');
    for (const row of report.channels) {
      const mine = records.filter((r) => r.payload.channel === row.channel);
      const seen = run.pageEvents.filter((e) => e.channel === row.channel);
      const n = (type: string) => seen.filter((e) => e.type === type).length;
      equal(
        [row.friendActions, row.launches, row.page.pageViews, row.page.inviteOpens, row.page.shareTaps],
        [
          mine.filter((r) => r.payload.friend).length,
          mine.filter((r) => !r.payload.friend).length,
          n('page-view'),
          n('invite-open'),
          n('share-tap'),
        ],
        `channel ${row.channel}: the records and accepted page events`,
      );
    }
    equal(
      report.funnel.generic.map((s) => [s.id, s.count]),
      [
        ['visitors', 4], // alice, bob (anonymous, before he signed in), carol, dave (anonymous)
        ['launched', 2],
        ['shared', 1],
        ['friends-opened', 3],
        ['friends-acted', 3],
        ['new-users', 1],
        ['paying', 0],
      ],
      'the generic funnel, measured',
    );
  });

  test('analytics count once however often the outbox is delivered', async ({ open }) => {
    const store = await open();
    const { run, analytics, clock } = await analyticsAfterScript(store);
    const once = await analytics.report(scriptCampaign.id);
    // Every entry folded again (a crash before the cursor moved, a lease taken over).
    for (const item of run.outbox)
      await analytics.handler(item.payload as Effect, {
        attempt: 2,
        cursor: item.cursor,
        signal: new AbortController().signal,
      });
    equal(await analytics.report(scriptCampaign.id), once, 'a replay of every entry changes nothing');
    // A second consumer over the same outbox from its start, failing each entry once after folding it.
    const failed = new Set<string>();
    const again = createAnalytics({ store, campaigns: [scriptCampaign], clock, name: 'analytics-replay' });
    const { createConsumer } = await import('@liebian/core');
    const flaky = createConsumer({
      store,
      clock,
      name: 'analytics-flaky',
      backoff: { initialMs: 10, maxMs: 10 },
      maxAttempts: 3,
      handler: async (effect, delivery) => {
        await again.handler(effect, delivery);
        if (!failed.has(effect.dedupeKey)) {
          failed.add(effect.dedupeKey);
          throw new Error('lost the answer');
        }
      },
    });
    for (let pass = 0; pass < 10 * run.outbox.length; pass++) {
      const result = await flaky.drain();
      if (result.status === 'caught-up') break;
      clock.advance(10);
    }
    equal((await flaky.lag()).entries, 0, 'the flaky consumer caught up');
    equal(failed.size, run.outbox.length, 'every entry was delivered at least twice');
    equal(await analytics.report(scriptCampaign.id), once, 'redelivery after failures changes nothing');
  });

  test('the NDJSON export writes every entry of the campaign once, in outbox order', async ({ open }) => {
    const store = await open();
    const run = await runScript(store);
    const lines: string[] = [];
    for await (const line of exportEventLog(store, { campaignId: scriptCampaign.id, pageSize: 5 }))
      lines.push(line);
    equal(lines.length, run.outbox.length, 'one line per entry');
    check(
      lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n')),
      'one object per line',
    );
    const parsed = lines.map((l) => JSON.parse(l) as Effect & { v: number; cursor: string; time: string });
    equal(
      parsed.map((p) => p.dedupeKey),
      run.outbox.map((i) => i.dedupeKey),
      'outbox order',
    );
    equal(parsed[0]?.v, 1, 'format version');
    equal(parsed[0]?.time, new Date(parsed[0]?.at ?? 0).toISOString(), 'ISO time');
    const rest: string[] = [];
    for await (const line of exportEventLog(store, { after: parsed[5]?.cursor ?? null })) rest.push(line);
    equal(rest.length, run.outbox.length - 6, 'resumes after a cursor');
  });
}

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { assistCampaignInput } from '../mechanics/assist/assist-fixture.test-utils.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import type { Actor } from '../mechanics/mechanic.js';
import { createManualClock } from '../primitives/clock.js';
import { sequentialIds } from '../primitives/ids.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import { scopedId } from './apply-events.js';
import { createEngine } from './create-engine.js';
import type { RiskCheck } from './risk.js';
import type { Effect, EngineOptions } from './types.js';

const MINUTE = 60_000;
const alice = { id: 'alice', deviceId: 'phone-a' };
const bob = { id: 'bob' };

function setup(
  rules: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
  options: Partial<EngineOptions> = {},
) {
  const clock = createManualClock(DURING_CAMPAIGN);
  const store = createMemoryStore();
  const effects: Effect[] = [];
  const campaign = defineCampaign(bargainCampaignInput(rules, extra));
  const engine = createEngine({
    campaigns: [campaign],
    store,
    clock,
    random: seededRandom(42),
    ids: sequentialIds('id'),
    onEffect: (e) => {
      effects.push(e);
    },
    ...options,
  });
  return { engine, clock, store, effects, campaign };
}

async function started(engine: ReturnType<typeof setup>['engine'], actor: Actor = alice) {
  const result = await engine.start('spring-bargain', { actor });
  if (result.status !== 'accepted') throw new Error(`start rejected: ${result.reason}`);
  return result.instanceId;
}

const help = (n: number) => ({ type: 'bargain.help', eventId: `help-${n}` }) as const;

describe('engine: start', () => {
  it('rejects starts outside the schedule', async () => {
    const { engine, clock, campaign } = setup();
    clock.set(campaign.schedule.startsAt - 1);
    expect(await engine.start(campaign.id, { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'campaign-not-started',
    });
    clock.set(campaign.schedule.endsAt);
    expect(await engine.start(campaign.id, { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'campaign-ended',
    });
  });

  it('limits launches per user and is idempotent for a given instance id', async () => {
    const { engine } = setup({ launchesPerUser: 1 });
    const first = await engine.start('spring-bargain', { actor: alice, instanceId: 'mine' });
    const retry = await engine.start('spring-bargain', { actor: alice, instanceId: 'mine' });
    expect(first).toMatchObject({ status: 'accepted', duplicate: false });
    expect(retry).toMatchObject({ status: 'accepted', duplicate: true, instanceId: 'mine' });
    expect(await engine.start('spring-bargain', { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'launch-limit',
    });
    await expect(engine.start('spring-bargain', { actor: bob, instanceId: 'mine' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('caps the time limit at the campaign end', async () => {
    const { engine, clock, campaign } = setup({ timeLimitMinutes: 7 * 24 * 60 });
    clock.set(campaign.schedule.endsAt - 10 * MINUTE);
    const id = await started(engine);
    const view = (await engine.view(id, alice)) as BargainView;
    expect(view.deadline).toEqual({ kind: 'expire', at: campaign.schedule.endsAt });
  });

  it('makes the self cut at launch without counting it as a friend', async () => {
    const { engine } = setup({ selfCut: true });
    const view = (await engine.view(await started(engine), alice)) as BargainView;
    expect(view.selfCut).toBeGreaterThan(0);
    expect(view.price.cut).toBe(view.selfCut);
    expect(view.helps).toEqual({ count: 0, toFloor: 5, left: 5 });
  });
});

describe('engine: send', () => {
  it('applies a help once, answers a retry as a duplicate, and refuses a second help by the same friend', async () => {
    const { engine } = setup();
    const id = await started(engine);
    const first = await engine.send(id, help(1), { actor: bob });
    const retry = await engine.send(id, help(1), { actor: bob });
    const again = await engine.send(id, help(2), { actor: bob });
    expect(first).toMatchObject({ status: 'accepted', duplicate: false });
    expect(retry).toMatchObject({ status: 'accepted', duplicate: true });
    expect(again).toMatchObject({ status: 'rejected', reason: 'already-helped' });
    const view = (await engine.view(id, bob)) as BargainView;
    expect(view.helps.count).toBe(1);
    expect(view.role).toBe('helper');
    expect(view.can.help).toEqual({ allowed: false, reason: 'already-helped' });
  });

  it('rejects self-help and help from the initiator device, and records the blocked attempt', async () => {
    const { engine, effects } = setup();
    const id = await started(engine);
    expect(await engine.send(id, help(1), { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'self-help',
    });
    expect(
      await engine.send(id, help(2), { actor: { id: 'sock-puppet', deviceId: 'phone-a' } }),
    ).toMatchObject({
      status: 'rejected',
      reason: 'self-help',
    });
    const recorded = (await engine.readEffects(null)).map((e) => e.effect.type);
    expect(recorded.filter((t) => t === 'risk.blocked')).toHaveLength(2);
    expect(effects.filter((e) => e.type === 'risk.blocked')).toHaveLength(2);
  });

  it('enforces new-users-only and the daily cap from the campaign policy', async () => {
    const { engine, clock } = setup({}, { antiAbuse: { newUsersOnly: true, maxActionsPerActorPerDay: 1 } });
    const a = await started(engine, { id: 'a1', deviceId: 'd1' });
    const b = await started(engine, { id: 'a2', deviceId: 'd2' });
    expect(await engine.send(a, help(1), { actor: { id: 'old-friend' } })).toMatchObject({
      reason: 'new-users-only',
    });
    const newbie = { id: 'newbie', newUser: true };
    expect(await engine.send(a, help(2), { actor: newbie })).toMatchObject({ status: 'accepted' });
    expect(await engine.send(b, help(3), { actor: newbie })).toMatchObject({
      status: 'rejected',
      reason: 'quota-exhausted',
    });
    clock.advance(24 * 60 * MINUTE);
    const c = await started(engine, { id: 'a3' });
    expect(await engine.send(c, help(4), { actor: newbie })).toMatchObject({ status: 'accepted' });
  });

  it('runs custom risk checks: review applies the event and writes a risk.review effect', async () => {
    const flagNight: RiskCheck = {
      name: 'night-owl',
      check: () => ({ outcome: 'review', detail: 'helped at 3am' }),
    };
    const { engine } = setup({}, {}, { risk: [flagNight] });
    const id = await started(engine);
    const result = await engine.send(id, help(1), { actor: bob });
    expect(result).toMatchObject({ status: 'accepted', review: ['night-owl: helped at 3am'] });
    expect(result.status === 'accepted' && result.effects.map((e) => e.type)).toEqual(['risk.review']);
  });

  it('throws clear errors for invalid commands, actors and unknown instances', async () => {
    const { engine } = setup();
    const id = await started(engine);
    const cases: [Promise<unknown>, string, RegExp][] = [
      [
        engine.send(id, { type: 'bargain.steal' }, { actor: bob }),
        'invalid-event',
        /type must be one of bargain.help/,
      ],
      [engine.send(id, { type: 'bargain.purchase' }, { actor: alice }), 'invalid-event', /orderId/],
      [engine.send(id, { type: 'bargain.help', eventId: 'a b' }, { actor: bob }), 'invalid-event', /A–Z/],
      [
        engine.send(id, { type: 'bargain.help' }, { actor: { id: '@timer' } }),
        'invalid-argument',
        /reserved/,
      ],
      [engine.send('nope', { type: 'bargain.help' }, { actor: bob }), 'unknown-instance', /nope/],
      [engine.start('nope', { actor: bob }), 'unknown-campaign', /spring-bargain/],
      [engine.start('spring-bargain', { actor: bob, instanceId: 'a\nb' }), 'invalid-argument', /instanceId/],
    ];
    // Every answer caught at once: awaited one by one, a later rejection would go unhandled meanwhile.
    const errors = cases.map(([promise]) =>
      promise.then(
        () => null,
        (e: unknown) => e,
      ),
    );
    for (const [i, [, code, message]] of cases.entries()) {
      const error = await errors[i];
      expect(isLiebianError(error, code as never), String(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('engine: purchase, stock and budget', () => {
  async function atFloor(ctx: ReturnType<typeof setup>) {
    const id = await started(ctx.engine);
    for (let n = 1; n <= 5; n++) await ctx.engine.send(id, help(n), { actor: { id: `f${n}` } });
    return id;
  }

  it('reserves the unit at the launch: sells at the floor, and refuses a launch past the stock with sold-out', async () => {
    const ctx = setup({ launchesPerUser: 5 }, { stock: { total: 1 } });
    const first = await atFloor(ctx);
    // The launch reserves the only unit: a second bargain is refused before anyone is asked to help.
    expect(await ctx.engine.start('spring-bargain', { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'sold-out',
    });
    const buy = (id: string) =>
      ctx.engine.send(
        id,
        { type: 'bargain.purchase', orderId: `o-${id}`, eventId: `buy-${id}` },
        { actor: alice },
      );
    expect(await buy(first)).toMatchObject({ status: 'accepted', view: { state: 'purchased' } });
    const purchased = ctx.effects.find((e) => e.type === 'bargain.purchased');
    expect(purchased?.payload).toEqual({
      rewardId: 'tea-set',
      orderId: `o-${first}`,
      price: 990,
      subsidy: 18910,
    });
  });

  it('reserves the subsidy at the launch: refuses a launch past the budget, and the purchase takes no more', async () => {
    const ctx = setup({ launchesPerUser: 5 }, { budget: { totalFen: 20_000 }, stock: { total: 5 } });
    const first = await atFloor(ctx);
    expect(await ctx.engine.start('spring-bargain', { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'budget-exhausted',
    });
    expect(
      await ctx.engine.send(
        first,
        { type: 'bargain.purchase', orderId: 'o', eventId: 'buy' },
        { actor: alice },
      ),
    ).toMatchObject({ status: 'accepted' });
    // The purchase consumed the reserved unit and subsidy; the refused launch took nothing.
    expect(
      await ctx.store.reserve({ counter: 'spring-bargain:stock', holder: 'probe', qty: 4, capacity: 5 }),
    ).toMatchObject({ ok: true, remaining: 0 });
    expect(
      await ctx.store.reserve({
        counter: 'spring-bargain:budget',
        holder: 'probe',
        qty: 1_090,
        capacity: 20_000,
      }),
    ).toMatchObject({ ok: true, remaining: 0 });
  });

  it('refuses a purchase by anyone but the initiator, and before the floor', async () => {
    const ctx = setup();
    const id = await started(ctx.engine);
    const buy = (actor: { id: string }) =>
      ctx.engine.send(id, { type: 'bargain.purchase', orderId: 'o' }, { actor });
    expect(await buy(bob)).toMatchObject({ status: 'rejected', reason: 'not-initiator' });
    expect(await buy(alice)).toMatchObject({ status: 'rejected', reason: 'not-purchasable' });
  });
});

describe('engine: deadlines', () => {
  it('expires through tick, once, with a durable timer', async () => {
    const ctx = setup({ timeLimitMinutes: 60 });
    const id = await started(ctx.engine);
    ctx.clock.advance(59 * MINUTE);
    expect(await ctx.engine.tick()).toBe(0);
    ctx.clock.advance(MINUTE);
    expect(await ctx.engine.tick()).toBe(1);
    expect(await ctx.engine.tick()).toBe(0);
    expect(((await ctx.engine.view(id, alice)) as BargainView).state).toBe('expired');
    expect(ctx.effects.filter((e) => e.type === 'bargain.expired')).toHaveLength(1);
  });

  it('applies a passed deadline before any later event, even without tick', async () => {
    const ctx = setup({ timeLimitMinutes: 60 });
    const id = await started(ctx.engine);
    ctx.clock.advance(61 * MINUTE);
    expect(((await ctx.engine.view(id, bob)) as BargainView).state).toBe('expired');
    expect(await ctx.engine.send(id, help(1), { actor: bob })).toMatchObject({
      status: 'rejected',
      reason: 'instance-ended',
    });
    expect(ctx.effects.filter((e) => e.type === 'bargain.expired')).toHaveLength(1);
    // The same commit removed the timer, so nothing is left to fire.
    expect(await ctx.engine.tick()).toBe(0);
    expect(ctx.effects.filter((e) => e.type === 'bargain.expired')).toHaveLength(1);
  });

  it('opens a pay window at the floor and lapses it to unpaid', async () => {
    const ctx = setup({ payWindowMinutes: 15 });
    const id = await started(ctx.engine);
    for (let n = 1; n <= 5; n++) await ctx.engine.send(id, help(n), { actor: { id: `f${n}` } });
    const view = (await ctx.engine.view(id, alice)) as BargainView;
    expect(view).toMatchObject({
      state: 'purchasable',
      deadline: { kind: 'pay-by', at: DURING_CAMPAIGN + 15 * MINUTE },
    });
    ctx.clock.advance(15 * MINUTE);
    await ctx.engine.tick();
    expect(((await ctx.engine.view(id, alice)) as BargainView).state).toBe('unpaid');
  });

  it('lets purchasableAt=any buy at the reached price after time runs out', async () => {
    const ctx = setup({ purchasableAt: 'any', timeLimitMinutes: 60 });
    const id = await started(ctx.engine);
    await ctx.engine.send(id, help(1), { actor: bob });
    ctx.clock.advance(60 * MINUTE);
    await ctx.engine.tick();
    const view = (await ctx.engine.view(id, alice)) as BargainView;
    expect(view.state).toBe('purchasable');
    expect(view.can.purchase).toEqual({ allowed: true });
    expect(view.can.help).toEqual({ allowed: false, reason: 'instance-ended' });
  });
});

describe('engine: effects', () => {
  it('writes every effect to the outbox with a stable dedupe key, readable from a cursor', async () => {
    const ctx = setup();
    const id = await started(ctx.engine);
    for (let n = 1; n <= 5; n++) await ctx.engine.send(id, help(n), { actor: { id: `f${n}` } });
    const all = await ctx.engine.readEffects(null);
    expect(all.map((e) => e.effect.type)).toEqual(['bargain.started', 'bargain.purchasable']);
    const rest = await ctx.engine.readEffects(all[0]?.cursor ?? null);
    const fifth = scopedId({ eventId: 'help-5', type: 'bargain.help', actor: { id: 'f5' } });
    expect(rest.map((e) => e.effect.dedupeKey)).toEqual([`${id}:${fifth}:bargain.purchasable:0`]);
    expect(ctx.effects.map((e) => e.dedupeKey)).toEqual(all.map((e) => e.effect.dedupeKey));
  });
});

describe('engine: campaign lifecycle', () => {
  it('goes draft → scheduled → live ⇄ paused → ended, and a pause stops starts and friend actions only', async () => {
    const { engine, clock, campaign } = setup({}, { status: 'draft' });
    expect(engine.phase(campaign.id)).toBe('draft');
    expect(await engine.start(campaign.id, { actor: alice })).toMatchObject({
      status: 'rejected',
      reason: 'campaign-not-started',
    });
    engine.replaceCampaign(bargainCampaignInput({}, { status: 'live' }));
    clock.set(campaign.schedule.startsAt - 1);
    expect(engine.phase(campaign.id)).toBe('scheduled');
    clock.set(DURING_CAMPAIGN);
    expect(engine.phase(campaign.id)).toBe('live');
    const id = await started(engine);
    engine.replaceCampaign(bargainCampaignInput({}, { status: 'paused' }));
    expect(engine.phase(campaign.id)).toBe('paused');
    expect(await engine.start(campaign.id, { actor: bob })).toMatchObject({
      status: 'rejected',
      reason: 'campaign-paused',
    });
    expect(await engine.send(id, help(1), { actor: bob })).toMatchObject({
      status: 'rejected',
      reason: 'campaign-paused',
    });
    expect(await engine.send(id, { type: 'bargain.cancel' }, { actor: alice })).toMatchObject({
      status: 'accepted',
    });
    engine.replaceCampaign(bargainCampaignInput({}, { status: 'live' }));
    clock.set(campaign.schedule.endsAt);
    expect(engine.phase(campaign.id)).toBe('ended');
    expect(() => engine.replaceCampaign(assistCampaignInput({}, { id: campaign.id }))).toThrow(
      /cannot change its kind/,
    );
  });

  it('keeps the rules an instance started with when the campaign is replaced', async () => {
    const { engine } = setup({ floorPrice: 990 });
    const id = await started(engine);
    engine.replaceCampaign(bargainCampaignInput({ floorPrice: 500 }));
    for (let n = 1; n <= 5; n++) await engine.send(id, help(n), { actor: { id: `f${n}` } });
    expect(((await engine.view(id, alice)) as BargainView).price.current).toBe(990);
  });
});

describe('engine options', () => {
  it.each([
    ['commitLanes', 0],
    ['commitGroupSize', 1.5],
    ['maxBatch', Number.NaN],
    ['cacheSize', -1],
  ])('refuses %s = %s, naming the option', (name, value) => {
    expect(() => createEngine({ campaigns: [], [name]: value })).toThrow(
      expect.objectContaining({
        code: 'invalid-argument',
        message: expect.stringContaining(`${name} = ${value}`),
      }),
    );
  });
});

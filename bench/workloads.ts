/**
 * The campaign workloads, each run on the engine (public API only: createEngine, start, send, tick, view,
 * readEffects) and on a hand-written baseline, with the same plan, producers and correctness checks.
 */
import {
  type AnyCampaign,
  type BargainView,
  createEngine,
  defineCampaign,
  type Engine,
  type Store,
} from '@liebian/core';
import { createManualClock, seededRandom } from '@liebian/core/testing';
import type { BargainTerms, Baseline } from './baselines/baseline.js';
import { producers, type Run, seeded, timed } from './measure.js';

/** 2026-12-02 10:00 Beijing time, inside every bench campaign's schedule. */
export const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const LIMIT_MINUTES = 1_440;
/** After every bargain's deadline, before the campaign ends. */
export const AFTER_DEADLINES = NOW + LIMIT_MINUTES * 60_000 + 60_000;

const common = (id: string, kind: string, rewards: unknown[]) => ({
  id,
  kind,
  name: '基准活动',
  channel: 'wechat-h5',
  schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
  rewards,
  page: { hook: { title: '基准' }, cta: { headline: '基准' } },
  disclosure: { organizer: { name: '基准', contact: '400-800-1234' } },
});

/** A bargain: uniform cuts of 1–1,000 分, the floor (0) reached exactly at the `helpersToFloor`-th friend. */
export function bargainCampaign(id: string, helpersToFloor: number): AnyCampaign {
  return defineCampaign({
    ...common(id, 'bargain', [{ id: 'tea-set', name: '茶具', kind: 'product', valueFen: 19_900 }]),
    rules: {
      rewardId: 'tea-set',
      originalPrice: helpersToFloor * 500,
      floorPrice: 0,
      helpersToFloor,
      cut: { strategy: 'uniform', min: 1, max: 1_000 },
      timeLimitMinutes: LIMIT_MINUTES,
    },
  });
}

export const termsOf = (helpersToFloor: number): BargainTerms => ({
  price: helpersToFloor * 500,
  floor: 0,
  helpersToFloor,
  min: 1,
  max: 1_000,
  limitMs: LIMIT_MINUTES * 60_000,
});

/** Coupon shares on a shared stock, one coupon per user in the campaign. */
export function couponCampaign(id: string, stock: number, perShare: number): AnyCampaign {
  return defineCampaign({
    ...common(id, 'coupon', [{ id: 'coupons', name: '优惠券', kind: 'coupon' }]),
    stock: { total: stock },
    rules: {
      mode: 'share',
      coupon: { discountFen: 500, thresholdFen: 3_000, validity: { days: 7 } },
      friendsPerShare: perShare,
      sharerCouponsPerShare: 0,
      perUserLimit: 1,
      timeLimitMinutes: LIMIT_MINUTES,
    },
  });
}

export function newEngine(campaign: AnyCampaign, store: Store): Engine {
  return createEngine({
    campaigns: [campaign],
    store,
    clock: createManualClock(NOW),
    random: seededRandom(7),
  });
}

/** Helps planned for `instances` bargains: 1…maxHelps each, in a seeded random order across instances. */
export interface HelpPlan {
  readonly instances: number;
  readonly helpsOf: Uint8Array;
  /** Event n helps instance `instanceOf[n]` as its `ordinalOf[n]`-th friend. */
  readonly instanceOf: Int32Array;
  readonly ordinalOf: Uint8Array;
}

export function helpPlan(instances: number, maxHelps: number, seed = 1): HelpPlan {
  const random = seeded(seed);
  const helpsOf = new Uint8Array(instances);
  let total = 0;
  for (let i = 0; i < instances; i++) {
    helpsOf[i] = maxHelps === 1 ? 1 : 1 + Math.floor(random() * maxHelps);
    total += helpsOf[i] as number;
  }
  const instanceOf = new Int32Array(total);
  const ordinalOf = new Uint8Array(total);
  let n = 0;
  for (let i = 0; i < instances; i++)
    for (let k = 0; k < (helpsOf[i] as number); k++) {
      instanceOf[n] = i;
      ordinalOf[n++] = k;
    }
  // Fisher–Yates over the pairs, keeping each instance's friends in order is not needed: every friend is distinct.
  for (let j = total - 1; j > 0; j--) {
    const r = Math.floor(random() * (j + 1));
    const [a, b] = [instanceOf[j] as number, ordinalOf[j] as number];
    instanceOf[j] = instanceOf[r] as number;
    ordinalOf[j] = ordinalOf[r] as number;
    instanceOf[r] = a;
    ordinalOf[r] = b;
  }
  return { instances, helpsOf, instanceOf, ordinalOf };
}

/** A one-instance plan: `helps` friends on one hot bargain. */
export function hotPlan(helps: number): HelpPlan {
  return {
    instances: 1,
    helpsOf: Uint8Array.of(0),
    instanceOf: new Int32Array(helps),
    ordinalOf: new Uint8Array(helps),
  };
}

export const instanceId = (i: number) => `b${i}`;
const initiator = (i: number) => `u${i}`;
const eventOf = (plan: HelpPlan, n: number) => {
  const i = plan.instanceOf[n] as number;
  const k = plan.instances === 1 ? n : (plan.ordinalOf[n] as number);
  return { i, helper: `f${i}_${k}`, eventId: `h${i}_${k}` };
};
const helpsPlanned = (plan: HelpPlan, i: number) =>
  plan.instances === 1 ? plan.instanceOf.length : (plan.helpsOf[i] as number);

/** Runs `op` over 0…n-1, `width` at a time (untimed set-up and checks). */
async function each(n: number, width: number, op: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) await op(next++);
    }),
  );
}

function fail(what: string, detail: unknown): never {
  throw new Error(`correctness check failed: ${what}: ${JSON.stringify(detail)}`);
}

/** What the floor rule demands after `helps` of `planned` helps: at the floor exactly when all came, above it before. */
function checkBargain(
  who: string,
  id: string,
  got: { helps: number; price: number },
  planned: number,
  helpersToFloor: number,
) {
  if (got.helps !== planned) fail(`${who} ${id} helps`, { got: got.helps, planned });
  const atFloor = got.price === 0;
  if (atFloor !== (planned === helpersToFloor) || got.price < 0) fail(`${who} ${id} price`, got);
}

/**
 * The engine applying a help plan: the instances are started (untimed), then `width` producers send every help,
 * every 10th retried with its event id once answered (it must come back a duplicate). Checked afterwards from the
 * store: each instance holds exactly its planned helps, at the floor exactly when all of its friends came.
 */
export async function engineHelps(
  store: Store,
  plan: HelpPlan,
  width: number,
  helpersToFloor: number,
): Promise<Run> {
  const campaign = bargainCampaign(`bargain-${plan.instances}`, helpersToFloor);
  const engine = newEngine(campaign, store);
  await each(plan.instances, 64, async (i) => {
    const r = await engine.start(campaign.id, { actor: { id: initiator(i) }, instanceId: instanceId(i) });
    if (r.status !== 'accepted') fail('engine start', r);
  });
  const run = await producers(width, plan.instanceOf.length, async (n) => {
    const { i, helper, eventId } = eventOf(plan, n);
    const start = performance.now();
    const command = { type: 'bargain.help' as const, eventId };
    const r = await engine.send(instanceId(i), command, { actor: { id: helper } });
    const latency = performance.now() - start;
    if (r.status !== 'accepted' || r.duplicate) fail(`engine help ${eventId}`, r);
    if (n % 10 === 0) {
      const again = await engine.send(instanceId(i), command, { actor: { id: helper } });
      if (again.status !== 'accepted' || !again.duplicate)
        fail(`engine retry ${eventId} applied twice`, again);
    }
    return latency;
  });
  await each(plan.instances, 64, async (i) => {
    const view = (await engine.view(instanceId(i), { id: initiator(i) })) as BargainView;
    checkBargain(
      'engine',
      instanceId(i),
      { helps: view.helps.count, price: view.price.current },
      helpsPlanned(plan, i),
      helpersToFloor,
    );
  });
  await engine.dispose();
  return run;
}

/** The same plan, producers and checks on a hand-written baseline. */
export async function baselineHelps(
  b: Baseline,
  plan: HelpPlan,
  width: number,
  helpersToFloor: number,
): Promise<Run> {
  const campaign = `bargain-${plan.instances}`;
  const terms = termsOf(helpersToFloor);
  await each(plan.instances, 64, async (i) => {
    const r = await b.start(campaign, instanceId(i), initiator(i), NOW, terms);
    if (r !== 'applied') fail('baseline start', r);
  });
  const run = await producers(width, plan.instanceOf.length, async (n) => {
    const { i, helper, eventId } = eventOf(plan, n);
    const start = performance.now();
    const r = await b.help(campaign, instanceId(i), helper, eventId, NOW, terms);
    const latency = performance.now() - start;
    if (r !== 'applied') fail(`baseline help ${eventId}`, r);
    if (n % 10 === 0) {
      const again = await b.help(campaign, instanceId(i), helper, eventId, NOW, terms);
      if (again !== 'duplicate') fail(`baseline retry ${eventId} applied twice`, again);
    }
    return latency;
  });
  const ids = Array.from({ length: plan.instances }, (_, i) => instanceId(i));
  for (let from = 0; from < ids.length; from += 1_000) {
    const rows = await b.read(campaign, ids.slice(from, from + 1_000));
    rows.forEach((row, j) => {
      if (!row) fail('baseline instance missing', ids[from + j]);
      checkBargain('baseline', ids[from + j] as string, row, helpsPlanned(plan, from + j), helpersToFloor);
    });
  }
  return run;
}

/** Claim n: 90% of claims are distinct users; the rest are those users again, on another share (must be refused). */
function claimOf(claims: number, shares: number, n: number) {
  const firsts = Math.floor(claims * 0.9);
  const repeat = n >= firsts;
  const user = repeat ? n - firsts : n;
  return {
    user: `c${user}`,
    share: `s${(n + (repeat ? 1 : 0)) % shares}`,
    eventId: `claim${n}`,
    distinct: firsts,
  };
}

export const sharesFor = (claims: number) => Math.max(1, Math.ceil(claims / 50));
export const PER_SHARE = 100;

/** Coupons issued per user, checked afterwards: exactly min(stock, distinct users), nobody twice. */
function issuedCoupons(claims: number, stock: number) {
  const perUser = new Map<string, number>();
  let issued = 0;
  return {
    add(user: string) {
      issued++;
      perUser.set(user, (perUser.get(user) ?? 0) + 1);
    },
    check(who: string, left: number | null) {
      for (const [user, count] of perUser) if (count > 1) fail(`${who}: ${user} holds ${count} coupons`, {});
      const expected = Math.min(stock, claimOf(claims, 1, 0).distinct);
      if (issued !== expected) fail(`${who}: stock over- or under-issued`, { issued, expected, stock });
      if (left !== null && left !== stock - issued) fail(`${who}: stock left`, { left, issued, stock });
    },
  };
}

/**
 * Coupon claims on shared stock: `claims` claims over shares of 100 friends, one coupon per user, `stock` coupons in
 * all; every 10th claim retried with its event id. Checked: exactly min(stock, distinct users) issued, no user twice.
 */
export async function engineClaims(store: Store, claims: number, stock: number, width: number): Promise<Run> {
  const shares = sharesFor(claims);
  const campaign = couponCampaign('coupons', stock, PER_SHARE);
  const engine = newEngine(campaign, store);
  await each(shares, 64, async (s) => {
    const r = await engine.start(campaign.id, { actor: { id: `sharer${s}` }, instanceId: `s${s}` });
    if (r.status !== 'accepted') fail('engine share start', r);
  });
  const coupons = issuedCoupons(claims, stock);
  const run = await producers(width, claims, async (n) => {
    const c = claimOf(claims, shares, n);
    const start = performance.now();
    const command = { type: 'coupon.claim' as const, eventId: c.eventId };
    const r = await engine.send(c.share, command, { actor: { id: c.user } });
    const latency = performance.now() - start;
    const applied = r.status === 'accepted' && !r.duplicate;
    if (r.status === 'accepted' && r.duplicate) fail(`engine claim ${c.eventId} answered duplicate`, r);
    if (applied) coupons.add(c.user);
    if (n % 10 === 0) {
      const again = await engine.send(c.share, command, { actor: { id: c.user } });
      const ok = applied ? again.status === 'accepted' && again.duplicate : again.status === 'rejected';
      if (!ok) fail(`engine claim retry ${c.eventId}`, again);
    }
    return latency;
  });
  await engine.dispose();
  coupons.check('engine', null);
  return run;
}

export async function baselineClaims(
  b: Baseline,
  claims: number,
  stock: number,
  width: number,
): Promise<Run> {
  const shares = sharesFor(claims);
  await b.openStock(
    'coupons',
    stock,
    Array.from({ length: shares }, (_, s) => `s${s}`),
    PER_SHARE,
  );
  const coupons = issuedCoupons(claims, stock);
  const run = await producers(width, claims, async (n) => {
    const c = claimOf(claims, shares, n);
    const start = performance.now();
    const r = await b.claim('coupons', c.share, c.user, c.eventId);
    const latency = performance.now() - start;
    if (r === 'duplicate') fail(`baseline claim ${c.eventId} answered duplicate`, r);
    if (r === 'applied') coupons.add(c.user);
    if (n % 10 === 0) {
      const again = await b.claim('coupons', c.share, c.user, c.eventId);
      if (again !== (r === 'applied' ? 'duplicate' : 'rejected'))
        fail(`baseline claim retry ${c.eventId}`, again);
    }
    return latency;
  });
  coupons.check('baseline', await b.stockLeft('coupons'));
  return run;
}

/**
 * Starts: `count` initiators each launch one bargain with `width` producers; every 10th initiator then tries a second
 * launch with another instance id, which must be refused (one launch per user).
 */
export async function engineStarts(store: Store, count: number, width: number): Promise<Run> {
  const campaign = bargainCampaign('starts', 10);
  const engine = newEngine(campaign, store);
  const run = await producers(width, count, async (i) => {
    const start = performance.now();
    const r = await engine.start(campaign.id, { actor: { id: initiator(i) }, instanceId: instanceId(i) });
    const latency = performance.now() - start;
    if (r.status !== 'accepted' || r.duplicate) fail(`engine start ${i}`, r);
    if (i % 10 === 0) {
      const second = await engine.start(campaign.id, {
        actor: { id: initiator(i) },
        instanceId: `again${i}`,
      });
      if (second.status !== 'rejected') fail(`engine second launch ${i} accepted`, second);
    }
    return latency;
  });
  await engine.dispose();
  return run;
}

export async function baselineStarts(b: Baseline, count: number, width: number): Promise<Run> {
  const terms = termsOf(10);
  return producers(width, count, async (i) => {
    const start = performance.now();
    const r = await b.start('starts', instanceId(i), initiator(i), NOW, terms);
    const latency = performance.now() - start;
    if (r !== 'applied') fail(`baseline start ${i}`, r);
    if (i % 10 === 0) {
      const second = await b.start('starts', `again${i}`, initiator(i), NOW, terms);
      if (second !== 'rejected') fail(`baseline second launch ${i} accepted`, second);
    }
    return latency;
  });
}

/**
 * Deadlines due at once: `count` bargains started (untimed), none helped, then the clock passes every deadline and
 * `engine.tick()` is called until it returns 0. Checked: tick handled each exactly once (a second drain finds none)
 * and the outbox holds exactly one `bargain.expired` effect per instance.
 */
export async function engineDeadlines(store: Store, count: number): Promise<Run> {
  const campaign = bargainCampaign('deadlines', 10);
  const engine = newEngine(campaign, store);
  await each(count, 64, async (i) => {
    const r = await engine.start(campaign.id, { actor: { id: initiator(i) }, instanceId: instanceId(i) });
    if (r.status !== 'accepted') fail('engine start', r);
  });
  let handled = 0;
  const run = await timed(count, async () => {
    for (let n = await engine.tick(AFTER_DEADLINES); n > 0; n = await engine.tick(AFTER_DEADLINES))
      handled += n;
  });
  if (handled !== count) fail('engine deadlines handled', { handled, count });
  if ((await engine.tick(AFTER_DEADLINES)) !== 0) fail('engine deadline fired twice', {});
  const expired = new Map<string, number>();
  let cursor: string | null = null;
  for (;;) {
    const page = await engine.readEffects(cursor, 1_000);
    if (page.length === 0) break;
    for (const { effect } of page)
      if (effect.type === 'bargain.expired')
        expired.set(effect.instanceId, (expired.get(effect.instanceId) ?? 0) + 1);
    cursor = (page[page.length - 1] as { cursor: string }).cursor;
  }
  if (expired.size !== count || [...expired.values()].some((n) => n !== 1))
    fail('engine expired effects', { instances: expired.size, count });
  await engine.dispose();
  return run;
}

/** The sweeper: batches of 500 (the engine's tick claims 500 timers at a time) until none is due. */
export async function baselineDeadlines(b: Baseline, count: number): Promise<Run> {
  const terms = termsOf(10);
  await each(count, 64, async (i) => {
    const r = await b.start('deadlines', instanceId(i), initiator(i), NOW, terms);
    if (r !== 'applied') fail('baseline start', r);
  });
  let handled = 0;
  const run = await timed(count, async () => {
    for (
      let n = await b.sweep('deadlines', AFTER_DEADLINES, 500);
      n > 0;
      n = await b.sweep('deadlines', AFTER_DEADLINES, 500)
    )
      handled += n;
  });
  if (handled !== count) fail('baseline deadlines handled', { handled, count });
  if ((await b.sweep('deadlines', AFTER_DEADLINES, 500)) !== 0) fail('baseline deadline fired twice', {});
  const ids = Array.from({ length: count }, (_, i) => instanceId(i));
  for (let from = 0; from < ids.length; from += 1_000)
    for (const row of await b.read('deadlines', ids.slice(from, from + 1_000)))
      if (row?.state !== 'expired') fail('baseline bargain not expired', row);
  return run;
}

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import {
  createConsumer,
  createEngine,
  createMemoryStore,
  defineCampaign,
  type Engine,
  type RiskCheck,
  type Store,
} from '@liebian/core';
import { type Analytics, createAnalytics } from '@liebian/core/analytics';
import { handleNode } from '@liebian/core/node';
import type { RecordStore } from '@liebian/core/store';
import { createManualClock, type ManualClock } from '@liebian/core/testing';
import type { Browser, Page } from 'playwright-core';
import { listenLocally } from '../node/chromium.test-utils.js';
import { createConsole, type OperatorConsole } from './create-console.js';

const sample = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../examples/campaigns/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

/** 2026-12-02 10:00 Beijing time: inside every sample campaign's schedule. */
export const NOW = Date.parse('2026-12-02T10:00:00+08:00');
export const SECRET = 'console-test-secret-0123456789abcdef';
/** Who may do what in the tests: the integrator's `authorize`. */
export const ROLES = { ada: 'admin', olga: 'operator', vic: 'viewer' } as const;
const OPS = { id: 'ops', operator: true };

/** Holds every friend action of an actor whose id starts with "suspect". */
const holdSuspects: RiskCheck = {
  name: 'watch-list',
  check: ({ event, friendAction }) =>
    friendAction && event.actor.id.startsWith('suspect')
      ? { outcome: 'hold', detail: `${event.actor.id} is on the watch list` }
      : { outcome: 'allow' },
};

export interface ConsoleWorld {
  readonly engine: Engine;
  /** The store under the engine (unwrapped). */
  readonly store: Store & RecordStore;
  readonly ops: OperatorConsole;
  /** The analytics the console's campaign pages show (its consumer drained at the start). */
  readonly analytics: Analytics;
  /** The engine's and the console's clock (it stands still unless a test advances it). */
  readonly clock: ManualClock;
  readonly origin: string;
  readonly server: Server;
  readonly bargainId: string;
  readonly boardId: string;
  readonly linkId: string;
  /** The id of the held event sent with `eventId` (ids are `<instance>/<scoped id>`). */
  heldId(eventId: string): Promise<string>;
  /** Makes the rewards consumer's handler fail (true) or succeed (false). */
  failing: boolean;
  close(): Promise<void>;
}

/**
 * A running console over an engine with real activity: three held helps on a bargain, a leaderboard frozen for
 * approval with a flagged member, a referral with two pending rewards, and a rewards consumer whose dead letters wait.
 * The operator signs in with the `op` cookie (ada admin, olga operator, vic viewer).
 */
export async function startConsoleWorld(
  options: { wrap?: <S extends object>(store: S) => S; pageSize?: number } = {},
): Promise<ConsoleWorld> {
  const clock = createManualClock(NOW);
  const raw = createMemoryStore();
  const store = options.wrap ? options.wrap(raw) : raw;
  const bargain = defineCampaign(sample('bargain'));
  const referral = defineCampaign(sample('referral'));
  const board = defineCampaign({
    ...sample('leaderboard'),
    id: 'steps-board',
    name: '每日步数榜',
    rules: {
      format: 'board',
      metric: { name: '步数', unit: '步', maxPointsPerEvent: 20000 },
      window: { type: 'rolling', minutes: 60 },
      prizes: [{ fromRank: 1, toRank: 1, rewardId: 'coupon-20' }],
      approval: 'operator',
      publicationHours: 2,
    },
  });
  const draft = defineCampaign({ ...sample('assist'), id: 'spring-assist', status: 'draft' });
  const campaigns = [bargain, referral, board, draft];
  const engine = createEngine({ campaigns, store, clock, risk: [holdSuspects], recordEvents: true });
  const analytics = createAnalytics({ store, campaigns, clock });
  const world = { failing: true } as ConsoleWorld & { failing: boolean };
  const rewards = createConsumer({
    store,
    name: 'rewards',
    clock,
    maxAttempts: 1,
    handler: (effect) => {
      if (
        world.failing &&
        (effect.type === 'referral.reward-approved' || effect.type === 'leaderboard.frozen')
      )
        throw new Error(`${effect.type}: the coupon service answered 503 Service Unavailable`);
    },
  });

  const launched = await engine.start(bargain.id, { actor: { id: 'alice' } });
  if (launched.status !== 'accepted') throw new Error(`bargain launch: ${launched.reason}`);
  for (const friend of ['suspect-1', 'suspect-2', 'suspect-3'])
    await engine.send(
      launched.instanceId,
      { type: 'bargain.help', eventId: `help-${friend}` },
      { actor: { id: friend } },
    );

  const season = await engine.start(board.id, { actor: OPS });
  if (season.status !== 'accepted') throw new Error(`board launch: ${season.reason}`);
  const scores: [string, number][] = [
    ['lin', 12000],
    ['mei', 18000],
    ['zhou', 19990],
    ['wu', 9000],
  ];
  for (const [member, points] of scores)
    await engine.send(
      season.instanceId,
      { type: 'leaderboard.score', member, points, eventId: `s-${member}` },
      { actor: OPS },
    );
  await engine.send(
    season.instanceId,
    { type: 'leaderboard.flag', member: 'zhou', note: '步数来自模拟器' },
    { actor: OPS },
  );

  const link = await engine.start(referral.id, { actor: { id: 'rita' } });
  if (link.status !== 'accepted') throw new Error(`referral launch: ${link.reason}`);
  for (const [i, friend] of ['fay', 'gus'].entries()) {
    await engine.send(
      link.instanceId,
      { type: 'referral.accept', eventId: `acc-${friend}` },
      { actor: { id: friend, newUser: true } },
    );
    await engine.send(
      link.instanceId,
      { type: 'referral.convert', referee: friend, eventId: `order-${i + 1}` },
      { actor: OPS },
    );
  }

  clock.advance(61 * 60 * 1000);
  await engine.tick();
  const ops = createConsole(engine, {
    store,
    clock,
    secret: SECRET,
    consumers: [rewards],
    analytics,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    authenticate: (request) => {
      const id = /(?:^|;\s*)op=([a-z]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      return id ? { id } : null;
    },
    authorize: (operator) => ROLES[operator.id as keyof typeof ROLES] ?? null,
  });
  await ops.indexer.drain();
  await rewards.drain();
  await analytics.consumer.drain();

  const server = createServer((req, res) => {
    handleNode(ops.handle, req, res).catch(() => res.destroy());
  });
  const origin = await listenLocally(server);
  return Object.assign(world, {
    engine,
    store: raw,
    ops,
    analytics,
    clock,
    origin,
    server,
    bargainId: launched.instanceId,
    boardId: season.instanceId,
    linkId: link.instanceId,
    heldId: async (eventId: string) => {
      const found = (await engine.reviews({ limit: 500 })).find((r) => r.event.eventId === eventId);
      if (!found) throw new Error(`no held event ${eventId}`);
      return found.id;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.dispose();
      await store.dispose();
    },
  });
}

/** A page signed in as `op` (the integrator's session cookie in these tests). */
export async function signedIn(browser: Browser, world: ConsoleWorld, op: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'op', value: op, url: world.origin }]);
  return context.newPage();
}

/** Opens a console path (below the mount) on `page`. */
export const openConsole = (page: Page, world: ConsoleWorld, path: string) =>
  page.goto(`${world.origin}/console${path}`);

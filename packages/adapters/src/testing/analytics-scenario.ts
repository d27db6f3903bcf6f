import type { Command } from '@liebian/core';
import {
  type Actor,
  createEngine,
  defineCampaign,
  type Effect,
  type Engine,
  type SendResult,
  type Store,
} from '@liebian/core';
import type { OutboxItem } from '@liebian/core/store';
import { createManualClock, sequentialIds } from '@liebian/core/testing';
import { check } from './fixtures.js';

const MINUTE = 60_000;
/** 2026-12-02 10:00 in Beijing: day one of the script; day two starts 24 hours later. */
export const SCRIPT_START = Date.parse('2026-12-02T10:00:00+08:00');
export const DAY_ONE = '2026-12-02';
export const DAY_TWO = '2026-12-03';

/** The scripted bargain: ¥199.00 → ¥9.90 in three helps. */
export const scriptCampaign = defineCampaign({
  id: 'analytics-script',
  kind: 'bargain',
  name: '分析脚本砍价',
  channel: 'wechat-h5',
  schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
  rewards: [{ id: 'tea-set', name: '青瓷茶具套装', kind: 'product', valueFen: 19900 }],
  page: { hook: { title: '好友帮砍' }, cta: { headline: '邀请好友一起砍' } },
  disclosure: { organizer: { name: '青山茶业', contact: '400-800-1234' } },
  rules: {
    rewardId: 'tea-set',
    originalPrice: 19900,
    floorPrice: 990,
    helpersToFloor: 3,
    cut: { strategy: 'ratio-of-remaining' },
    timeLimitMinutes: 2880,
  },
});

const who = (id: string, newUser = false): Actor => (newUser ? { id, newUser } : { id });

/** What the script did, as the engine answered it. */
export interface ScriptRun {
  readonly engine: Engine;
  readonly answers: readonly SendResult[];
  /** Every outbox entry the script's commits wrote, in outbox order. */
  readonly outbox: readonly OutboxItem[];
}

/** Every outbox entry, in order. */
export async function readWholeOutbox(store: Store): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await store.readOutbox(cursor, 100);
    if (page.length === 0) return items;
    items.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

/**
 * Drives a scripted bargain over two days with the engine recording events (`recordEvents`):
 *
 * day one — alice (a seed) launches; bob (new, via moments), carol (new, via group) and dave (via moments) help her
 * to the floor; she buys at ¥9.90. bob launches (via moments) and erin (new, via chat) helps him. Also refused or
 * repeated: bob's help sent again with its event id (a duplicate), alice helping herself (self-help), bob helping
 * alice a second time (already-helped).
 *
 * day two — erin launches (via chat) and frank (new, via poster) helps her; carol helps bob (via group: not her
 * first instance, so bob did not bring her); zoe (a seed) launches and nobody helps.
 */
export async function runScript(store: Store): Promise<ScriptRun> {
  const clock = createManualClock(SCRIPT_START);
  const engine = createEngine({
    campaigns: [scriptCampaign],
    store,
    clock,
    ids: sequentialIds('script'),
    recordEvents: true,
  });
  const answers: SendResult[] = [];
  const launch = async (instanceId: string, actor: Actor, channel?: string) => {
    const started = await engine.start(scriptCampaign.id, {
      actor,
      instanceId,
      ...(channel ? { channel } : {}),
    });
    check(started.status === 'accepted', `launch ${instanceId}: ${JSON.stringify(started)}`);
    clock.advance(MINUTE);
  };
  const send = async (instanceId: string, eventId: string, actor: Actor, type: string, channel?: string) => {
    const command =
      // The scenario names commands by string; the engine checks each against the instance's kind.
      (
        type === 'bargain.purchase' ? { type, eventId, orderId: `order-${eventId}` } : { type, eventId }
      ) as Command;
    const answer = await engine.send(instanceId, command, { actor, ...(channel ? { channel } : {}) });
    answers.push(answer);
    clock.advance(MINUTE);
    return answer;
  };
  const help = (instanceId: string, eventId: string, actor: Actor, channel: string) =>
    send(instanceId, eventId, actor, 'bargain.help', channel);

  await launch('b-alice', who('alice'));
  clock.advance(9 * MINUTE); // alice's first friend comes 10 minutes after her launch
  await help('b-alice', 'h-bob', who('bob', true), 'moments');
  await help('b-alice', 'h-carol', who('carol', true), 'group');
  await help('b-alice', 'h-bob', who('bob', true), 'moments'); // the same event again: a duplicate
  await help('b-alice', 'h-self', who('alice'), 'moments'); // refused: self-help
  await help('b-alice', 'h-bob-2', who('bob', true), 'moments'); // refused: already helped
  await help('b-alice', 'h-dave', who('dave'), 'moments'); // the third help: the floor
  await send('b-alice', 'buy-alice', who('alice'), 'bargain.purchase');
  await launch('b-bob', who('bob', true), 'moments');
  clock.advance(29 * MINUTE); // 30 minutes to bob's first friend
  await help('b-bob', 'h-erin', who('erin', true), 'chat');

  clock.set(SCRIPT_START + 24 * 60 * MINUTE); // day two
  await launch('b-erin', who('erin', true), 'chat');
  clock.advance(119 * MINUTE); // 120 minutes to erin's first friend
  await help('b-erin', 'h-frank', who('frank', true), 'poster');
  await help('b-bob', 'h-carol-bob', who('carol', true), 'group');
  await launch('b-zoe', who('zoe'));

  return { engine, answers, outbox: await readWholeOutbox(store) };
}

/** The effects (not event records) of a script's outbox. */
export const effectsOf = (outbox: readonly OutboxItem[]) =>
  outbox.map((item) => item.payload as Effect).filter((effect) => effect.type !== 'event.applied');

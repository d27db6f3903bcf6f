/**
 * Launches a bargain, has simulated friends help it, and prints every step.
 * Run: `npm start` from the repository root (`npm start -- --fresh` forgets earlier runs).
 */
import { readFileSync } from 'node:fs';
import {
  type BargainView,
  createConsumer,
  createEngine,
  defineCampaign,
  formatMoney,
  type InstanceView,
  type SendResult,
} from '@liebian/core';
import { createManualClock } from '@liebian/core/testing';

const campaignFile = new URL('../../campaigns/bargain.json', import.meta.url);
const campaign = defineCampaign(JSON.parse(readFileSync(campaignFile, 'utf8')), 'bargain');

import { openStore } from './open-store.js';

const clock = createManualClock(Date.now());
const { store, label } = await openStore('quickstart', { fresh: process.argv.includes('--fresh') });
// Effects (a price that reached the floor, an order to fulfil) go to a durable consumer: its cursor lives in the
// store, so a later run carries on where this one stopped. A real handler does its work idempotently by
// `effect.dedupeKey` (e.g. INSERT … ON CONFLICT (dedupe_key) DO NOTHING): delivery is at least once.
const consumer = createConsumer({
  store,
  name: 'quickstart-effects',
  handler: (effect) => console.log(`  ↳ effect ${effect.type} ${JSON.stringify(effect.payload)}`),
});
const engine = createEngine({ campaigns: [campaign], store, clock });
/** Waits for a step, then delivers the effects it committed (a server would run `consumer.start()` instead). */
const step = async <T>(pending: Promise<T>): Promise<T> => {
  const result = await pending;
  const pass = await consumer.drain();
  if (pass.status === 'not-leased') console.log('  (another process holds the effect consumer; it delivers)');
  return result;
};
const finish = async () => {
  await consumer.stop();
  await engine.dispose();
  await store.dispose();
};

const line = (text = '') => console.log(text);
line(`Store: ${label}`);
const backlog = await consumer.lag();
if (backlog.entries > 0) {
  line(`Effects of earlier runs not delivered yet: ${backlog.entries}`);
  await step(Promise.resolve());
}
const asBargain = (view: InstanceView): BargainView => {
  if (view.kind !== 'bargain') throw new Error(`expected a bargain, got ${view.kind}`);
  return view;
};
const show = (instance: InstanceView) => {
  const view = asBargain(instance);
  return (
    `${formatMoney(view.price.current)} (cut ${formatMoney(view.price.cut)}, ${formatMoney(view.price.remaining)} to go, ` +
    `${view.helps.count}/${view.helps.toFloor ?? '∞'} friends, state ${view.state})`
  );
};
const outcome = (r: SendResult) =>
  r.status === 'accepted'
    ? r.duplicate
      ? 'accepted again as a duplicate (no second cut)'
      : show(r.view)
    : `rejected: ${r.reason}`;

line(`Campaign "${campaign.name}" — rules as disclosed to users:`);
for (const rule of engine.disclose(campaign.id, 'zh-CN').lines) line(`  · ${rule}`);
line();

const alice = { id: '小明', deviceId: 'iphone-xm' };
const started = await step(engine.start(campaign.id, { actor: alice }));
if (started.status !== 'accepted') {
  // The store is persistent: after two runs 小明 has used his launchesPerUser (2) in this campaign.
  line(
    `小明 cannot launch another bargain: ${started.reason}. Earlier runs are kept; run \`npm start -- --fresh\` to start over.`,
  );
  await finish();
  process.exit(0);
}
const id = started.instanceId;
line(`小明 launches bargain ${id}: ${show(started.view)}`);

line(
  `小明 tries to help himself: ${outcome(await step(engine.send(id, { type: 'bargain.help' }, { actor: alice })))}`,
);

const friends = [
  { id: '小红', newUser: true },
  { id: '阿强' },
  { id: '老王', deviceId: 'iphone-xm' },
  { id: '丽丽', newUser: true },
  { id: '大刘' },
  { id: '小周' },
  { id: '阿May' },
];
for (const [n, friend] of friends.entries()) {
  clock.advance(7 * 60_000);
  const eventId = `help-${n}`;
  const result = await step(engine.send(id, { type: 'bargain.help', eventId }, { actor: friend }));
  line(`${friend.id}${friend.newUser ? ' (new user)' : ''} helps: ${outcome(result)}`);
  if (n === 1) {
    line(
      `${friend.id}'s phone retries the same request: ${outcome(await step(engine.send(id, { type: 'bargain.help', eventId }, { actor: friend })))}`,
    );
  }
}

const view = asBargain(await engine.view(id, alice));
line();
line(`小明 sees: ${show(view)}; pay by ${view.deadline ? new Date(view.deadline.at).toISOString() : '—'}`);
const purchase = await step(
  engine.send(id, { type: 'bargain.purchase', orderId: 'order-0001' }, { actor: alice }),
);
line(
  `小明 buys: ${purchase.status === 'accepted' ? `order placed at ${formatMoney(asBargain(purchase.view).price.current)}` : `rejected: ${purchase.reason}`}`,
);

const visitor = asBargain(await engine.view(id, null));
line(
  `A visitor now sees state "${visitor.state}" with recent cuts: ${visitor.recentCuts.map((c) => `${c.by} ${formatMoney(c.amount)}`).join(', ')}`,
);
// Delivered entries can go: trimming never passes the slowest consumer's cursor.
line(`Outbox entries every consumer has delivered, trimmed: ${await store.trimOutbox()}`);
await finish();

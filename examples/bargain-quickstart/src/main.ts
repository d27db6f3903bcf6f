/**
 * Launches a bargain, has simulated friends help it, and prints every step.
 * Run: `npm start` from the repository root (`npm start -- --fresh` forgets earlier runs).
 */
import { readFileSync } from 'node:fs';
import {
  type BargainView,
  createEngine,
  createManualClock,
  defineCampaign,
  formatMoney,
  type InstanceView,
  type SendResult,
} from '@liebian/core';

const campaignFile = new URL('../../campaigns/bargain.json', import.meta.url);
const campaign = defineCampaign(JSON.parse(readFileSync(campaignFile, 'utf8')), 'bargain');

import { openStore } from './open-store.js';

const clock = createManualClock(Date.now());
const { store, label } = await openStore('quickstart', { fresh: process.argv.includes('--fresh') });
const engine = createEngine({
  campaigns: [campaign],
  store,
  clock,
  onEffect: (effect) => console.log(`  ↳ effect ${effect.type} ${JSON.stringify(effect.payload)}`),
});

const line = (text = '') => console.log(text);
line(`Store: ${label}`);
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
const started = await engine.start(campaign.id, { actor: alice });
if (started.status !== 'accepted') {
  // The store is persistent: after two runs 小明 has used his launchesPerUser (2) in this campaign.
  line(
    `小明 cannot launch another bargain: ${started.reason}. Earlier runs are kept; run \`npm start -- --fresh\` to start over.`,
  );
  await engine.dispose();
  await store.dispose();
  process.exit(0);
}
const id = started.instanceId;
line(`小明 launches bargain ${id}: ${show(started.view)}`);

line(
  `小明 tries to help himself: ${outcome(await engine.send(id, { type: 'bargain.help' }, { actor: alice }))}`,
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
  const result = await engine.send(id, { type: 'bargain.help', eventId }, { actor: friend });
  line(`${friend.id}${friend.newUser ? ' (new user)' : ''} helps: ${outcome(result)}`);
  if (n === 1) {
    line(
      `${friend.id}'s phone retries the same request: ${outcome(await engine.send(id, { type: 'bargain.help', eventId }, { actor: friend }))}`,
    );
  }
}

const view = asBargain(await engine.view(id, alice));
line();
line(`小明 sees: ${show(view)}; pay by ${view.deadline ? new Date(view.deadline.at).toISOString() : '—'}`);
const purchase = await engine.send(id, { type: 'bargain.purchase', orderId: 'order-0001' }, { actor: alice });
line(
  `小明 buys: ${purchase.status === 'accepted' ? `order placed at ${formatMoney(asBargain(purchase.view).price.current)}` : `rejected: ${purchase.reason}`}`,
);

const visitor = asBargain(await engine.view(id, null));
line(
  `A visitor now sees state "${visitor.state}" with recent cuts: ${visitor.recentCuts.map((c) => `${c.by} ${formatMoney(c.amount)}`).join(', ')}`,
);
await engine.dispose();
await store.dispose();

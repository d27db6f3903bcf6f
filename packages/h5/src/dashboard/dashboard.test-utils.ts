import { readFileSync } from 'node:fs';
import { createEngine, createMemoryStore, defineCampaign, type Store } from '@liebian/core';
import { createAnalytics } from '@liebian/core/analytics';
import { createManualClock } from '@liebian/core/testing';

/** The sample bargain, lived for two days on a memory store and counted: the dashboard's test and screenshot data. */
export async function countedBargain(
  extraSpreader = 'bob',
): Promise<{ store: Store; campaign: ReturnType<typeof defineCampaign> }> {
  const campaign = defineCampaign(
    JSON.parse(readFileSync(new URL('../../../../examples/campaigns/bargain.json', import.meta.url), 'utf8')),
  );
  const store = createMemoryStore();
  const clock = createManualClock(Date.parse('2026-12-02T10:00:00+08:00'));
  const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
  const channels = ['moments', 'group', 'chat', 'poster'];
  let n = 0;
  const launch = async (who: string, channel?: string) =>
    (await engine.start(campaign.id, { actor: { id: who }, ...(channel ? { channel } : {}) })).instanceId;
  const help = async (instanceId: string, who: string, newUser: boolean) => {
    clock.advance(7 * 60_000);
    const channel = channels[n++ % channels.length] as string;
    return engine.send(instanceId, { type: 'bargain.help' }, { actor: { id: who, newUser }, channel });
  };
  const alice = await launch('alice');
  for (const f of [extraSpreader, 'carol', 'dave', 'erin', 'frank']) await help(alice, f, f !== 'dave');
  await engine.send(alice, { type: 'bargain.purchase', orderId: 'o-1' }, { actor: { id: 'alice' } });
  const bob = await launch(extraSpreader, 'moments');
  for (const f of ['gina', 'hank']) await help(bob, f, true);
  clock.advance(20 * 3_600_000);
  const carol = await launch('carol', 'group');
  for (const f of ['ivy', 'jack', 'kate']) await help(carol, f, f !== 'jack');
  const ivy = await launch('ivy', 'chat');
  await help(ivy, 'liam', true);
  await engine.dispose();
  const analytics = createAnalytics({ store, campaigns: [campaign], clock });
  await analytics.consumer.drain();
  return { store, campaign };
}

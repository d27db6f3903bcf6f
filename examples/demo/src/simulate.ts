import { type AnyCampaign, createConsumer, type Engine, type Store } from '@liebian/core';
import { FRIEND_ACTION } from '@liebian/h5';

/**
 * `--simulate N`: N simulated friends take turns acting on the instances people launch. Instances are discovered
 * from the engine's own effect outbox (`*.started`) through a durable consumer, so nothing is invented and a restart
 * carries on where it stopped: every action goes through the engine.
 */
export function startSimulation(
  engine: Engine,
  store: Store,
  campaigns: readonly AnyCampaign[],
  friends: number,
): () => void {
  const byId = new Map<string, AnyCampaign>(campaigns.map((c) => [c.id, c]));
  const open = new Map<string, AnyCampaign>();
  const launches = createConsumer({
    store,
    name: 'demo-simulation',
    handler: (effect) => {
      const campaign = byId.get(effect.campaignId);
      if (effect.type.endsWith('.started') && campaign) open.set(effect.instanceId, campaign);
    },
  });
  launches.start();
  let turn = 0;
  const timer = setInterval(async () => {
    const ids = [...open.keys()];
    if (ids.length === 0) return;
    turn++;
    const instanceId = ids[turn % ids.length] as string;
    const friend = `模拟好友${(turn % friends) + 1}`;
    const campaign = open.get(instanceId) as AnyCampaign;
    const action = FRIEND_ACTION[campaign.kind](turn, campaign);
    const result = await engine
      .send(instanceId, action, { actor: { id: friend, newUser: turn % 3 === 0 } })
      .catch(() => null);
    if (result?.status === 'rejected' && result.reason === 'instance-ended') open.delete(instanceId);
    if (action.type === 'leaderboard.join' && result?.status === 'accepted') {
      // A duel is scored by the organiser's system: here a simulated step sync for the friend who joined.
      await engine
        .send(
          instanceId,
          { type: 'leaderboard.score', member: friend, points: 1000 + ((turn * 7919) % 9000) },
          { actor: { id: 'demo-step-sync', operator: true } },
        )
        .catch(() => null);
    }
  }, 2_000);
  return () => {
    clearInterval(timer);
    void launches.stop();
  };
}

import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Effect, SendResult } from '../../engine/types.js';
import type { Store } from '../../store/store.js';
import { sendUntilKnown, twoEngines } from '../shared/engine-harness.test-utils.js';
import { DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';

/**
 * `friends` friends each accept the invites of three referrers at the same moment, through two engines on one
 * store, while the referrers accept each other's invites (a loop attempt). Returns the accepted effects.
 */
export async function attributionRace(store: Store, friends = 1_000) {
  const campaign = defineCampaign(
    referralCampaignInput(
      {},
      { id: `attribution-race-${Date.now().toString(36)}`, budget: { totalFen: 5_000_000 } },
    ),
    'referral',
  );
  const { committed, engines } = twoEngines(campaign, store, DURING_REFERRAL);
  const referrers = ['r0', 'r1', 'r2'];
  for (const r of referrers)
    await engines[0]?.start(campaign.id, { actor: { id: r }, instanceId: `${campaign.id}-${r}` });
  const sends = [];
  for (let f = 0; f < friends; f++) {
    for (const [i, r] of referrers.entries()) {
      const engine = engines[(f + i) % 2] as (typeof engines)[0];
      sends.push(
        sendUntilKnown(
          engine,
          `${campaign.id}-${r}`,
          { type: 'referral.accept' },
          { actor: { id: `f${f}` } },
        ),
      );
    }
  }
  for (const [i, r] of referrers.entries()) {
    const next = referrers[(i + 1) % referrers.length] as string;
    sends.push(
      sendUntilKnown(
        engines[i % 2] as (typeof engines)[0],
        `${campaign.id}-${next}`,
        { type: 'referral.accept' },
        { actor: { id: r } },
      ),
    );
  }
  const settled = await Promise.allSettled(sends);
  await Promise.all(engines.map((e) => e.dispose()));
  // The outbox, not what the engines heard: an answer that came late is settled by reading back, unheard.
  const effects = await committed();
  const accepted = effects.filter((e) => e.type === 'referral.accepted');
  /** Sends that threw (a store error, a conflict given up on), with their messages, for the assertion to show. */
  const failures = settled.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
  const refusals = settled.flatMap((r) =>
    r.status === 'fulfilled' && r.value.status === 'rejected' ? [r.value.reason] : [],
  );
  return { failures, refusals, accepted, referrers };
}

/** True when following referrer links from any referrer never comes back to it. */
export function noLoops(accepted: readonly Effect[], campaignPrefix = ''): boolean {
  const referrerOf = new Map(
    accepted.map((e) => [
      e.payload.referee as string,
      e.instanceId.slice(campaignPrefix.length).split('-').pop() as string,
    ]),
  );
  for (const start of referrerOf.keys()) {
    const seen = new Set<string>();
    for (let u: string | undefined = start; u !== undefined; u = referrerOf.get(u)) {
      if (seen.has(u)) return false;
      seen.add(u);
    }
  }
  return true;
}

/**
 * Last-touch under load: `friends` friends accept the invites of three referrers at once through two engines on
 * one store (each accept may take the friend over from another link), then each friend's conversion is reported
 * to all three links at once. Returns the effects and the refusals of the conversions.
 */
export async function lastTouchRace(store: Store, friends = 300) {
  const campaign = defineCampaign(
    referralCampaignInput(
      { attribution: 'last-touch', refereeReward: { rewardId: 'free-coffee' }, capPerReferrer: 10_000 },
      { id: `last-touch-race-${Date.now().toString(36)}`, budget: { totalFen: 100_000_000 } },
    ),
    'referral',
  );
  const { committed, engines } = twoEngines(campaign, store, DURING_REFERRAL);
  const links = ['r0', 'r1', 'r2'].map((r) => `${campaign.id}-${r}`);
  for (const [i, link] of links.entries())
    await engines[0].start(campaign.id, { actor: { id: `r${i}` }, instanceId: link });
  const everyLink = (send: (engine: (typeof engines)[0], link: string, f: number) => Promise<unknown>) =>
    Promise.allSettled(
      Array.from({ length: friends }, (_, f) =>
        links.map((link, i) => send(engines[(f + i) % 2] as (typeof engines)[0], link, f)),
      ).flat(),
    );
  const accepts = await everyLink((engine, link, f) =>
    engine.send(link, { type: 'referral.accept' }, { actor: { id: `f${f}` } }),
  );
  const converts = await everyLink((engine, link, f) =>
    engine.send(link, { type: 'referral.convert', referee: `f${f}` }, { actor: ORDERS }),
  );
  await Promise.all(engines.map((e) => e.dispose()));
  // The outbox, not what the engines heard: an answer that came late is settled by reading back, unheard.
  const effects = await committed();
  const failures = [...accepts, ...converts].flatMap((r) =>
    r.status === 'rejected' ? [String(r.reason)] : [],
  );
  const refusals = converts.flatMap((r) =>
    r.status === 'fulfilled' && (r.value as SendResult).status === 'rejected'
      ? [(r.value as Extract<SendResult, { status: 'rejected' }>).reason]
      : [],
  );
  const of = (type: string) => effects.filter((e) => e.type === type);
  const accepted = new Set(of('referral.accepted').map((e) => `${e.instanceId}:${e.payload.referee}`));
  const moved = new Set(of('referral.moved').map((e) => `${e.instanceId}:${e.payload.referee}`));
  const active = [...accepted].filter((a) => !moved.has(a)).map((a) => a.slice(a.lastIndexOf(':') + 1));
  const converted = of('referral.converted');
  return {
    failures,
    refusals: [...new Set(refusals)],
    acceptances: accepted.size,
    conversions: converted.length,
    friendsConverted: new Set(converted.map((e) => e.payload.referee)).size,
    /** Friends active (not told they moved) at exactly one link each, once every accept was answered. */
    friendsActive: new Set(active).size,
    activeOnce: new Set(active).size === active.length,
    /** Every conversion counted at a link whose invite that friend accepted. */
    convertedWhereAccepted: converted.every((e) => accepted.has(`${e.instanceId}:${e.payload.referee}`)),
  };
}

/** What {@link lastTouchRace} must return for `friends` friends: each converted once, where they were. */
export const exactLastTouch = (friends: number) => ({
  failures: [],
  refusals: ['referred-elsewhere'],
  acceptances: 3 * friends,
  conversions: friends,
  friendsConverted: friends,
  friendsActive: friends,
  activeOnce: true,
  convertedWhereAccepted: true,
});

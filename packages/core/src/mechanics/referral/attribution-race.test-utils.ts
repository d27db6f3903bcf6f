import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Effect } from '../../engine/types.js';
import type { Store } from '../../store/store.js';
import { twoEngines } from '../shared/engine-harness.test-utils.js';
import { DURING_REFERRAL, referralCampaignInput } from './referral-fixture.test-utils.js';

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
  const { effects, engines } = twoEngines(campaign, store, DURING_REFERRAL);
  const referrers = ['r0', 'r1', 'r2'];
  for (const r of referrers)
    await engines[0]?.start(campaign.id, { actor: { id: r }, instanceId: `${campaign.id}-${r}` });
  const sends = [];
  for (let f = 0; f < friends; f++) {
    for (const [i, r] of referrers.entries()) {
      const engine = engines[(f + i) % 2] as (typeof engines)[0];
      sends.push(engine.send(`${campaign.id}-${r}`, { type: 'referral.accept' }, { actor: { id: `f${f}` } }));
    }
  }
  for (const [i, r] of referrers.entries()) {
    const next = referrers[(i + 1) % referrers.length] as string;
    sends.push(
      (engines[i % 2] as (typeof engines)[0]).send(
        `${campaign.id}-${next}`,
        { type: 'referral.accept' },
        { actor: { id: r } },
      ),
    );
  }
  const settled = await Promise.allSettled(sends);
  await Promise.all(engines.map((e) => e.dispose()));
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

import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import type { Effect } from '../../engine/types.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import type { Store } from '../../store/store.js';
import { sendUntilKnown } from '../shared/engine-harness.test-utils.js';
import { couponCampaignInput, DURING_COUPON } from './coupon-fixture.test-utils.js';

/**
 * 10,000 concurrent claims across 100 shares against stock 1,000 with one coupon per user; 1,000 users claim on
 * two shares at once. Returns what was issued, for the caller to assert on. Used on every store.
 */
export async function couponStockRace(store: Store, claims = 10_000, stock = 1_000) {
  const campaign = defineCampaign(
    couponCampaignInput(
      { friendsPerShare: 1_000, sharerCouponsPerShare: 0, perUserLimit: 1 },
      { id: `stock-race-${Date.now().toString(36)}`, stock: { total: stock } },
    ),
    'coupon',
  );
  const effects: Effect[] = [];
  const engine = createEngine({
    campaigns: [campaign],
    store,
    clock: createManualClock(DURING_COUPON),
    random: seededRandom(9),
    onEffect: (e) => void effects.push(e),
  });
  const shares = 100;
  for (let s = 0; s < shares; s++)
    await engine.start(campaign.id, { actor: { id: `sharer-${s}` }, instanceId: `${campaign.id}-s${s}` });
  const twice = claims / 10;
  const users = claims - twice;
  const sends = Array.from({ length: claims }, (_, i) => {
    const user = i < users ? `u${i}` : `u${i - users}`;
    const share = (i < users ? i : i - users + 1) % shares;
    return sendUntilKnown(
      engine,
      `${campaign.id}-s${share}`,
      { type: 'coupon.claim', eventId: `claim-${i}` },
      { actor: { id: user } },
    );
  });
  const results = await Promise.all(sends);
  await engine.dispose();
  const issued = effects.filter((e) => e.type === 'coupon.issued');
  return { results, issued, holders: issued.map((e) => e.payload.holder as string) };
}

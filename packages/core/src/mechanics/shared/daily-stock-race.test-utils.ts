import { defineCampaign } from '../../campaign/define-campaign.js';
import type { SendResult } from '../../engine/types.js';
import { calendarDay } from '../../primitives/time.js';
import type { Store } from '../../store/store.js';
import { couponCampaignInput } from '../coupon/coupon-fixture.test-utils.js';
import { twoEngines } from './engine-harness.test-utils.js';

const DAY_ONE = Date.parse('2026-12-02T10:00:00+08:00');
const DAY = 86_400_000;

/**
 * 每日限量 under load: two engines (two processes) on one store race `claimsPerDay` concurrent coupon claims on each
 * of two days against a per-day stock of `perDay` and a total of `total`, across 20 shares. Returns, per local day,
 * the coupons issued and the answers, for the caller to assert on. Used on every store.
 */
export async function dailyStockRace(store: Store, claimsPerDay = 600, perDay = 100, total = 150) {
  const campaign = defineCampaign(
    couponCampaignInput(
      { friendsPerShare: 1_000, sharerCouponsPerShare: 0, timeLimitMinutes: 5 * 1440 },
      {
        id: `daily-race-${Date.now().toString(36)}`,
        stock: { total },
        daily: { hours: { opens: '10:00', closes: '22:00' }, stock: perDay },
      },
    ),
    'coupon',
  );
  const { clock, effects, engines } = twoEngines(campaign, store, DAY_ONE);
  const shares = 20;
  const engine = (n: number) => engines[n % 2 === 0 ? 0 : 1];
  for (let s = 0; s < shares; s++)
    await engine(s).start(campaign.id, {
      actor: { id: `sharer-${s}` },
      instanceId: `${campaign.id}-s${s}`,
    });
  const answers: SendResult[][] = [];
  for (const day of [0, 1]) {
    clock.set(DAY_ONE + day * DAY);
    answers.push(
      await Promise.all(
        Array.from({ length: claimsPerDay }, (_, i) =>
          engine(i).send(
            `${campaign.id}-s${i % shares}`,
            { type: 'coupon.claim', eventId: `claim-${day}-${i}` },
            { actor: { id: `u${day}-${i}` } },
          ),
        ),
      ),
    );
  }
  await Promise.all(engines.map((e) => e.dispose()));
  const issued = effects.filter((e) => e.type === 'coupon.issued');
  const byDay = new Map<string, number>();
  for (const e of issued)
    byDay.set(
      calendarDay(e.at, campaign.timezone),
      (byDay.get(calendarDay(e.at, campaign.timezone)) ?? 0) + 1,
    );
  return { campaign, answers, issuedByDay: [...byDay.entries()].sort() };
}

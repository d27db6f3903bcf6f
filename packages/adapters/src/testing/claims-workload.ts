import {
  createEngine,
  defineCampaign,
  type Effect,
  type EngineOptions,
  isLiebianError,
  type SendResult,
  type Store,
} from '@liebian/core';
import { RETRYABLE_CODES } from '@liebian/core/store';
import { createManualClock, seededRandom } from '@liebian/core/testing';
import { check, uid } from './fixtures.js';

export const DURING_CLAIMS = Date.parse('2026-12-02T10:00:00+08:00');

/** A coupon share campaign with shared stock, one coupon per user. */
export const couponCampaign = (id: string, stock: number) =>
  defineCampaign({
    id,
    kind: 'coupon',
    name: '好友领券',
    channel: 'app',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'coupons', name: '店铺优惠券', kind: 'coupon' }],
    page: { hook: { title: '分享给好友，一起领券' }, cta: { headline: '邀请好友' } },
    disclosure: { organizer: { name: '青柠超市', contact: '400-555-0100' } },
    stock: { total: stock },
    rules: {
      mode: 'share',
      coupon: { discountFen: 500, thresholdFen: 3000, validity: { days: 7 } },
      friendsPerShare: 1_000,
      sharerCouponsPerShare: 0,
      perUserLimit: 1,
      timeLimitMinutes: 600,
    },
  });

/** Retries a retryable failure with the same event id until the engine answers. */
export async function untilAnswered<T>(send: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await send();
    } catch (error) {
      if (!(isLiebianError(error) && RETRYABLE_CODES.has(error.code)) || tries > 1_000)
        throw new Error(`no answer after ${tries} tries: ${String(error)}`, { cause: error });
    }
  }
}

/** Every outbox entry of a store, read to the end. */
export async function readAll(store: Store) {
  const out = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.readOutbox(cursor, 500);
    if (page.length === 0) return out;
    out.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

/**
 * Three shares of a coupon campaign with stock `stock` on `store`; `users` users claim (half of them on a second share
 * too) from eight clients that each send one claim after another, retrying retryable errors with the same event id,
 * while `during` runs (faults, restarts). Then checks on `direct` (the same data, no faults): at most `stock` coupons,
 * one per user, unique dedupe keys, and everyone told "accepted" holds their coupon. Returns the number issued.
 */
export async function claimsUnderFaults(
  store: Store,
  direct: Store,
  {
    stock,
    users,
    during = async () => {},
    engine: extra = {},
  }: {
    stock: number;
    users: number;
    during?: (progress: () => number) => Promise<void>;
    engine?: Partial<EngineOptions>;
  },
): Promise<number> {
  const campaign = couponCampaign(uid('claims'), stock);
  const engine = createEngine({
    campaigns: [campaign],
    store,
    clock: createManualClock(DURING_CLAIMS),
    random: seededRandom(5),
    storeTimeoutMs: 3_000,
    ...extra,
  });
  try {
    const shares = ['s0', 's1', 's2'].map((s) => `${campaign.id}-${s}`);
    for (const [i, id] of shares.entries())
      await untilAnswered(() => engine.start(campaign.id, { actor: { id: `sharer-${i}` }, instanceId: id }));
    const claims = Array.from({ length: Math.floor(users * 1.5) }, (_, i) => ({
      user: `u${i % users}`,
      share: shares[(i + Math.floor(i / users)) % 3] as string,
    }));
    const answers: { user: string; share: string; answer: SendResult }[] = [];
    const clients = Promise.all(
      Array.from({ length: 8 }, async (_, client) => {
        for (const { user, share } of claims.filter((_, i) => i % 8 === client)) {
          const eventId = `claim-${user}-${share}`;
          const send = () => engine.send(share, { type: 'coupon.claim', eventId }, { actor: { id: user } });
          answers.push({ user, share, answer: await untilAnswered(send) });
        }
      }),
    );
    await Promise.all([clients, during(() => answers.length / claims.length)]);
    const issued = (await readAll(direct))
      .map((o) => o.payload as Effect)
      .filter((e) => e.type === 'coupon.issued' && shares.includes(e.instanceId));
    check(issued.length <= stock, `${issued.length} coupons issued against stock ${stock}`);
    const holders = issued.map((e) => e.payload.holder as string);
    check(new Set(holders).size === holders.length, 'a user holds two coupons');
    check(new Set(issued.map((e) => e.dedupeKey)).size === issued.length, 'two coupons share a dedupe key');
    for (const { user, share, answer } of answers) {
      if (answer.status !== 'accepted') continue;
      check(
        issued.some((e) => e.payload.holder === user && e.instanceId === share),
        `${user} was told accepted on ${share} but holds no coupon there`,
      );
    }
    const accepted = answers.filter((a) => a.answer.status === 'accepted').length;
    console.info(
      `claims under faults: ${issued.length}/${stock} issued, ${accepted} of ${claims.length} claims accepted, 0 over-issued, 0 duplicate keys, 0 accepted without a coupon`,
    );
    return issued.length;
  } finally {
    await engine.dispose();
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyWindow } from '../../campaign/daily-window.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { calendarDay } from '../../primitives/time.js';
import { couponCampaignInput, DURING_COUPON } from '../coupon/coupon-fixture.test-utils.js';
import { engineHarness } from './engine-harness.test-utils.js';

type Op = { op: 'claim'; user: number; share: number } | { op: 'advance'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('claim' as const), user: fc.nat(40), share: fc.nat(2) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 900 }) }),
  },
);

const rulesArb = fc.record({
  perDay: fc.integer({ min: 1, max: 6 }),
  total: fc.integer({ min: 1, max: 15 }),
  opens: fc.integer({ min: 0, max: 12 }),
  length: fc.integer({ min: 1, max: 12 }),
});

const hhmm = (h: number) => `${String(h).padStart(2, '0')}:00`;

describe('每日限量 and opening hours over random sequences', () => {
  it('a day never issues more than its stock and refuses only when it is exactly full; closed means outside the hours', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, fc.array(opArb, { minLength: 1, maxLength: 60 }), async (r, ops) => {
        const c = defineCampaign(
          couponCampaignInput(
            { friendsPerShare: 100, sharerCouponsPerShare: 0, timeLimitMinutes: 20 * 1440, perUserLimit: 3 },
            {
              stock: { total: Math.max(r.total, r.perDay) },
              daily: { hours: { opens: hhmm(r.opens), closes: hhmm(r.opens + r.length) }, stock: r.perDay },
            },
          ),
          'coupon',
        );
        const h = engineHarness(c, Date.parse('2026-12-02T00:00:00+08:00'), 3);
        h.clock.set(DURING_COUPON - 10 * 3_600_000 + r.opens * 3_600_000); // the first day's opening
        for (const s of [0, 1, 2])
          await h.engine.start(c.id, { actor: { id: `sharer-${s}` }, instanceId: `s${s}` });
        const perDay = new Map<string, number>();
        let total = 0;
        let seq = 0;
        for (const op of ops) {
          if (op.op === 'advance') {
            h.clock.advance(op.minutes * 60_000);
            continue;
          }
          const now = h.clock.now();
          const day = calendarDay(now, c.timezone);
          const result = await h.engine.send(
            `s${op.share}`,
            { type: 'coupon.claim', eventId: `c${++seq}` },
            { actor: { id: `u${op.user}` } },
          );
          const open = now < c.schedule.endsAt && dailyWindow(c, now).open;
          if (result.status === 'accepted') {
            expect(open).toBe(true);
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
            total++;
          } else if (result.reason === 'closed-now') expect(open).toBe(false);
          else if (result.reason === 'sold-out-today') expect(perDay.get(day) ?? 0).toBe(r.perDay);
          else if (result.reason === 'sold-out') expect(total).toBe(c.stock?.total);
          for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(r.perDay);
        }
        const issued = h.effects.filter((e) => e.type === 'coupon.issued');
        expect(issued).toHaveLength(total);
        await h.engine.dispose();
      }),
      { numRuns: 120 },
    );
  });
});

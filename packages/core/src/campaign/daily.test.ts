import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { couponCampaignInput, DURING_COUPON } from '../mechanics/coupon/coupon-fixture.test-utils.js';
import { discloseGroupBuy } from '../mechanics/group-buy/disclosure.js';
import { groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import { leaderboardCampaignInput } from '../mechanics/leaderboard/leaderboard-fixture.test-utils.js';
import { mechanicFor } from '../mechanics/registry.js';
import { createManualClock } from '../primitives/clock.js';
import { campaignIssues } from './campaign-issues.test-utils.js';
import { dailyWindow } from './daily-window.js';
import { defineCampaign } from './define-campaign.js';

const at = (iso: string) => Date.parse(iso);
const coupon = (daily: unknown, extra: Record<string, unknown> = {}) =>
  couponCampaignInput({ sharerCouponsPerShare: 0, timeLimitMinutes: 5 * 1440 }, { daily, ...extra });

describe('daily rules validation', () => {
  it.each([
    ['a time that is not HH:MM', { hours: { opens: '10', closes: '22:00' } }, 'daily.hours.opens', /"HH:MM"/],
    [
      'a window that closes before it opens',
      { hours: { opens: '22:00', closes: '10:00' } },
      'daily.hours.closes',
      /after opens.*"24:00"/,
    ],
    ['neither hours nor stock', {}, 'daily', /needs hours, stock or both/],
    ['a per-day stock above the total', { stock: 500 }, 'daily.stock', /stock.total \(300\)/],
  ])('rejects %s', (_name, daily, path, message) => {
    const issue = campaignIssues(coupon(daily, { stock: { total: 300 } })).find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('refuses a per-day stock where nothing takes stock, and on a coupon pool (its launch has no instant)', () => {
    expect(
      campaignIssues(leaderboardCampaignInput({}, { daily: { stock: 10 } })).find(
        (i) => i.path === 'daily.stock',
      )?.message,
    ).toMatch(/takes no stock/);
    expect(
      campaignIssues(couponCampaignInput({ mode: 'pool' }, { daily: { stock: 10 } })).find(
        (i) => i.path === 'daily.stock',
      )?.message,
    ).toMatch(/coupon pool/);
  });
});

describe('dailyWindow', () => {
  const c = defineCampaign(coupon({ hours: { opens: '10:00', closes: '22:00' } }), 'coupon');

  it('is open inside the window and says when it closes', () => {
    expect(dailyWindow(c, at('2026-12-02T10:00:00+08:00'))).toEqual({
      open: true,
      nextOpensAt: null,
      closesAt: at('2026-12-02T22:00:00+08:00'),
    });
  });

  it('before opening points at today, after closing at tomorrow, in the campaign zone', () => {
    expect(dailyWindow(c, at('2026-12-02T09:59:59+08:00')).nextOpensAt).toBe(at('2026-12-02T10:00:00+08:00'));
    expect(dailyWindow(c, at('2026-12-02T22:00:00+08:00'))).toMatchObject({
      open: false,
      nextOpensAt: at('2026-12-03T10:00:00+08:00'),
    });
    // 23:30 UTC on Dec 2 is already Dec 3 07:30 in Shanghai: today's window is still ahead.
    expect(dailyWindow(c, at('2026-12-02T23:30:00Z')).nextOpensAt).toBe(at('2026-12-03T10:00:00+08:00'));
  });

  it('has no next opening once the campaign ends first', () => {
    expect(dailyWindow(c, at('2026-12-30T23:00:00+08:00')).nextOpensAt).toBeNull();
  });

  it('keeps the wall clock across a daylight-saving change', () => {
    const ny = defineCampaign(
      coupon(
        { hours: { opens: '10:00', closes: '24:00' } },
        {
          timezone: 'America/New_York',
          schedule: { startsAt: '2026-03-01T00:00:00-05:00', endsAt: '2026-04-01T00:00:00-04:00' },
        },
      ),
      'coupon',
    );
    // Clocks go forward at 02:00 on 8 March 2026: 10:00 that day is 14:00 UTC, not 15:00.
    expect(dailyWindow(ny, at('2026-03-08T01:00:00-05:00')).nextOpensAt).toBe(
      at('2026-03-08T10:00:00-04:00'),
    );
    expect(dailyWindow(ny, at('2026-03-08T23:59:00-04:00')).open).toBe(true);
  });
});

describe('opening hours in the engine', () => {
  it('refuses launches and friend actions outside the hours (closed-now) and accepts them inside', async () => {
    const c = defineCampaign(coupon({ hours: { opens: '10:00', closes: '22:00' } }), 'coupon');
    const clock = createManualClock(at('2026-12-02T09:30:00+08:00'));
    const engine = createEngine({ campaigns: [c], clock });
    const early = await engine.start(c.id, { actor: { id: 'sam' }, instanceId: 's' });
    expect(early.status === 'rejected' && early.reason).toBe('closed-now');
    clock.set(DURING_COUPON);
    expect((await engine.start(c.id, { actor: { id: 'sam' }, instanceId: 's' })).status).toBe('accepted');
    clock.set(at('2026-12-02T22:00:00+08:00'));
    const late = await engine.send('s', { type: 'coupon.claim' }, { actor: { id: 'amy' } });
    expect(late.status === 'rejected' && late.reason).toBe('closed-now');
    clock.set(at('2026-12-03T10:00:00+08:00'));
    expect((await engine.send('s', { type: 'coupon.claim' }, { actor: { id: 'amy' } })).status).toBe(
      'accepted',
    );
    await engine.dispose();
  });

  it('lets a member pay after hours: only launches and friends joining wait for the window', async () => {
    const c = defineCampaign(
      groupBuyCampaignInput({ size: 2 }, { daily: { hours: { opens: '10:00', closes: '22:00' } } }),
      'group-buy',
    );
    const clock = createManualClock(at('2026-12-02T21:50:00+08:00'));
    const engine = createEngine({ campaigns: [c], clock });
    await engine.start(c.id, { actor: { id: 'lea' }, instanceId: 'g' });
    await engine.send('g', { type: 'group-buy.join' }, { actor: { id: 'bo' } });
    clock.set(at('2026-12-02T22:01:00+08:00'));
    expect(
      (await engine.send('g', { type: 'group-buy.pay', orderId: 'o1' }, { actor: { id: 'bo' } })).status,
    ).toBe('accepted');
    await engine.dispose();
  });
});

describe('daily rules disclosure', () => {
  it('states the hours and the per-day stock exactly, in the campaign zone', () => {
    const c = defineCampaign(
      groupBuyCampaignInput({}, { daily: { hours: { opens: '10:00', closes: '22:00' }, stock: 200 } }),
      'group-buy',
    );
    const zh = discloseGroupBuy(c, 'zh-CN').lines;
    expect(zh).toContain(
      '每日开放时间 10:00–22:00（北京时间），其余时间不能发起或参与；已发起的付款等流程不受影响。',
    );
    expect(zh).toContain(
      '每日限量 200 份（按北京时间自然日计），当日抢完即止，次日 10:00 起可再抢；当日发出后又退回的名额回到总量，不再计入当日。',
    );
    expect(discloseGroupBuy(c, 'en').lines.join('\n')).toContain('200 available each day');
  });
});

describe('daily rules on a live campaign (rules-frozen)', () => {
  const live = defineCampaign(coupon({ hours: { opens: '10:00', closes: '22:00' }, stock: 100 }), 'coupon');
  const worse = (daily: unknown) =>
    mechanicFor('coupon')
      .compareRules(live, defineCampaign(coupon(daily), 'coupon'))
      .map((i) => i.path);

  it.each([
    [{ hours: { opens: '11:00', closes: '22:00' }, stock: 100 }, ['daily.hours.opens']],
    [{ hours: { opens: '10:00', closes: '21:00' }, stock: 100 }, ['daily.hours.closes']],
    [{ hours: { opens: '10:00', closes: '22:00' }, stock: 80 }, ['daily.stock']],
    [{ hours: { opens: '09:00', closes: '24:00' }, stock: 150 }, []],
    [{ hours: { opens: '10:00', closes: '22:00' } }, []],
  ])('%j → %j', (daily, paths) => {
    expect(worse(daily)).toEqual(paths);
  });

  it('adding opening hours to an always-open campaign is refused by replaceCampaign', async () => {
    const open = defineCampaign(coupon({ stock: 100 }), 'coupon');
    const engine = createEngine({ campaigns: [open], clock: createManualClock(DURING_COUPON) });
    expect(() =>
      engine.replaceCampaign(
        defineCampaign(coupon({ stock: 100, hours: { opens: '10:00', closes: '22:00' } }), 'coupon'),
      ),
    ).toThrow(/daily\.hours/);
    await engine.dispose();
  });
});

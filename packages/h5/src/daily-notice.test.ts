import { createEngine, defineCampaign } from '@liebian/core';
import { createManualClock } from '@liebian/core/testing';
import { describe, expect, it } from 'vitest';
import { couponCampaignInput } from '../../core/src/mechanics/coupon/coupon-fixture.test-utils.js';
import { COPY } from './copy.js';
import { dailyNotice } from './daily-notice.js';
import { renderDocument } from './render-document.js';

const at = (iso: string) => Date.parse(iso);
const campaign = defineCampaign(
  couponCampaignInput(
    { sharerCouponsPerShare: 0, timeLimitMinutes: 5 * 1440 },
    { stock: { total: 500 }, daily: { hours: { opens: '10:00', closes: '22:00' }, stock: 100 } },
  ),
  'coupon',
);
const zh = COPY['zh-CN'];

describe('dailyNotice', () => {
  it('before opening: today at the opening time', () => {
    expect(dailyNotice(campaign, at('2026-12-02T08:00:00+08:00'), zh)).toEqual({
      summary: '每日 10:00–22:00 开放 · 每日限量 100 份',
      closed: '还未开始，今天 10:00 开放',
      soldOutToday: '今日已抢完，明天 10:00 再来',
    });
  });

  it('after closing: tomorrow; and in English', () => {
    expect(dailyNotice(campaign, at('2026-12-02T22:30:00+08:00'), zh).closed).toBe(
      '今日已结束，明天 10:00 再来',
    );
    expect(dailyNotice(campaign, at('2026-12-02T22:30:00+08:00'), COPY.en)).toMatchObject({
      summary: 'Open daily 10:00–22:00 · 100 a day',
      closed: 'Closed for today — come back tomorrow at 10:00',
    });
  });

  it('on the last day: no next opening is promised', () => {
    const last = dailyNotice(campaign, at('2026-12-30T23:00:00+08:00'), zh);
    expect(last.closed).toBe('今日开放时间已过，本活动不再开放');
    expect(last.soldOutToday).toBe('今日已抢完');
  });
});

describe('the page under daily rules', () => {
  it('outside the hours the claim button waits with the next opening; the islands know the sold-out words', async () => {
    const clock = createManualClock(at('2026-12-02T12:00:00+08:00'));
    const engine = createEngine({ campaigns: [campaign], clock });
    await engine.start(campaign.id, { actor: { id: 'sam' }, instanceId: 's' });
    const page = async (iso: string) => {
      clock.set(at(iso));
      return renderDocument({
        campaign,
        view: await engine.view('s', { id: 'amy' }),
        disclosure: engine.disclose(campaign.id, 'zh-CN'),
        locale: 'zh-CN',
        islands: { apiBase: '/api', instanceId: 's' },
      });
    };
    const html = await page('2026-12-02T23:00:00+08:00');
    expect(html).toContain('每日 10:00–22:00 开放 · 每日限量 100 份');
    expect(html).toMatch(/data-action="coupon.claim"[^>]*disabled[^>]*>今日已结束，明天 10:00 再来</);
    expect(html).toContain('今日已抢完，明天 10:00 再来');
    const open = await page('2026-12-03T10:30:00+08:00');
    expect(open).not.toContain('今日已结束');
    expect(open).toMatch(/data-action="coupon.claim"(?![^>]*disabled)/);
    await engine.dispose();
  });
});

import { gzipSync } from 'node:zlib';
import { createEngine, defineCampaign, type Engine, type Locale } from '@liebian/core';
import { createManualClock } from '@liebian/core/testing';
import { describe, expect, it } from 'vitest';
import {
  bargainCampaignInput,
  DURING_CAMPAIGN,
} from '../../core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { LEADS } from './lead-fixture.test-utils.js';
import { renderDocument } from './render-document.js';

async function bargain(extra: Record<string, unknown> = {}) {
  const campaign = defineCampaign(bargainCampaignInput({}, extra), 'bargain');
  const clock = createManualClock(DURING_CAMPAIGN);
  const engine = createEngine({ campaigns: [campaign], clock });
  await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'b1' });
  await engine.send('b1', { type: 'bargain.help' }, { actor: { id: 'bob' } });
  const render = async (viewer: string | null, locale: Locale = 'zh-CN', e: Engine = engine) =>
    renderDocument({
      campaign,
      view: await e.view('b1', viewer === null ? null : { id: viewer }),
      disclosure: e.disclose(campaign.id, locale),
      locale,
      leadFormAction: '/leads',
    });
  return { engine, clock, render };
}

describe('landing page document', () => {
  it('shows the initiator the exact amount left and the invite, and a friend the cut button', async () => {
    const { render, engine } = await bargain();
    const view = await engine.view('b1', { id: 'alice' });
    if (view.kind !== 'bargain') throw new Error('expected a bargain');
    const initiator = await render('alice');
    expect(initiator).toContain('邀请好友帮砍');
    expect(initiator).toContain(`还差 ¥${(view.price.remaining / 100).toFixed(2)} 到底价 ¥9.90`);
    expect(initiator).toContain('还需 4 位好友');
    const friend = await render('carol');
    expect(friend).toContain('帮TA砍一刀');
    // The loop: a friend who helped is told so and offered their own bargain in one tap.
    const helped = await render('bob');
    expect(helped).toMatch(/<button[^>]*class="cta said"[^>]*disabled[^>]*>你已经参与过了</);
    expect(helped).toMatch(/<button[^>]*class="cta"[^>]*data-action="start"[^>]*>我也要发起砍价</);
    // A friend who can still help has the help as the one primary button, and their own as a secondary.
    expect(friend.match(/class="cta"/g)).toHaveLength(1);
    expect(friend).toMatch(/class="secondary" data-action="start"[^>]*>我也要发起砍价</);
    expect(await render(null, 'en')).toContain('Cut the price for them');
  });

  it('offers the purchase at the floor and explains the end after expiry', async () => {
    const { render, engine, clock } = await bargain();
    for (const f of ['c', 'd', 'e', 'f'])
      await engine.send('b1', { type: 'bargain.help' }, { actor: { id: f } });
    expect(await render('alice')).toContain('立即购买 ¥9.90');
    clock.advance(2 * 24 * 60 * 60_000);
    expect(await render('alice')).toContain('未在付款期内下单，已结束');
  });

  it('has the three sections, the rules, the privacy notice and an unticked consent box', async () => {
    const { render } = await bargain(LEADS);
    const html = await render('carol');
    for (const id of ['hook-title', 'proof-title', 'cta-title', 'rules-title', 'privacy-title'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<input type="checkbox" name="consent" required\/?>/);
    expect(html).not.toMatch(/checked/);
    expect(html).toContain('主办方：青山茶业');
  });

  it('refuses a locale it has no words for, naming it, rather than render another language', async () => {
    const { render } = await bargain();
    await expect(render('carol', 'zh-TW' as Locale)).rejects.toThrow(
      'locale = "zh-TW": no copy for this locale; use one of zh-CN, en',
    );
  });

  it('escapes marketer text', async () => {
    const { render } = await bargain({
      page: {
        hook: { title: '<script>alert(1)</script>' },
        cta: { headline: '"><img src=x onerror=alert(1)>' },
      },
    });
    const html = await render('carol');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('<img src=x');
  });

  it('stays within the page budget: HTML ≤ 14 KB gzip, nothing loaded from another origin', async () => {
    const { render } = await bargain();
    const html = await render('alice');
    expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|url\(/);
  });
});

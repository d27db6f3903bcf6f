import { createServer } from 'node:http';
import { type AnyCampaign, createHandler } from '@liebian/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, listenLocally } from './node/chromium.test-utils.js';
import { playScene } from './preview/scenes.js';
import { renderDocument } from './render-document.js';
import { SAMPLES, samplePages, showSamplePage } from './sample-pages.test-utils.js';

const haveBrowser = haveChromium('the page browser tests');

const campaigns = SAMPLES;

let browser: Browser;
beforeAll(async () => {
  if (haveBrowser) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!haveBrowser)('landing pages in Chromium', () => {
  it.each(campaigns.map((c) => [c.kind, c] as const))(
    '%s: every state for every role has its three sections, the rules, and labelled controls',
    async (_kind, campaign) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      for await (const { where, html } of samplePages({ locale: 'zh-CN', only: campaign })) {
        await page.setContent(html);
        for (const section of ['hook', 'proof', 'rules'])
          expect(await page.locator(`section.${section}`).count(), `${where}: ${section}`).toBe(1);
        // The notice comes with a lead form and only then (its fields say who processes what).
        const takesLeads = campaign.page.cta.leadForm?.enabled === true && campaign.disclosure.privacy;
        expect(await page.locator('section.privacy').count(), where).toBe(takesLeads ? 1 : 0);
        // One enabled primary button on the screen, in the bar at its bottom.
        expect(await page.locator('.cta:not([disabled])').count(), where).toBeLessThanOrEqual(2); // + the form's
        expect(await page.locator('.action-bar .cta:not([disabled])').count(), where).toBeLessThanOrEqual(1);
        expect(await page.locator('section.rules li').count(), where).toBeGreaterThan(3);
        // Every control can be named by a screen reader, every image has a text alternative.
        const unnamed = await page.evaluate(
          () =>
            [...document.querySelectorAll('button, input, [role=progressbar]')].filter((el) => {
              const label =
                el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent;
              return !label?.trim();
            }).length,
        );
        expect(unnamed, where).toBe(0);
        expect(await page.locator('img:not([alt])').count(), where).toBe(0);
        expect(await page.locator('.ticker:not([aria-live])').count(), where).toBe(0);
      }
      await page.close();
    },
    60_000,
  );

  it.each(campaigns.map((c) => [c.kind, c] as const))(
    '%s: never wider than the screen at 320, 375 and 412 px, in every state for every role, after tapping 邀请 too',
    async (_kind, campaign) => {
      const page = await browser.newPage();
      const wide: string[] = [];
      for await (const { where, html, api } of samplePages({
        locale: 'zh-CN',
        only: campaign,
        islands: true,
      })) {
        await page.setViewportSize({ width: 320, height: 700 });
        await showSamplePage(page, html, api);
        const check = async (when: string) => {
          for (const width of [320, 375, 412]) {
            await page.setViewportSize({ width, height: 700 });
            const overflow = await page.evaluate(
              () => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth,
            );
            if (overflow > 0) wide.push(`${where} at ${width} px${when}: ${overflow} px wider`);
          }
        };
        await check('');
        const invite = page.locator('[data-action=invite]:not([disabled])');
        if ((await invite.count()) === 0) continue;
        await page.setViewportSize({ width: 320, height: 700 });
        await invite.click();
        const link = page.locator('#invite-link');
        await link.waitFor();
        expect((await link.textContent())?.length).toBeGreaterThan(100);
        await check(', after 邀请');
      }
      expect(wide).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('the loop: a friend who helped starts their own bargain in one tap and lands on its page', async () => {
    const campaign = campaigns.find((c) => c.kind === 'bargain') as AnyCampaign;
    const played = await playScene(campaign, 'active');
    const friend = played.viewers.friend;
    const html = renderDocument({
      campaign,
      view: await played.engine.view(played.instanceId, friend),
      disclosure: played.engine.disclose(campaign.id, 'zh-CN'),
      locale: 'zh-CN',
      islands: { apiBase: '/api', instanceId: played.instanceId, pollMs: 0 },
    });
    const api = createHandler(played.engine, { authenticate: () => friend });
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    try {
      await showSamplePage(page, html, api);
      expect(await page.locator('.action-bar .said').textContent()).toBe('你已经参与过了');
      await page.click('.action-bar [data-action=start]');
      await page.waitForURL(/\?i=/);
      const started = new URL(page.url()).searchParams.get('i') as string;
      expect(started).not.toBe(played.instanceId);
      const own = await played.engine.view(started, friend);
      expect([own.kind, own.role]).toEqual(['bargain', 'initiator']);
    } finally {
      await page.close();
      await played.engine.dispose();
    }
  }, 60_000);

  it("a failed action is said in the page's words: signed out, refused, offline", async () => {
    const campaign = campaigns.find((c) => c.kind === 'bargain') as AnyCampaign;
    const played = await playScene(campaign, 'fresh');
    const html = renderDocument({
      campaign,
      view: await played.engine.view(played.instanceId, null),
      disclosure: played.engine.disclose(campaign.id, 'zh-CN'),
      locale: 'zh-CN',
      islands: { apiBase: '/api', instanceId: played.instanceId, pollMs: 0 },
    });
    let who: { id: string } | null = null;
    const api = createHandler(played.engine, { authenticate: () => who });
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    const alert = page.locator('.action-bar [role=alert]');
    try {
      await showSamplePage(page, html, api);
      await page.click('[data-action="bargain.help"]');
      await expect.poll(() => alert.textContent()).toBe('请先登录后再参与');
      who = played.viewers.initiator; // the initiator cannot cut their own price: the engine's reason, in words
      await page.click('[data-action="bargain.help"]');
      await expect.poll(() => alert.textContent()).toBe('不能为自己助力，快邀请好友吧');
      await page.context().setOffline(true);
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await page.click('[data-action="bargain.help"]');
      await expect.poll(() => alert.textContent()).toBe('网络连接失败，请检查网络后再试');
    } finally {
      await page.close();
      await played.engine.dispose();
    }
  }, 60_000);

  it('validates the lead form before sending it, and sends it with the consent box as ticked by the person', async () => {
    const campaign = campaigns.find((c) => c.kind === 'bargain') as AnyCampaign;
    const played = await playScene(campaign, 'active');
    const view = await played.engine.view(played.instanceId, played.viewers.visitor);
    // The countdown follows the server's clock: the page says one hour is left whatever the phone's clock says.
    const serverNow = (view.deadline?.at ?? 0) - 3_600_000;
    const html = renderDocument({
      campaign,
      view: { ...view, serverNow },
      disclosure: played.engine.disclose(campaign.id, 'zh-CN'),
      locale: 'zh-CN',
      leadFormAction: '/leads',
      islands: { apiBase: '/api', instanceId: played.instanceId, pollMs: 0 },
    });
    const leads: unknown[] = [];
    const server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/leads') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          leads.push(JSON.parse(body));
          res.setHeader('content-type', 'application/json');
          res.end('{"ok":true}');
        });
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(html);
    });
    const origin = await listenLocally(server);
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      await expect.poll(() => page.locator('[data-deadline]').textContent()).toMatch(/^剩余 0:59:\d{2}$/);
      await page.fill('input[name=phone]', '123');
      await page.fill('input[name=code]', '1234');
      await page.click('form[data-lead] button[type=submit]');
      expect(
        await page.evaluate(() =>
          document.querySelector<HTMLFormElement>('form[data-lead]')?.checkValidity(),
        ),
      ).toBe(false);
      expect(leads).toEqual([]);
      expect(await page.locator('input[name=consent]').isChecked()).toBe(false);
      await page.fill('input[name=phone]', '13800138000');
      await page.check('input[name=consent]');
      await page.click('form[data-lead] button[type=submit]');
      await expect.poll(() => leads.length).toBe(1);
      expect(leads[0]).toEqual({ phone: '13800138000', code: '1234', consent: 'on' });
      await expect.poll(() => page.locator('form[data-lead]').textContent()).toBe('✓');
    } finally {
      await page.close();
      server.close();
      await played.engine.dispose();
    }
  }, 60_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AnyCampaign, defineCampaign } from '@liebian/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, listenLocally } from './node/chromium.test-utils.js';
import { PREVIEW_ROLES, playScene, SCENES } from './preview/scenes.js';
import { renderDocument } from './render-document.js';

const haveBrowser = haveChromium('the page browser tests');

const dir = new URL('../../../examples/campaigns/', import.meta.url);
const campaigns: AnyCampaign[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => defineCampaign(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));

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
      for (const scene of SCENES) {
        const played = await playScene(campaign, scene.id);
        for (const role of PREVIEW_ROLES) {
          const html = renderDocument({
            campaign,
            view: await played.engine.view(played.instanceId, played.viewers[role.id]),
            disclosure: played.engine.disclose(campaign.id, 'zh-CN'),
            locale: 'zh-CN',
            leadFormAction: '/leads',
          });
          await page.setContent(html);
          const where = `${scene.id} as ${role.id}`;
          for (const section of ['hook', 'proof', 'cta-section', 'rules'])
            expect(await page.locator(`section.${section}`).count(), `${where}: ${section}`).toBe(1);
          // The notice comes with a lead form and only then (its fields say who processes what).
          const takesLeads = campaign.page.cta.leadForm?.enabled === true && campaign.disclosure.privacy;
          expect(await page.locator('section.privacy').count(), where).toBe(takesLeads ? 1 : 0);
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
        await played.engine.dispose();
      }
      await page.close();
    },
    60_000,
  );

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

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createEngine, createHandler, defineCampaign, verifyInvite } from '@liebian/core';
import { sendResponse, toRequest } from '@liebian/core/node';
import { describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, listenLocally } from './node/chromium.test-utils.js';
import { renderDocument } from './render-document.js';

const haveBrowser = haveChromium('the islands browser test');

describe.skipIf(!haveBrowser)('islands in Chromium, inside WeChat', () => {
  it('configure the JS-SDK before any tap and give WeChat the signed invite to share, granting nothing', async () => {
    const campaign = defineCampaign(
      JSON.parse(readFileSync(new URL('../../../examples/campaigns/bargain.json', import.meta.url), 'utf8')),
    );
    const engine = createEngine({ campaigns: [campaign] });
    const started = await engine.start(campaign.id, { actor: { id: 'alice' } });
    const api = createHandler(engine, {
      authenticate: () => ({ id: 'alice' }),
      invites: { secret: 'wx-test' },
    });
    const signatures: string[] = [];
    const server = createServer(async (req, res) => {
      const request = toRequest(req, { origin: 'http://127.0.0.1' }) as Request;
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) return sendResponse(res, await api(request));
      if (url.pathname === '/wx-signature') {
        signatures.push(url.searchParams.get('url') ?? '');
        return sendResponse(
          res,
          Response.json({ appId: 'wx123', timestamp: 1, nonceStr: 'n', signature: 's' }),
        );
      }
      const html = renderDocument({
        campaign,
        view: await engine.view(started.instanceId, { id: 'alice' }),
        disclosure: engine.disclose(campaign.id, 'zh-CN'),
        locale: 'zh-CN',
        islands: {
          apiBase: '/api',
          instanceId: started.instanceId,
          pollMs: 0,
          wechat: {
            signatureUrl: '/wx-signature',
            share: { title: '帮我砍一刀', desc: '差一点就到 9.9 了' },
          },
        },
      });
      return sendResponse(
        res,
        new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      );
    });
    const origin = await listenLocally(server);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // A stand-in for the JS-SDK that records what the page asks of it.
      await page.addInitScript(() => {
        const calls: [string, unknown][] = [];
        Object.assign(window, {
          wxCalls: calls,
          wx: {
            config: (o: unknown) => calls.push(['config', o]),
            error: () => {},
            ready: (f: () => void) => setTimeout(f, 0),
            updateAppMessageShareData: (d: unknown) => calls.push(['appMessage', d]),
            updateTimelineShareData: (d: unknown) => calls.push(['timeline', d]),
          },
        });
      });
      await page.goto(`${origin}/i/${started.instanceId}?from=moments#top`);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { wxCalls: unknown[] }).wxCalls.length))
        .toBe(3);
      const calls = await page.evaluate(
        () => (window as unknown as { wxCalls: [string, Record<string, unknown>][] }).wxCalls,
      );
      expect(signatures).toEqual([`${origin}/i/${started.instanceId}?from=moments`]);
      expect(calls[0]).toEqual([
        'config',
        expect.objectContaining({
          appId: 'wx123',
          jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'],
        }),
      ]);
      const [, appMessage] = calls[1] as [string, { title: string; link: string }];
      expect(appMessage.title).toBe('帮我砍一刀');
      expect(appMessage.link).toMatch(/\/invite\//);
      // One link per share menu, each with its channel sealed in: a chat or group message, and moments.
      const [, timeline] = calls[2] as [string, { link: string }];
      const channelOf = async (link: string) => {
        const check = await verifyInvite(link.split('/invite/')[1] ?? '', 'wx-test', Date.now());
        return check.ok ? check.claims.channel : check.reason;
      };
      expect([await channelOf(appMessage.link), await channelOf(timeline.link)]).toEqual(['chat', 'moments']);
      // Nothing was granted for a share that may never happen: the instance is untouched.
      expect((await engine.view(started.instanceId, null)).state).toBe('cutting');
    } finally {
      await browser.close();
      server.close();
      await engine.dispose();
    }
  }, 60_000);
});

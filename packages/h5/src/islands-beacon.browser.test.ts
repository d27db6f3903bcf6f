import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createEngine, createHandler, defineCampaign, signInvite } from '@liebian/core';
import { readCells } from '@liebian/core/analytics';
import { sendResponse, toRequest } from '@liebian/core/node';
import { createMemoryStore } from '@liebian/core/store';
import { describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, listenLocally } from './node/chromium.test-utils.js';
import { renderDocument } from './render-document.js';

const haveBrowser = haveChromium('the islands beacon browser test');

describe.skipIf(!haveBrowser)('islands in Chromium, reporting page events', () => {
  it('send page view, invite open and sections seen to the beacon, and the link’s channel with a help', async () => {
    const campaign = defineCampaign(
      JSON.parse(readFileSync(new URL('../../../examples/campaigns/bargain.json', import.meta.url), 'utf8')),
    );
    const store = createMemoryStore();
    const engine = createEngine({ campaigns: [campaign], store, recordEvents: true });
    const started = await engine.start(campaign.id, { actor: { id: 'alice' } });
    const secret = 'beacon-test';
    const token = await signInvite(
      {
        campaignId: campaign.id,
        instanceId: started.instanceId,
        inviterId: 'alice',
        expiresAt: Date.now() + 86_400_000,
        channel: 'moments',
      },
      secret,
    );
    const api = createHandler(engine, {
      authenticate: () => ({ id: 'bob' }),
      invites: { secret },
      beacon: { store },
    });
    const beacons: { type: string; invite?: string; visitor?: string }[] = [];
    const server = createServer(async (req, res) => {
      const request = toRequest(req, { origin: 'http://127.0.0.1' }) as Request;
      const url = new URL(request.url);
      if (url.pathname === '/api/beacon') beacons.push(...(await request.clone().json()));
      if (url.pathname.startsWith('/api/')) return sendResponse(res, await api(request));
      const html = renderDocument({
        campaign,
        view: await engine.view(started.instanceId, { id: 'bob' }),
        disclosure: engine.disclose(campaign.id, 'zh-CN'),
        locale: 'zh-CN',
        islands: { apiBase: '/api', instanceId: started.instanceId, pollMs: 0 },
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
      await page.goto(`${origin}/i/${started.instanceId}?invite=${token}`);
      // Leaving the page sends what is queued at once (no waiting for the batch timer).
      const types = async () => {
        await page.evaluate(() => dispatchEvent(new Event('pagehide')));
        return [...new Set(beacons.map((b) => b.type))].sort();
      };
      await expect.poll(types).toEqual(expect.arrayContaining(['invite-open', 'page-view', 'section-seen']));
      expect(beacons.every((b) => b.invite === token && /^[A-Za-z0-9_-]{8,64}$/.test(b.visitor ?? ''))).toBe(
        true,
      );
      const cells = async () =>
        Object.fromEntries(
          (await readCells({ store, campaign })).map((c) => [`${c.metric}|${c.channel}`, c.value]),
        );
      await expect.poll(cells).toMatchObject({ 'page:invite-open|moments': 1, 'friends-opened|moments': 1 });

      await page.click('[data-action="bargain.help"]');
      const helped = async () => {
        const outbox = await store.readOutbox(null, 100);
        return outbox
          .map((i) => i.payload as { type: string; payload: { event?: string; channel?: string | null } })
          .filter((e) => e.type === 'event.applied' && e.payload.event === 'bargain.help')
          .map((e) => e.payload.channel);
      };
      await expect.poll(helped).toEqual(['moments']);
    } finally {
      await browser.close();
      server.close();
      await engine.dispose();
    }
  }, 60_000);
});

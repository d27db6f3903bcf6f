/// <reference types="vite/client" />
/**
 * One phone frame of `liebian preview`: plays a scene on the real engine (memory store) in this page, serves the
 * page's API with msw over `createHandler`, and shows the server-rendered landing page. The islands then act
 * through that API and swap in each new render, exactly as on a deployed page.
 */

import state from 'virtual:liebian-preview-state';
import { createHandler, defineCampaign } from '@liebian/core';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { renderDocument } from '../../render-document.js';
import { type PreviewRole, playScene, type SceneId } from '../scenes.js';

const params = new URLSearchParams(location.search);
const scene = (params.get('scene') ?? 'fresh') as SceneId;
const role = (params.get('role') ?? 'friend') as PreviewRole;
const campaign = defineCampaign((state as { campaign: unknown }).campaign);
const played = await playScene(campaign, scene);
const viewer = played.viewers[role];
const handler = createHandler(played.engine, {
  basePath: '/api',
  authenticate: () => viewer,
  invites: { secret: 'liebian-preview-only' },
});

const page = async () =>
  renderDocument({
    campaign,
    view: await played.engine.view(played.instanceId, viewer),
    disclosure: played.engine.disclose(campaign.id, 'zh-CN'),
    locale: 'zh-CN',
    leadFormAction: '/api/leads',
    islands: { apiBase: '/api', instanceId: played.instanceId, pollMs: 2000 },
  });

const worker = setupWorker(
  http.all('/api/leads', () => Response.json({ ok: true, preview: 'not stored' })),
  http.all('/api/*', ({ request }) => handler(request)),
  // The islands fetch this page again to swap in the new state.
  http.get(
    '/frame.html',
    async () => new Response(await page(), { headers: { 'content-type': 'text/html' } }),
  ),
);
await worker.start({
  quiet: true,
  onUnhandledRequest: 'bypass',
  serviceWorker: { url: '/mockServiceWorker.js' },
});

document.open();
document.write(await page());
document.close();

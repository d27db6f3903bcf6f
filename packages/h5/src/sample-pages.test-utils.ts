import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type AnyCampaign, createHandler, defineCampaign, type Locale } from '@liebian/core';
import type { Page } from 'playwright-core';
import { PREVIEW_ROLES, playScene, SCENES } from './preview/scenes.js';
import { renderDocument } from './render-document.js';

const dir = new URL('../../../examples/campaigns/', import.meta.url);

/** The sample campaign files as written (for the strings their authors wrote) and as validated. */
export const SAMPLE_FILES = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const input = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, unknown>;
    return { file: f, input, campaign: defineCampaign(input) as AnyCampaign };
  });

export const SAMPLES: readonly AnyCampaign[] = SAMPLE_FILES.map((s) => s.campaign);

/** The origin sample pages are shown at in Chromium; nothing is fetched from the network for it. */
export const SAMPLE_ORIGIN = 'http://liebian.test';

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * Shows `html` in `page` as `SAMPLE_ORIGIN/`, with the samples' root-relative images (`/images/…`) served from
 * examples/campaigns/images, the way a site serves the assets its campaigns name, and `/api/…` answered by `api`
 * (e.g. `createHandler` over the engine that played the scene).
 */
export async function showSamplePage(
  page: Page,
  html: string,
  api?: (request: Request) => Promise<Response>,
): Promise<void> {
  await page.unroute(`${SAMPLE_ORIGIN}/**`);
  await page.route(`${SAMPLE_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    if (path.startsWith('/api/') && api) {
      const body = request.postData();
      const answer = await api(
        new Request(request.url(), {
          method: request.method(),
          headers: await request.allHeaders(),
          ...(body === null ? {} : { body }),
        }),
      );
      return route.fulfill({
        status: answer.status,
        headers: Object.fromEntries(answer.headers),
        body: Buffer.from(await answer.arrayBuffer()),
      });
    }
    if (path.startsWith('/images/') && !path.includes('..'))
      return route.fulfill({
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
        body: readFileSync(new URL(`.${path}`, dir)),
      });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${SAMPLE_ORIGIN}/`, { waitUntil: 'load' });
}

export interface SamplePage {
  readonly campaign: AnyCampaign;
  /** The campaign file as written. */
  readonly input: Record<string, unknown>;
  /** `<kind> <scene> as <role>`. */
  readonly where: string;
  readonly html: string;
  /** `createHandler` over the scene's engine, for this viewer (signed invites on). */
  readonly api: (request: Request) => Promise<Response>;
}

/**
 * Every sample (or one) in every scene for every role, rendered by `renderDocument` in `locale` with the lead form
 * (and the islands against `/api` when `islands` is set); each scene's engine is disposed after its pages.
 */
export async function* samplePages({
  locale,
  only,
  islands = false,
}: {
  locale: Locale;
  only?: AnyCampaign;
  islands?: boolean;
}): AsyncGenerator<SamplePage> {
  for (const { campaign, input } of SAMPLE_FILES.filter((s) => !only || s.campaign === only))
    for (const scene of SCENES) {
      const played = await playScene(campaign, scene.id);
      for (const role of PREVIEW_ROLES) {
        const viewer = played.viewers[role.id];
        const html = renderDocument({
          campaign,
          view: await played.engine.view(played.instanceId, viewer),
          disclosure: played.engine.disclose(campaign.id, locale),
          locale,
          leadFormAction: '/leads',
          ...(islands ? { islands: { apiBase: '/api', instanceId: played.instanceId, pollMs: 0 } } : {}),
        });
        const api = createHandler(played.engine, {
          authenticate: () => viewer,
          invites: { secret: 'sample-pages' },
        });
        yield { campaign, input, where: `${campaign.kind} ${scene.id} as ${role.id}`, html, api };
      }
      await played.engine.dispose();
    }
}

import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type AnyCampaign, defineCampaign } from '@liebian/core';
import type { Page } from 'playwright-core';

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

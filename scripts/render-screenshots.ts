/**
 * `npm run docs:screenshots`: renders each sample campaign's landing page in real states, for its initiator and a
 * friend, and takes phone-sized screenshots with Debian's Chromium (playwright-core; no browser download).
 * Output: docs/h5/<kind>-<role>.png (three friends acted), docs/h5/gallery/<kind>-<scene>-<role>.png (every
 * scene), and docs/h5/preview.png (`liebian preview` on the bargain sample).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PREVIEW_ROLES, playScene, renderDocument, SCENES } from '@liebian/h5';
import { startPreview } from '@liebian/h5/node';
import { launchChromium } from '../packages/h5/src/node/chromium.test-utils.js';
import { SAMPLES, showSamplePage } from '../packages/h5/src/sample-pages.test-utils.js';

const browser = await launchChromium();
// The README's pages at 2× (sharp on a retina screen), the gallery's many at 1× (small files).
const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
const small = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1 });
mkdirSync('docs/h5/gallery', { recursive: true });
for (const campaign of SAMPLES) {
  for (const scene of SCENES) {
    // The scenes `liebian preview` shows, played on the real engine.
    const { engine, instanceId, viewers } = await playScene(campaign, scene.id);
    for (const role of PREVIEW_ROLES.filter((r) => r.id !== 'visitor')) {
      const html = renderDocument({
        campaign,
        view: await engine.view(instanceId, viewers[role.id]),
        disclosure: engine.disclose(campaign.id, 'zh-CN'),
        locale: 'zh-CN',
        leadFormAction: '/leads',
      });
      await showSamplePage(small, html);
      const path = `docs/h5/gallery/${campaign.kind}-${scene.id}-${role.id}.png`;
      writeFileSync(path, await small.screenshot());
      console.log(`wrote ${path}`);
      if (scene.id !== 'active') continue;
      await showSamplePage(page, html);
      writeFileSync(`docs/h5/${campaign.kind}-${role.id}.png`, await page.screenshot());
    }
    await engine.dispose();
  }
}

// `liebian preview` on the bargain sample, as a marketer sees it.
const preview = await startPreview({ file: 'examples/campaigns/bargain.json', port: 0 });
const shell = await browser.newPage({ viewport: { width: 1440, height: 900 } });
// The sample's product image, as the site that hosts the campaign serves it (the preview serves no assets).
await shell.route('**/images/*.svg', (route) =>
  route.fulfill({
    contentType: 'image/svg+xml',
    body: readFileSync(
      `examples/campaigns/images/${new URL(route.request().url()).pathname.split('/').pop()}`,
    ),
  }),
);
await shell.goto(preview.url);
await shell.click('label:has(input[value=iphone-se])');
for (const frame of await shell.locator('iframe').elementHandles())
  await (await frame.contentFrame())?.waitForSelector('main h1', { timeout: 30_000 });
writeFileSync('docs/h5/preview.png', await shell.screenshot());
console.log('wrote docs/h5/preview.png');
await preview.close();
await browser.close();

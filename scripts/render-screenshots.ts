/**
 * `npm run docs:screenshots`: renders each sample campaign's landing page in a real state, for its initiator and a
 * friend, and takes phone-sized screenshots with Debian's Chromium (playwright-core; no browser download).
 * Output: docs/h5/<kind>-<role>.png, and docs/h5/preview.png (`liebian preview` on the bargain sample).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineCampaign } from '@liebian/core';
import { playScene, renderDocument } from '@liebian/h5';
import { startPreview } from '@liebian/h5/node';
import { launchChromium } from '../packages/h5/src/node/chromium.test-utils.js';

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
for (const file of readdirSync('examples/campaigns').filter((f) => f.endsWith('.json'))) {
  const campaign = defineCampaign(JSON.parse(readFileSync(`examples/campaigns/${file}`, 'utf8')));
  // The same scene `liebian preview` shows as "three friends acted", played on the real engine.
  const { engine, instanceId, viewers } = await playScene(campaign, 'active');
  for (const [role, viewer] of [
    ['initiator', viewers.initiator],
    ['friend', viewers.visitor],
  ] as const) {
    const html = renderDocument({
      campaign,
      view: await engine.view(instanceId, viewer),
      disclosure: engine.disclose(campaign.id, 'zh-CN'),
      locale: 'zh-CN',
      leadFormAction: '/leads',
    });
    await page.setContent(html, { waitUntil: 'load' });
    const path = `docs/h5/${campaign.kind}-${role}.png`;
    writeFileSync(path, await page.screenshot({ fullPage: false }));
    console.log(`wrote ${path}`);
  }
}

// `liebian preview` on the bargain sample, as a marketer sees it.
const preview = await startPreview({ file: 'examples/campaigns/bargain.json', port: 0 });
const shell = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await shell.goto(preview.url);
await shell.click('label:has(input[value=iphone-se])');
for (const frame of await shell.locator('iframe').elementHandles())
  await (await frame.contentFrame())?.waitForSelector('main h1', { timeout: 30_000 });
writeFileSync('docs/h5/preview.png', await shell.screenshot());
console.log('wrote docs/h5/preview.png');
await preview.close();
await browser.close();

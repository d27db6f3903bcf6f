/**
 * `npm run docs:console-screenshots`: the operator console over an engine with real activity (the console browser
 * tests' fixture: held helps, a frozen leaderboard, a referral ledger, dead letters, the analytics), screenshotted with Debian's
 * Chromium after real clicks. Output: docs/console/<page>.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startConsoleWorld } from '../packages/h5/src/console/console-fixture.test-utils.js';
import { launchChromium } from '../packages/h5/src/node/chromium.test-utils.js';

const world = await startConsoleWorld();
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addCookies([{ name: 'op', value: 'ada', url: world.origin }]);
const page = await context.newPage();
mkdirSync('docs/console', { recursive: true });
const shot = async (name: string) => {
  const path = `docs/console/${name}.png`;
  writeFileSync(path, await page.screenshot({ fullPage: true }));
  console.log(`wrote ${path}`);
};
const open = (path: string) => page.goto(`${world.origin}/console${path}`);

await open('/reviews');
await shot('reviews');
await page.check(`tr[data-review="${await world.heldId('help-suspect-1')}"] input[type=checkbox]`);
await page.click('button[value=approve]');
await shot('review-confirm');
await page.click('button[type=submit]');
await page.waitForURL(/notice=/);
await open('/campaigns/tea-set-bargain');
await page.click('button:has-text("暂停")');
await shot('pause-confirm');
await page.click('button[type=submit]');
await page.waitForURL(/notice=/);
await world.analytics.consumer.drain(); // the analytics counted up to now
await page.reload();
await shot('campaign');
await open('/');
await shot('campaigns');
await open('/settlements');
await shot('settlements');
await page.click(`[data-board="${world.boardId}"] tr[data-standing="lin"] button`);
await page.fill('input[name=reason]', '同一设备多个账号');
await shot('flag-confirm');
await open('/delivery');
await shot('delivery');
await open('/audit');
await shot('audit');
await open('/campaigns/tea-set-bargain?lang=en');
await shot('campaign-en');
await browser.close();
await world.close();

import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from './chromium.test-utils.js';
import { startPreview } from './preview-server.js';

const haveBrowser = haveChromium('the preview browser test');

const dir = mkdtempSync(join(tmpdir(), 'liebian-preview-'));
const file = join(dir, 'bargain.json');
copyFileSync(new URL('../../../../examples/campaigns/bargain.json', import.meta.url), file);
cpSync(new URL('../../../../examples/campaigns/images', import.meta.url), join(dir, 'images'), {
  recursive: true,
});
const original = JSON.parse(readFileSync(file, 'utf8'));

let browser: Browser;
let preview: Awaited<ReturnType<typeof startPreview>> | undefined;

beforeAll(async () => {
  if (!haveBrowser) return;
  preview = await startPreview({ file, port: 0 });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The phone frame of a scene in the first row, once its page has rendered. */
async function frameOf(page: Page, scene: string): Promise<Frame> {
  const handle = await page.waitForSelector(`section.row:first-of-type iframe[data-scene=${scene}]`);
  const frame = (await handle.contentFrame()) as Frame;
  await frame.waitForSelector('main h1', { timeout: 30_000 });
  return frame;
}

describe.skipIf(!haveBrowser)('liebian preview in Chromium', () => {
  it('shows every state in phone frames, runs the flows with no backend, and follows the file', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(preview?.url as string);
    expect(await page.locator('section.row').count()).toBe(3); // 375×667, 360×740, 412×915
    expect(await page.locator('section.row:first-of-type iframe').count()).toBe(4);

    // A friend helps in the fresh state: the request goes to msw in the page, over the real engine.
    const fresh = await frameOf(page, 'fresh');
    // The product image the campaign names as /images/tea-set.svg, served from beside the file.
    const hero = fresh.locator('img[src="/images/tea-set.svg"]').first();
    await expect
      .poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const before = await fresh.locator('.big').first().textContent();
    await fresh.click('[data-action="bargain.help"]');
    await expect
      .poll(() => fresh.locator('.big').first().textContent(), { timeout: 15_000 })
      .not.toBe(before);
    expect(await fresh.locator('.cta').first().textContent()).toBe('你已经参与过了');

    // The role switcher: the initiator is asked to invite.
    await page.click('label:has(input[value=initiator])');
    const asInitiator = await frameOf(page, 'active');
    expect(await asInitiator.locator('.cta').first().textContent()).toBe('邀请好友帮砍');

    // A valid save re-renders with the new copy.
    writeFileSync(
      file,
      JSON.stringify({
        ...original,
        page: { ...original.page, hook: { ...original.page.hook, title: '改过的标题' } },
      }),
    );
    await expect
      .poll(async () => (await frameOf(page, 'fresh')).locator('main h1').textContent(), { timeout: 30_000 })
      .toBe('改过的标题');

    // An invalid save names the field, the value and the fix, and the last good render stays.
    writeFileSync(file, JSON.stringify({ ...original, rules: { ...original.rules, floorPrice: -5 } }));
    const problems = page.locator('#problems');
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toContain('rules.floorPrice');
    expect(await problems.textContent()).toContain('-5');
    expect(await (await frameOf(page, 'fresh')).locator('main h1').textContent()).toBe('改过的标题');
    await page.close();
  }, 120_000);
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createEngine, createHandler, defineCampaign } from '@liebian/core';
import { sendResponse, toRequest } from '@liebian/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { haveChromium, launchChromium, listenLocally } from './chromium.test-utils.js';

const haveBrowser = haveChromium('the built-page browser test');

const sample = new URL('../../../../examples/campaigns/bargain.json', import.meta.url);
const outDir = mkdtempSync(join(tmpdir(), 'liebian-build-'));
let built: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  built = await buildSite({ file: sample.pathname, outDir, apiBase: '/lb' });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('liebian build', () => {
  it('writes a static shell and one content-hashed script, within the page budgets, loading nothing from elsewhere', () => {
    expect(built.files[0]).toBe('index.html');
    expect(built.files).toContain(built.script);
    expect(built.files.some((f) => /^assets\/poster-[\w-]{8}\.js$/.test(f))).toBe(true);
    expect(built.script).toMatch(/^assets\/static-page-[\w-]{8}\.js$/);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const js = readFileSync(join(outDir, built.script));
    expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
    // A regression guard, not the goal (10 KB, unmet: Preact is ~5 KB of it). Daily hours, helper rewards and tiers
    // took the bargain page from 13.3 KB to 15.3 KB in session 5.
    expect(gzipSync(js).length).toBeLessThanOrEqual(16 * 1024);
    // Only relative references: any static host, any sub-path, no CDN.
    expect(html).toContain(`<script type="module" src="./${built.script}">`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The shell already shows the hook and the rules before any script runs.
    expect(html).toContain('好友帮砍，9.9 元带走');
    expect(html).toContain('砍价规则');
    // One script for the page: its locale's words inlined (no second request), no other language's.
    expect(built.files.filter((f) => f.endsWith('.js'))).toHaveLength(2); // the page's and the poster's (on tap)
    expect(js.toString()).toContain('帮TA砍一刀');
    expect(js.toString()).not.toContain('Invite friends');
  });

  it("builds for the campaign's locale only: an English coupon page carries no Chinese words", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-build-en-'));
    try {
      const coupon = new URL('../../../../examples/campaigns/coupon.json', import.meta.url);
      const english = await buildSite({ file: coupon.pathname, outDir: dir, locale: 'en' });
      const js = readFileSync(join(dir, english.script), 'utf8');
      expect(js).toContain('Invite friends');
      expect(js).not.toContain('帮TA砍一刀');
      expect(js).not.toContain('邀请好友');
      expect(english.script).not.toBe(built.script);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!haveBrowser)('a built page in Chromium', () => {
  it('fills in the live state from the state endpoint, acts through it, and follows it without a reload', async () => {
    const campaign = defineCampaign(JSON.parse(readFileSync(sample, 'utf8')));
    const engine = createEngine({ campaigns: [campaign] });
    // The integrator's side: the static files from any host, the state endpoint where `apiBase` points.
    const handler = createHandler(engine, {
      basePath: '/lb',
      authenticate: (request) => {
        const user = /(?:^|;\s*)user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
        return user ? { id: decodeURIComponent(user) } : null;
      },
      invites: { secret: 'build-test' },
    });
    const server = createServer(async (req, res) => {
      const request = toRequest(req, { origin: 'http://127.0.0.1' }) as Request;
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/lb/')) return sendResponse(res, await handler(request));
      const path = join(outDir, pathname.replace(/^\/promo\//, '/').replace(/\/$/, '/index.html'));
      if (!existsSync(path)) return sendResponse(res, new Response('not found', { status: 404 }));
      const type = extname(path) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8';
      return sendResponse(res, new Response(readFileSync(path), { headers: { 'content-type': type } }));
    });
    const origin = await listenLocally(server);
    const browser = await launchChromium();
    try {
      const asUser = async (name: string) => {
        const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
        await context.addCookies([{ name: 'user', value: encodeURIComponent(name), url: origin }]);
        const page = await context.newPage();
        const foreign: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith(origin)) foreign.push(r.url());
        });
        return { page, foreign };
      };
      // The initiator starts from the shell's button (the page is served from a sub-path).
      const { page: initiator, foreign } = await asUser('小明');
      await initiator.goto(`${origin}/promo/`);
      await initiator.click('[data-action=start]');
      await initiator.waitForSelector('.widget');
      expect(initiator.url()).toMatch(/\?i=/);
      expect(await initiator.locator('.cta').first().textContent()).toBe('邀请好友帮砍');
      const before = await initiator.locator('.big').first().textContent();

      // A friend opens the same static page for that instance and helps.
      const { page: friend } = await asUser('阿强');
      await friend.goto(initiator.url());
      await friend.click('[data-action="bargain.help"]');
      await expect.poll(() => friend.locator('.cta').first().textContent()).toBe('你已经参与过了');

      // The initiator's page follows without a reload.
      await expect
        .poll(() => initiator.locator('.big').first().textContent(), { timeout: 15_000 })
        .not.toBe(before);
      // The poster is loaded on tap only, drawn on a canvas with the signed invite as a QR code, shown as an image.
      const chunks: string[] = [];
      initiator.on('request', (r) => {
        if (r.url().includes('/assets/')) chunks.push(r.url());
      });
      await initiator.click('[data-action=poster]');
      const poster = initiator.locator('dialog.poster img');
      await poster.waitFor();
      expect(chunks.some((url) => /\/assets\/poster-[\w-]+\.js$/.test(url))).toBe(true);
      expect(await poster.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual(
        [750, 1200],
      );
      expect(await poster.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await initiator.click('dialog.poster button');
      await expect.poll(() => initiator.locator('dialog.poster').count()).toBe(0);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
      server.close();
      await engine.dispose();
    }
  }, 60_000);
});

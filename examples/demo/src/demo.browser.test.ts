import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createMemoryStore, defineCampaign } from '@liebian/core';
import { createConsole } from '@liebian/h5/console';
import { buildPosterModule } from '@liebian/h5/node';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  haveChromium,
  launchChromium,
  listenLocally,
} from '../../../packages/h5/src/node/chromium.test-utils.js';
import { createDemoServer, demoConsoleAccess } from './demo-server.js';

const haveBrowser = haveChromium('the demo browser test');

const dir = new URL('../../campaigns/', import.meta.url);
const campaigns = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => defineCampaign(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));

let browser: Browser;
let origin = '';
let close = () => {};
let instancesStarted = () => 0;

beforeAll(async () => {
  if (!haveBrowser) return;
  const store = createMemoryStore();
  const engine = createEngine({ campaigns, store });
  let starts = 0;
  const start = engine.start.bind(engine);
  engine.start = (...args) => {
    starts++;
    return start(...args);
  };
  instancesStarted = () => starts;
  const assetsDir = mkdtempSync(join(tmpdir(), 'liebian-demo-assets-'));
  const poster = await buildPosterModule(assetsDir);
  const server = createDemoServer({
    engine,
    campaigns,
    inviteSecret: 'browser-test',
    assets: { dir: assetsDir, poster },
    console: {
      basePath: '/console',
      handle: createConsole(engine, {
        store,
        ...demoConsoleAccess,
        secret: 'demo-browser-test-secret-0123456789',
      }).handle,
    },
  });
  origin = await listenLocally(server);
  browser = await launchChromium();
  close = () => server.close();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  close();
});

async function signedIn(
  name: string,
  next: string,
): Promise<{ context: BrowserContext; page: import('playwright-core').Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  await page.goto(`${origin}/login?next=${encodeURIComponent(next)}`);
  await page.fill('input[name=name]', name);
  await Promise.all([page.waitForURL(`**${next}`), page.click('button[type=submit]')]);
  // Opening /c/<campaign> only shows the launch button; launching is a form post.
  await Promise.all([page.waitForURL(/\/i\//), page.click('button[data-launch]')]);
  return { context, page };
}

async function inviteLink(page: import('playwright-core').Page): Promise<string> {
  await page.click('[data-action=invite]');
  const link = page.locator('#invite-link');
  await link.waitFor();
  return (await link.textContent()) ?? '';
}

/** Clicks an action button and waits until the page has swapped in the result (no reload). */
async function act(page: import('playwright-core').Page, action: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.refreshes ?? 0));
  await page.click(`[data-action="${action}"]`);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.refreshes ?? 0) > n, before);
}

/** Opens the invite as `name` (after a demo login) and, when `action` is given, clicks it. */
async function actAs(
  name: string,
  link: string,
  action: string | null,
  newUser = false,
): Promise<import('playwright-core').Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link); // the signed link resolves to the instance page
  const instancePath = new URL(page.url()).pathname;
  await page.goto(`${origin}/login?next=${encodeURIComponent(instancePath)}`);
  await page.fill('input[name=name]', name);
  if (newUser) await page.check('input[name=newUser]');
  await Promise.all([page.waitForURL(`**${instancePath}`), page.click('button[type=submit]')]);
  if (action) await act(page, action);
  return page;
}

describe.skipIf(!haveBrowser)('the demo in Chromium', () => {
  it('a friend opens the signed invite, helps, and the initiator sees the new amount; a tampered link is refused', async () => {
    const { page } = await signedIn('小明', '/c/tea-set-bargain');
    const before = await page.locator('.big').first().textContent();
    // The countdown island ticks from the server's time.
    await expect.poll(() => page.locator('[data-deadline]').textContent()).toMatch(/^剩余 \d+:\d{2}:\d{2}$/);
    const link = await inviteLink(page);
    expect(link).toContain('/invite/');
    expect(link).not.toContain(encodeURIComponent('小明')); // the link names no user
    // The share poster: its module is fetched on tap, and shows the page drawn with the invite as a QR code.
    await page.click('[data-action=poster]');
    await page.locator('dialog.poster img').waitFor();
    expect(
      await page.locator('dialog.poster img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(750);
    await page.click('dialog.poster button');
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const friend = await actAs('阿强', link, 'bargain.help');
    await expect.poll(() => friend.locator('.cta').first().textContent()).toBe('你已经参与过了');
    // The initiator's page follows the instance live: new amount and ticker, without a reload.
    await expect.poll(() => page.locator('.big').first().textContent(), { timeout: 15_000 }).not.toBe(before);
    expect(await page.textContent('body')).toContain('还需 4 位好友');
    expect(await page.locator('.ticker[aria-live=polite]').textContent()).toContain('阿*');
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

    const [prefix = '', token = ''] = link.split('/invite/');
    // One character of the opaque token changed (a middle one: every bit of it is used).
    const flipped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    expect(token).not.toContain('.'); // opaque: no readable payload part
    const tampered = `${prefix}/invite/${flipped}`;
    const response = await page.goto(tampered);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('邀请链接无效');
  }, 60_000);

  it('a group buy fills its seats through invites and succeeds when everyone paid', async () => {
    const { page } = await signedIn('团长', '/c/durian-group');
    const link = await inviteLink(page);
    const friends = [
      await actAs('阿芬', link, 'group-buy.join'),
      await actAs('阿华', link, 'group-buy.join'),
    ];
    for (const friend of friends) {
      expect(await friend.locator('.cta').first().textContent()).toBe('去付款 ¥99.00');
      await act(friend, 'group-buy.pay');
    }
    await page.reload();
    await act(page, 'group-buy.pay');
    expect(await page.locator('.cta').first().textContent()).toBe('拼团成功');
    expect(await page.textContent('.widget')).toContain('3/3 人已付款');
  }, 60_000);

  it('a new user accepts a referral invite and the referrer sees them; an existing user is refused', async () => {
    const { page } = await signedIn('老王', '/c/coffee-referral');
    const link = await inviteLink(page);
    const friend = await actAs('小李', link, 'referral.accept', true);
    expect(await friend.locator('.cta').first().textContent()).toBe('你已接受过邀请');
    await expect.poll(() => page.textContent('.widget'), { timeout: 15_000 }).toContain('已邀请 1 位好友');
    // Not a new user: the page says why instead of offering the accept button.
    const existing = await actAs('老张', link, null);
    expect(await existing.locator('.cta').first().textContent()).toMatch(/新用户/);
    expect(await existing.locator('.cta').first().isDisabled()).toBe(true);
  }, 60_000);

  it('is safe to expose: escaped names, CSRF-checked posts, same-site redirects, no launch on GET, CSP', async () => {
    // A name that would run script if printed raw: shown as text, no dialog, no element.
    const dialogs: string[] = [];
    const { page } = await signedIn('<svg/onload=alert()>', '/c/tea-set-bargain');
    const instancePath = new URL(page.url()).pathname;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.reload();
    expect(await page.textContent('body')).toContain('当前身份：<svg/onload=alert()>');
    expect(await page.locator('svg[onload]').count()).toBe(0);
    await page.goto(`${origin}/`);
    expect(await page.textContent('body')).toContain('你好，<svg/onload=alert()>');
    expect(dialogs).toEqual([]);

    // Plain http off localhost has no crypto.randomUUID (secure contexts only): the buttons still work.
    const insecure = await browser.newContext();
    await insecure.addInitScript(() => Reflect.deleteProperty(Crypto.prototype, 'randomUUID'));
    const friend = await insecure.newPage();
    await friend.goto(`${origin}/login?next=${encodeURIComponent(instancePath)}`);
    await friend.fill('input[name=name]', '没有UUID');
    await Promise.all([friend.waitForURL(`**${instancePath}`), friend.click('button[type=submit]')]);
    expect(await friend.evaluate(() => typeof crypto.randomUUID)).toBe('undefined');
    await act(friend, 'bargain.help');
    expect(await friend.locator('.cta').first().textContent()).toBe('你已经参与过了');
    await insecure.close();

    // Security headers on every page.
    const response = await page.goto(`${origin}/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(headers['x-content-type-options']).toBe('nosniff');

    // Opening a campaign link (a cross-site navigation, a prefetch) starts nothing.
    const before = instancesStarted();
    await page.goto(`${origin}/c/tea-set-bargain`);
    expect(await page.locator('button[data-launch]').count()).toBe(1);
    expect(instancesStarted()).toBe(before);

    // Another origin's page posting forms here: refused, nothing started, nobody logged in.
    const attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<form id=f method=post action="${origin}/c/tea-set-bargain"><input name=csrf value=guess></form>
<form id=g method=post action="${origin}/login" target=_blank><input name=name value=mallory></form>
<script>document.getElementById('f').submit()</script>`);
    });
    const attackerOrigin = await listenLocally(attacker);
    try {
      const forged = await Promise.all([page.waitForNavigation(), page.goto(attackerOrigin)]).then(
        () => page,
      );
      expect(forged.url()).toBe(`${origin}/c/tea-set-bargain`);
      expect(await forged.textContent('h1')).toBe('请求被拒绝');
      expect(instancesStarted()).toBe(before);
    } finally {
      attacker.close();
    }
    const login = await fetch(`${origin}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: attackerOrigin },
      body: 'name=mallory&next=/',
      redirect: 'manual',
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie') ?? '').not.toContain('liebian_demo_user=mallory');
    // Bodies are bounded.
    const huge = await fetch(`${origin}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `name=${'x'.repeat(100_000)}`,
    });
    expect(huge.status).toBe(413);

    // `next` only ever leads to a path on this site.
    for (const next of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const context = await browser.newContext();
      const visitor = await context.newPage();
      await visitor.goto(`${origin}/login?next=${encodeURIComponent(next)}`);
      await visitor.fill('input[name=name]', '路人');
      await Promise.all([visitor.waitForNavigation(), visitor.click('button[type=submit]')]);
      expect(new URL(visitor.url()).origin, next).toBe(origin);
      await context.close();
    }
  }, 60_000);
});

describe.skipIf(!haveBrowser)('the operator console in the demo', () => {
  it('sends a signed-out visitor to the login and back; a viewer sees the campaigns and no controls', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/console`);
    await page.waitForURL(/\/login\?next=%2Fconsole/);
    await page.fill('input[name=name]', 'viola');
    await Promise.all([page.waitForURL(`${origin}/console`), page.click('button[type=submit]')]);
    expect(await page.locator('tr[data-campaign]').count()).toBe(campaigns.length);
    await page.click(`a:has-text("${campaigns[0]?.name}")`);
    expect(await page.locator('form[method=post]').count()).toBe(0);
    const admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await admin.addCookies([{ name: 'liebian_demo_user', value: 'admin-ann', url: origin }]);
    const adminPage = await admin.newPage();
    await adminPage.goto(`${origin}/console/campaigns/${campaigns[0]?.id}`);
    expect(await adminPage.locator('button:has-text("暂停")').count()).toBe(1);
    await context.close();
    await admin.close();
  });
});

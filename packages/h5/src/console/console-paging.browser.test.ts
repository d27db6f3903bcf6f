import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from '../node/chromium.test-utils.js';
import { type ConsoleWorld, openConsole, signedIn, startConsoleWorld } from './console-fixture.test-utils.js';

const haveBrowser = haveChromium('the console paging browser tests');

let browser: Browser;
let world: ConsoleWorld;
beforeAll(async () => {
  // Two rows a page, so the fixture's three held events and three dead letters take two pages each.
  world = await startConsoleWorld({ pageSize: 2 });
  if (haveBrowser) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const as = (op: string) => signedIn(browser, world, op);
const open = (page: Page, path: string) => openConsole(page, world, path);
const attrs = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((rows, n) => rows.map((r) => r.getAttribute(n as string)), name);

/** Follows "next page" from the open page to the last, collecting `selector`'s `name` attribute of every row. */
async function walk(page: Page, selector: string, name: string, between?: () => Promise<void>) {
  const seen = [...(await attrs(page, selector, name))];
  let pages = 1;
  while ((await page.locator('a[data-next]').count()) > 0) {
    await between?.();
    await page.click('a[data-next]');
    await page.waitForLoadState();
    seen.push(...(await attrs(page, selector, name)));
    pages++;
  }
  return { seen, pages };
}

describe.skipIf(!haveBrowser)('paging in the console, in Chromium', () => {
  it('reviews page by a cursor: an event held meanwhile shifts nothing, and a decision on page 2 applies once', async () => {
    const page = await as('vic'); // paging is reading: a viewer pages too
    await open(page, '/reviews');
    const before = (await world.engine.reviews({ status: 'pending' })).map((r) => r.id);
    expect(before.length).toBe(3);
    // A fourth event is held after the first page was shown: it goes on top, and the next page goes on unchanged.
    const { seen, pages } = await walk(page, 'tr[data-review]', 'data-review', async () => {
      world.clock.advance(1000);
      await world.engine.send(
        world.bargainId,
        { type: 'bargain.help', eventId: 'help-suspect-4' },
        { actor: { id: 'suspect-4' } },
      );
    });
    expect(pages).toBe(2);
    expect(seen).toEqual(before);
    expect(await page.locator('form[method=post]').count()).toBe(0);
    // An operator approves the last one from page 2: confirmed twice, it applies once.
    const op = await as('olga');
    await open(op, '/reviews');
    await op.click('a[data-next]');
    const last = before.at(-1) as string;
    await op.check(`tr[data-review="${last}"] input[type=checkbox]`);
    await op.click('button[value=approve]');
    await op.dblclick('button[type=submit]');
    await op.waitForURL(/notice=/);
    const approved = await world.engine.reviews({ status: 'approved' });
    expect(approved.map((r) => r.id)).toEqual([last]);
    await open(op, '/audit');
    const all = await walk(op, 'tr[data-audit]', 'data-audit');
    expect(all.seen).toEqual(['review.approve']);
  });

  it('the audit pages newest first with no entry twice or missed while entries are added', async () => {
    const op = await as('olga');
    // Four more decisions: each its own audit entry.
    await open(op, '/reviews');
    for (let i = 0; i < 2; i++) {
      await op.check('input[data-select-all=id]');
      await op.click('button[value=reject]');
      await op.fill('input[name=reason]', `批量驳回 ${i}`);
      await op.click('button[type=submit]');
      await op.waitForURL(/notice=/);
    }
    const page = await as('vic');
    await open(page, '/audit');
    const ids = async () => (await world.engine.reviews({ limit: 500 })).length;
    expect(await ids()).toBe(4);
    let added = 0;
    const { seen, pages } = await walk(page, 'tr[data-audit]', 'data-audit', async () => {
      // An operator acts while the viewer pages: the new entry is on top of page 1, not repeated on the next page.
      if (added++ > 0) return;
      world.clock.advance(1000); // a later entry (entries of one millisecond are ordered by their ids)
      await open(op, '/campaigns/tea-set-bargain');
      await op.click('button:has-text("暂停")');
      await op.click('button[type=submit]');
      await op.waitForURL(/notice=/);
    });
    expect(seen.length).toBe(4); // 1 approval, 3 rejections: the pause came after page 1
    expect(seen.filter((a) => a === 'review.reject').length).toBe(3);
    expect(pages).toBe(2);
    await open(page, '/audit');
    expect((await attrs(page, 'tr[data-audit]', 'data-audit'))[0]).toBe('campaign.pause');
    // One campaign's entries only, from its page's link; the filter is kept from page to page.
    await open(op, '/campaigns/steps-board');
    await op.click('a:has-text("本活动的全部操作记录")');
    expect(await op.locator('[data-filter="steps-board"]').count()).toBe(1);
    expect(await op.locator('tr[data-audit]').count()).toBe(0);
    await open(op, '/campaigns/tea-set-bargain');
    await op.click('a:has-text("本活动的全部操作记录")');
    const filtered = await walk(op, 'tr[data-audit]', 'data-audit');
    expect(filtered.seen.length).toBe(5);
    expect(new URL(op.url()).searchParams.get('campaign')).toBe('tea-set-bargain');
  });

  it("dead letters page by the store's own cursor, each consumer on its own", async () => {
    const page = await as('ada');
    await open(page, '/delivery');
    const section = 'section:has(h2 code:text-is("rewards"))';
    expect(await page.locator(`${section} [data-letter]`).count()).toBe(2);
    const first = await attrs(page, `${section} [data-letter]`, 'data-letter');
    await page.click(`${section} a[data-next]`);
    await page.waitForLoadState();
    const second = await attrs(page, `${section} [data-letter]`, 'data-letter');
    expect(second.length).toBe(1);
    expect([...first, ...second].sort()).toEqual([...first, ...second]); // code-point order, no overlap
    expect(new Set([...first, ...second]).size).toBe(3);
    // Discarding from page 2 drops that one only.
    await page.check(`input[data-select-all="letter:rewards"]`);
    await page.click(`${section} button:has-text("丢弃")`);
    await page.dblclick('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect((await world.store.listDeadLetters('rewards', null, 10)).map((l) => l.item.dedupeKey)).toEqual(
      first,
    );
  });
});

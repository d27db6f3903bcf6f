import type { BargainView, LeaderboardView, ReferralView } from '@liebian/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from '../node/chromium.test-utils.js';
import { csrfToken } from './console-csrf.js';
import {
  type ConsoleWorld,
  NOW,
  openConsole,
  SECRET,
  signedIn,
  startConsoleWorld,
} from './console-fixture.test-utils.js';

const haveBrowser = haveChromium('the console browser tests');

let browser: Browser;
let world: ConsoleWorld;
beforeAll(async () => {
  world = await startConsoleWorld();
  if (haveBrowser) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const as = (op: string) => signedIn(browser, world, op);
const open = (page: Page, path: string) => openConsole(page, world, path);
/** A form post as a browser sends it (the console's CSP lets its pages fetch nothing, so it is sent from here). */
const post = (op: string, path: string, fields: string) =>
  fetch(new URL(path, world.origin), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
    headers: {
      cookie: `op=${op}`,
      origin: world.origin,
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
const helps = async () => ((await world.engine.view(world.bargainId, null)) as BargainView).helps.count;

describe.skipIf(!haveBrowser)('the operator console in Chromium', () => {
  it('a review approved applies exactly once, even when confirmed twice and approved again from a stale page', async () => {
    const page = await as('olga');
    const stale = await as('olga');
    await open(stale, '/reviews'); // a second tab that still shows the event as pending
    await open(page, '/reviews');
    const id = await world.heldId('help-suspect-1');
    await page.check(`tr[data-review="${id}"] input[type=checkbox]`);
    await page.click('button[value=approve]');
    await expect.poll(() => page.textContent('[data-consequence]')).toContain('1 个被拦下的事件');
    // The confirmation's form, as the browser would send it again (a double click, a resubmission).
    const replay = await page.evaluate(() => {
      const form = document.querySelector('form[method=post]') as HTMLFormElement;
      return { action: form.action, body: new URLSearchParams(new FormData(form) as never).toString() };
    });
    await page.dblclick('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(await page.textContent('.notice')).toContain('已完成并记录');
    const again = await post('olga', replay.action, replay.body);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toMatch(/again=1/);
    await page.goto(new URL(again.headers.get('location') as string, world.origin).href);
    expect(await page.textContent('.notice')).toContain('已经提交过');
    await stale.check(`tr[data-review="${id}"] input[type=checkbox]`);
    await stale.click('button[value=approve]');
    await stale.click('button[type=submit]');
    await stale.waitForURL(/notice=/);
    expect(await helps()).toBe(1);
    const [review] = (await world.engine.reviews({ status: 'approved' })).filter((r) => r.id === id);
    expect(review?.decision?.by).toBe('olga');
    // The same action key was recorded once; the stale page's approval is a second entry that changed nothing.
    await open(page, '/audit');
    expect(await page.locator('tr[data-audit="review.approve"]').count()).toBe(2);
    const rows = page.locator('tr[data-audit="review.approve"]');
    expect(await rows.filter({ hasText: '"duplicate": false' }).count()).toBe(1);
    expect(
      await rows.filter({ hasText: 'olga 已经决定过' }).filter({ hasText: '"duplicate": true' }).count(),
    ).toBe(1);
  });

  it('bulk reject asks for the reason, then refuses the events with it', async () => {
    const page = await as('olga');
    await open(page, '/reviews');
    await page.check('input[data-select-all=id]');
    expect(await page.locator('input[name=id]:checked').count()).toBe(2);
    await page.click('button[value=reject]');
    await page.click('button[type=submit]'); // no reason yet: the browser keeps the form (the field is required)
    expect(await page.locator('[data-consequence]').count()).toBe(1);
    // Sent anyway, the server asks again and decides nothing.
    const form = await page.evaluate(() => {
      const f = document.querySelector('form[method=post]') as HTMLFormElement;
      return { action: f.action, body: new URLSearchParams(new FormData(f) as never).toString() };
    });
    const unreasoned = await post('olga', form.action, form.body);
    expect(await unreasoned.text()).toContain('驳回需要填写原因');
    expect((await world.engine.reviews({ status: 'pending' })).length).toBe(2);
    await page.fill('input[name=reason]', '同一设备批量助力');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(await page.locator('tr[data-review]').count()).toBe(0);
    const retried = await world.engine.send(
      world.bargainId,
      { type: 'bargain.help', eventId: 'help-suspect-2' },
      { actor: { id: 'suspect-2' } },
    );
    expect(retried).toMatchObject({
      status: 'rejected',
      reason: 'review-rejected',
      detail: '同一设备批量助力',
    });
    expect(await helps()).toBe(1);
  });

  it('a viewer sees no action and a forged post is refused; a post without the CSRF token too', async () => {
    const page = await as('vic');
    for (const path of ['', '/reviews', '/settlements', '/delivery', `/campaigns/tea-set-bargain`]) {
      await open(page, path);
      expect(await page.locator('form[method=post]').count(), path).toBe(0);
    }
    // A viewer with a valid token of their own still may not act.
    const csrf = await csrfToken(SECRET, 'vic', NOW);
    const pause = (fields: Record<string, string>) =>
      new URLSearchParams({ to: 'pause', confirm: '1', ...fields }).toString();
    const forged = await post(
      'vic',
      '/console/campaigns/tea-set-bargain/phase',
      pause({ csrf, key: 'forged-key-1' }),
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('只读角色只能查看');
    const review = await world.heldId('help-suspect-2');
    const approve = new URLSearchParams({
      csrf,
      key: 'forged-key-2',
      id: review,
      decision: 'approve',
      confirm: '1',
    });
    expect((await post('vic', '/console/reviews', approve.toString())).status).toBe(403);
    // An operator's post without their token, with another operator's token, or from another site.
    expect(
      (await post('olga', '/console/campaigns/tea-set-bargain/phase', pause({ key: 'no-token-key' }))).status,
    ).toBe(403);
    expect(
      (await post('olga', '/console/campaigns/tea-set-bargain/phase', pause({ csrf, key: 'vic-token-key' })))
        .status,
    ).toBe(403);
    const olga = await csrfToken(SECRET, 'olga', NOW);
    const crossSite = await fetch(`${world.origin}/console/campaigns/tea-set-bargain/phase`, {
      method: 'POST',
      body: pause({ csrf: olga, key: 'cross-site-key' }),
      redirect: 'manual',
      headers: {
        cookie: 'op=olga',
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(crossSite.status).toBe(403);
    // A GET with the same fields changes nothing.
    expect(
      (
        await fetch(
          `${world.origin}/console/campaigns/tea-set-bargain/phase?${pause({ csrf: olga, key: 'get-key-123' })}`,
          { headers: { cookie: 'op=olga' } },
        )
      ).status,
    ).toBe(404);
    expect((await world.engine.reviews({ status: 'pending' })).length).toBe(0);
    expect(world.engine.phase('tea-set-bargain')).toBe('live');
  });

  it("the campaign page shows the dashboard's figures of the analytics, and how far its consumer is behind", async () => {
    const page = await as('vic');
    await open(page, '/campaigns/tea-set-bargain');
    // The review approved above committed after the analytics consumer last ran: not counted yet, and said so.
    const behind = Number(await page.getAttribute('[data-analytics-behind]', 'data-analytics-behind'));
    expect(behind).toBeGreaterThan(0);
    await world.analytics.consumer.drain();
    await page.reload();
    expect(await page.getAttribute('[data-analytics-behind]', 'data-analytics-behind')).toBe('0');
    const report = await world.analytics.report('tea-set-bargain');
    // The funnel's bars read label, value, label, value…: the values are the report's counts, in its order.
    const texts = await page
      .locator('[data-slot=analytics] [data-figures=funnel] svg text')
      .allTextContents();
    expect(texts.filter((_, i) => i % 2 === 1)).toEqual(
      report.funnel.mechanic.map((step) => (step.count === null ? '未采集' : String(step.count))),
    );
    expect(report.funnel.mechanic.some((step) => (step.count ?? 0) > 0)).toBe(true);
    for (const section of ['generations', 'days', 'money', 'channels', 'spreaders'])
      expect(await page.locator(`[data-slot=analytics] [data-figures=${section}]`).count(), section).toBe(1);
  });

  it('pause and resume state their consequence, change the phase and add rules versions; go live needs an admin', async () => {
    const page = await as('olga');
    await open(page, '/campaigns/tea-set-bargain');
    await page.click('button:has-text("暂停")');
    expect(await page.textContent('[data-consequence]')).toContain('好友的助力、参团、领取都会被拒绝');
    expect(world.engine.phase('tea-set-bargain')).toBe('live'); // nothing changes before the confirmation
    const replay = await page.evaluate(() => {
      const form = document.querySelector('form[method=post]') as HTMLFormElement;
      return { action: form.action, body: new URLSearchParams(new FormData(form) as never).toString() };
    });
    await page.dblclick('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(world.engine.phase('tea-set-bargain')).toBe('paused');
    // The same confirmation sent again (a resubmission) is answered as done before and changes nothing.
    const again = await post('olga', replay.action, replay.body);
    expect(again.headers.get('location')).toMatch(/again=1/);
    expect(world.engine.phase('tea-set-bargain')).toBe('paused');
    await page.click('button:has-text("恢复")');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(world.engine.phase('tea-set-bargain')).toBe('live');
    expect(await page.locator('h2:has-text("规则版本") + table tbody tr').count()).toBe(3);
    // A draft goes live only by an admin's hand.
    await open(page, '/campaigns/spring-assist');
    expect(await page.locator('button:has-text("上线")').count()).toBe(0);
    const admin = await as('ada');
    await open(admin, '/campaigns/spring-assist');
    await admin.click('button:has-text("上线")');
    expect(await admin.textContent('[data-consequence]')).toContain('将立即上线');
    await admin.click('button[type=submit]');
    await admin.waitForURL(/notice=/);
    expect(world.engine.phase('spring-assist')).toBe('live');
    // Ending a started campaign early is explained, not offered.
    await admin.click('button:has-text("结束")');
    expect(await admin.textContent('[data-consequence]')).toContain('不能提前');
    expect(await admin.locator('button[type=submit]').count()).toBe(0);
    await open(admin, '/audit');
    expect(await admin.locator('tr[data-audit="campaign.pause"]').count()).toBe(1);
    expect(await admin.textContent('tr[data-audit="campaign.pause"]')).toContain('"paused"');
  });

  it('settlements: a member is flagged with a reason (confirmed twice: once) and unflagged; a viewer cannot', async () => {
    const flagged = async () => {
      const stored = await world.store.load(world.boardId);
      return (stored?.snapshot as { context: { flagged: Record<string, string> } } | undefined)?.context
        .flagged as Record<string, string>;
    };
    const page = await as('olga');
    await open(page, '/settlements');
    await page.click(`[data-board="${world.boardId}"] tr[data-standing="lin"] button`);
    expect(await page.textContent('[data-consequence]')).toContain('将标记 lin');
    await page.click('button[type=submit]'); // no reason yet: the browser keeps the form
    expect(await page.locator('[data-consequence]').count()).toBe(1);
    await page.fill('input[name=reason]', '同一设备多个账号');
    const replay = await page.evaluate(() => {
      const form = document.querySelector('form[method=post]') as HTMLFormElement;
      return { action: form.action, body: new URLSearchParams(new FormData(form) as never).toString() };
    });
    await page.dblclick('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect((await flagged()).lin).toBe('同一设备多个账号');
    expect(await page.textContent('[data-flagged=lin]')).toContain('同一设备多个账号');
    expect(await page.locator('tr[data-standing=lin]').count()).toBe(0);
    await page.click('[data-flagged=lin] button');
    expect(await page.textContent('[data-consequence]')).toContain('取消对 lin 的标记');
    await page.fill('input[name=reason]', '核实为真实用户');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(Object.hasOwn(await flagged(), 'lin')).toBe(false);
    // The flag's confirmation sent again is the same action: lin is not flagged a second time.
    const again = await post('olga', replay.action, replay.body);
    expect(again.headers.get('location')).toMatch(/again=1/);
    expect(Object.keys(await flagged())).toEqual(['zhou']);
    // A viewer's post, even with their own valid token, is refused.
    const forged = new URLSearchParams({
      csrf: await csrfToken(SECRET, 'vic', NOW),
      key: 'viewer-flag-key',
      instance: world.boardId,
      member: 'mei',
      do: 'flag',
      reason: 'x',
      confirm: '1',
    });
    expect((await post('vic', '/console/settlements/flag', forged.toString())).status).toBe(403);
    expect(Object.keys(await flagged())).toEqual(['zhou']);
    await open(page, '/audit');
    const flags = page.locator('tr[data-audit="leaderboard.flag"]');
    expect(await flags.count()).toBe(1);
    expect(await flags.textContent()).toContain('"flagged": "同一设备多个账号"');
    expect(await page.textContent('tr[data-audit="leaderboard.unflag"]')).toContain('核实为真实用户');
  });

  it('settlements: a pending referral reward is approved ahead of its freeze, once', async () => {
    const status = async (referee: string) => {
      const context = (await world.store.load(world.linkId))?.snapshot as {
        context: { referrals: { referee: string; ledger: { side: string; status: string }[] }[] };
      };
      return context.context.referrals
        .find((r) => r.referee === referee)
        ?.ledger.find((e) => e.side === 'referrer')?.status;
    };
    const page = await as('olga');
    await open(page, '/settlements');
    const row = `tr[data-ledger="${world.linkId}:gus:referrer"]`;
    await page.click(`${row} button:has-text("提前批准")`);
    expect(await page.textContent('[data-consequence]')).toContain('被推荐人 gus');
    const replay = await page.evaluate(() => {
      const form = document.querySelector('form[method=post]') as HTMLFormElement;
      return { action: form.action, body: new URLSearchParams(new FormData(form) as never).toString() };
    });
    await page.dblclick('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(await status('gus')).toBe('approved');
    expect(await status('fay')).toBe('pending');
    expect(await page.locator(`${row} button:has-text("提前批准")`).count()).toBe(0);
    const again = await post('olga', replay.action, replay.body);
    expect(again.headers.get('location')).toMatch(/again=1/);
    await open(page, '/audit');
    const approvals = page.locator('tr[data-audit="referral.approve"]');
    expect(await approvals.count()).toBe(1);
    expect(await approvals.textContent()).toContain('"status": "approved"');
  });

  it('settlements: a frozen leaderboard is approved once; a pending referral reward is reversed', async () => {
    const page = await as('olga');
    await open(page, '/settlements');
    expect(await page.textContent(`[data-board="${world.boardId}"]`)).toContain('zhou（步数来自模拟器）');
    await page.click('button:has-text("确认榜单并结算")');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    const board = (await world.engine.view(world.boardId, null)) as LeaderboardView;
    expect(board.state).toBe('reviewed');
    // The prize ranks, with the flagged member left out: mei (18,000) wins, not zhou (19,990).
    expect(board.standings?.map((s) => [s.rank, s.score, s.rewardId])).toEqual([[1, 18000, 'coupon-20']]);
    await page.click('button:has-text("撤销奖励")');
    expect(await page.textContent('[data-consequence]')).toContain('fay');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    const link = (await world.engine.view(world.linkId, { id: 'rita' })) as ReferralView;
    expect(link.ledgerTotals.reversed).toBe(1);
  });

  it('delivery: an operator retries a dead letter, only an admin discards them', async () => {
    world.failing = false;
    const page = await as('olga');
    await open(page, '/delivery');
    const letters = page.locator('[data-letter]');
    // The frozen board's effect and the two upfront referee rewards failed at the start.
    expect(await letters.count()).toBe(3);
    expect(await page.locator('button:has-text("丢弃")').count()).toBe(0);
    const first = await letters.first().getAttribute('data-letter');
    await page.check(`input[value="${first}"]`);
    await page.click('button:has-text("重新投递")');
    await page.click('button[type=submit]');
    await page.waitForURL(/notice=/);
    expect(await page.textContent('.notice')).toContain('已投递 1 条');
    expect(await page.locator('[data-letter]').count()).toBe(2);
    const admin = await as('ada');
    await open(admin, '/delivery');
    await admin.check('input[data-select-all="letter:rewards"]');
    await admin.click('button:has-text("丢弃")');
    await admin.click('button[type=submit]');
    await admin.waitForURL(/notice=/);
    expect(await admin.locator('[data-letter]').count()).toBe(0);
  });

  it('speaks English with ?lang=en, and every action is in the audit', async () => {
    const page = await as('ada');
    await open(page, '/audit?lang=en');
    expect(await page.textContent('header nav')).toContain('Reviews');
    const actions = await page
      .locator('tr[data-audit]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit')));
    for (const action of [
      'review.approve',
      'review.reject',
      'campaign.pause',
      'campaign.resume',
      'campaign.schedule',
      'leaderboard.approve',
      'referral.refund',
      'referral.approve',
      'leaderboard.flag',
      'leaderboard.unflag',
      'dead-letter.retry',
      'dead-letter.discard',
    ])
      expect(actions, action).toContain(action);
  });
});

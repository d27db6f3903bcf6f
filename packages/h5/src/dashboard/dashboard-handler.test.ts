import { describe, expect, it } from 'vitest';
import { countedBargain } from './dashboard.test-utils.js';
import { createDashboardHandler } from './dashboard-handler.js';

describe('createDashboardHandler', () => {
  it('renders the counted figures for an authorized GET, escaped, with no script', async () => {
    const { store, campaign } = await countedBargain('<img src=x onerror=alert(1)>');
    const dashboard = createDashboardHandler({
      store,
      campaigns: [campaign],
      basePath: '/dashboard/',
      authorize: () => true,
    });
    const response = await dashboard(new Request(`http://x/dashboard/${campaign.id}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('帮砍');
    expect(html).toContain('未采集');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // alice: 5 friends brought, 2 of whom (the first helper and carol) launched; the bargain was bought at ¥9.90.
    expect(html).toMatch(/<td>alice<\/td><td>5<\/td><td>2<\/td>/);
    expect(html).toContain('¥9.90');
  });

  it('refuses what it should: no authorization, other methods, bad ranges, unknown campaigns', async () => {
    const { store, campaign } = await countedBargain();
    let allowed = false;
    const dashboard = createDashboardHandler({ store, campaigns: [campaign], authorize: () => allowed });
    expect((await dashboard(new Request(`http://x/${campaign.id}`))).status).toBe(403);
    allowed = true;
    expect((await dashboard(new Request(`http://x/${campaign.id}`, { method: 'POST' }))).status).toBe(405);
    const bad = await dashboard(new Request(`http://x/${campaign.id}?from=2026-13-01`));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('from = &#34;2026-13-01&#34;: must be a calendar day');
    expect((await dashboard(new Request('http://x/nope'))).status).toBe(404);
    expect(await (await dashboard(new Request('http://x/'))).text()).toContain(`href="/${campaign.id}"`);
  });
});

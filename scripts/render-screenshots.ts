/**
 * `npm run docs:screenshots`: renders each sample campaign's landing page in a real state, for its initiator and a
 * friend, and takes phone-sized screenshots with Debian's Chromium (playwright-core; no browser download).
 * Output: docs/h5/<kind>-<role>.png
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type AnyCampaign,
  createEngine,
  createManualClock,
  defineCampaign,
  type Engine,
  seededRandom,
  sequentialIds,
} from '@liebian/core';
import { renderDocument } from '@liebian/h5';
import { chromium } from 'playwright-core';

const friends = ['小红', '阿强', '丽丽'];
const actions: Record<string, (i: number) => { type: string; [k: string]: unknown }> = {
  bargain: () => ({ type: 'bargain.help' }),
  assist: () => ({ type: 'assist.help' }),
  coupon: () => ({ type: 'coupon.join' }),
  'group-buy': () => ({ type: 'group-buy.join' }),
  referral: () => ({ type: 'referral.accept' }),
  leaderboard: (i) => ({ type: 'leaderboard.join', side: i === 0 ? 'b' : i === 1 ? 'a' : 'b' }),
  swap: (i) => ({
    type: 'swap.propose',
    offer: { id: `book-${i}`, title: ['《长安的荔枝》', '《人类简史》', '《活着》'][i] ?? '书' },
  }),
};

async function scene(campaign: AnyCampaign): Promise<{ engine: Engine; id: string }> {
  const engine = createEngine({
    campaigns: [campaign],
    clock: createManualClock(campaign.schedule.startsAt + 86_400_000),
    random: seededRandom(7),
    ids: sequentialIds(campaign.kind),
  });
  const input =
    campaign.kind === 'swap'
      ? {
          item: {
            id: 'my-book',
            title: '《三体》全三册',
            description: '九成新，无笔记',
            estimatedValueFen: 6800,
          },
        }
      : undefined;
  const started = await engine.start(campaign.id, { actor: { id: '小明' }, input });
  for (const [i, friend] of friends.entries()) {
    await engine.send(started.instanceId, actions[campaign.kind]?.(i) ?? { type: 'none' }, {
      actor: { id: friend, newUser: i === 0 },
    });
  }
  if (campaign.kind === 'referral') {
    // Two friends converted (first orders reported by the shop's back end); their rewards are on hold.
    for (const referee of friends.slice(0, 2)) {
      await engine.send(
        started.instanceId,
        { type: 'referral.convert', referee },
        { actor: { id: 'orders', operator: true } },
      );
    }
  }
  if (campaign.kind === 'leaderboard') {
    // Steps synced by the organiser's system (an operator) for everyone in the duel.
    const steps = [8230, 10412, 6120, 9050];
    for (const [i, member] of ['小明', ...friends].entries()) {
      await engine.send(
        started.instanceId,
        { type: 'leaderboard.score', member, points: steps[i] ?? 0 },
        { actor: { id: 'sync', operator: true } },
      );
    }
  }
  return { engine, id: started.instanceId };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
for (const file of readdirSync('examples/campaigns').filter((f) => f.endsWith('.json'))) {
  const campaign = defineCampaign(JSON.parse(readFileSync(`examples/campaigns/${file}`, 'utf8')));
  const { engine, id } = await scene(campaign);
  for (const [role, viewer] of [
    ['initiator', '小明'],
    ['friend', '路人甲'],
  ] as const) {
    const html = renderDocument({
      campaign,
      view: await engine.view(id, { id: viewer }),
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
await browser.close();

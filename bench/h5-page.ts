/**
 * Landing-page figures: server-side renders per second, and first / largest contentful paint of a real page in
 * Debian's Chromium with the CPU throttled 4× (a mid-range phone), each beside a baseline from the same run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createEngine, defineCampaign } from '@liebian/core';
import { createManualClock, seededRandom } from '@liebian/core/testing';
import { renderDocument } from '@liebian/h5';
import { buildSite } from '@liebian/h5/node';
import { CHROMIUM, launchChromium, listenLocally } from '../packages/h5/src/node/chromium.test-utils.js';
import { type Measurement, measure } from './measure.js';

async function bargainPage() {
  const campaign = defineCampaign(JSON.parse(readFileSync('examples/campaigns/bargain.json', 'utf8')));
  const engine = createEngine({
    campaigns: [campaign],
    clock: createManualClock(campaign.schedule.startsAt + 86_400_000),
    random: seededRandom(3),
  });
  const started = await engine.start(campaign.id, { actor: { id: '小明' } });
  for (const friend of ['小红', '阿强', '丽丽'])
    await engine.send(started.instanceId, { type: 'bargain.help' }, { actor: { id: friend } });
  const view = await engine.view(started.instanceId, { id: '小明' });
  const disclosure = engine.disclose(campaign.id, 'zh-CN');
  const props = {
    campaign,
    view,
    disclosure,
    locale: 'zh-CN' as const,
    leadFormAction: '/leads',
    islands: { apiBase: '/api', instanceId: started.instanceId, pollMs: 0 },
  };
  await engine.dispose();
  return props;
}

/** renderDocument() vs JSON.stringify of the same view and rules (the cost of only serialising what is shown). */
export async function ssrRenders(count = 5_000): Promise<[Measurement, Measurement]> {
  const props = await bargainPage();
  for (let i = 0; i < 200; i++) renderDocument(props);
  const ssr = await measure('renderDocument(), bargain page', count, () => {
    for (let i = 0; i < count; i++) renderDocument(props);
  });
  const json = await measure('JSON.stringify(view + rules), same data', count * 10, () => {
    for (let i = 0; i < count * 10; i++) JSON.stringify([props.view, props.disclosure, props.campaign.page]);
  });
  return [ssr, json];
}

/** Median first and largest contentful paint over `runs` loads, with the CPU throttled by `rate`. */
async function paints(url: string, rate: number, runs = 5): Promise<{ fcp: number; lcp: number }> {
  const browser = await launchChromium();
  const fcps: number[] = [];
  const lcps: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'load' });
    const [fcp, lcp] = await page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          let fcp = Number.NaN;
          let lcp = Number.NaN;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime;
          }).observe({ type: 'paint', buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) lcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          // Paint entries arrive after the frame that produced them: wait two frames and a tick.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve([fcp, lcp]), 50)));
        }),
    );
    fcps.push(fcp);
    lcps.push(lcp);
    await page.close();
  }
  await browser.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { fcp: median(fcps), lcp: median(lcps) };
}

/** Paints of the bargain page served over local HTTP, 4× CPU throttling vs none. Null without Chromium. */
export async function pagePaints(): Promise<{
  throttled: { fcp: number; lcp: number };
  unthrottled: { fcp: number; lcp: number };
} | null> {
  if (!existsSync(CHROMIUM)) return null;
  const html = renderDocument(await bargainPage());
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  const url = `${await listenLocally(server)}/`;
  try {
    return { throttled: await paints(url, 4), unthrottled: await paints(url, 1) };
  } finally {
    server.close();
  }
}

/** Gzipped sizes of what `liebian build` writes for the bargain sample: the page script and the HTML shell. */
export async function builtPageSizes(): Promise<{ script: number; html: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'liebian-bench-build-'));
  try {
    const built = await buildSite({ file: 'examples/campaigns/bargain.json', outDir: dir });
    const size = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
    return { script: size(built.script), html: size('index.html') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

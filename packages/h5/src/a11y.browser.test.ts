import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from './node/chromium.test-utils.js';
import { SAMPLES, samplePages, showSamplePage } from './sample-pages.test-utils.js';

/** axe-core's browser build, when the package is installed (it is a dev dependency to add; see docs/h5). */
function axeSource(): string | null {
  try {
    return readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    console.warn('skipping the axe-core checks: install axe-core (npm i -D axe-core) to run them');
    return null;
  }
}

const axe = haveChromium('the accessibility checks') ? axeSource() : null;

let browser: Browser;
beforeAll(async () => {
  if (axe) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!axe)('accessibility (axe-core in Chromium)', () => {
  it.each(SAMPLES.map((c) => [c.kind, c] as const))(
    '%s: no serious or critical violation, headings in order, in every state, role and locale',
    async (_kind, campaign) => {
      const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
      const found: string[] = [];
      for (const locale of ['zh-CN', 'en'] as const)
        for await (const { where, html } of samplePages({ locale, only: campaign })) {
          await showSamplePage(page, html);
          await page.addScriptTag({ content: axe as string });
          const violations = await page.evaluate(async () => {
            const { axe } = window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
            return (await axe.run()).violations as { id: string; impact: string }[];
          });
          for (const v of violations)
            if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
              found.push(`${locale} ${where}: ${v.impact} ${v.id}`);
        }
      expect(found).toEqual([]);
      await page.close();
    },
    120_000,
  );
});

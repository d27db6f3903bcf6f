import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: browser tests, the screenshots and the paint bench use it, and never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed; if not, says which tests are skipped and how to run them. */
export function haveChromium(what: string): boolean {
  const found = existsSync(CHROMIUM);
  if (!found) console.warn(`skipping ${what}: install Debian's chromium (${CHROMIUM}) to run it`);
  return found;
}

/** Headless Chromium with no network of its own. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/** Starts `server` on a free local port and returns its origin. */
export async function listenLocally(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleWorld, startConsoleWorld } from './console-fixture.test-utils.js';

let world: ConsoleWorld;
beforeAll(async () => {
  world = await startConsoleWorld();
});
afterAll(() => world?.close());

const get = (path: string, op = 'ada') =>
  fetch(`${world.origin}/console${path}`, { headers: { cookie: `op=${op}` } });

describe('console pages over HTTP', () => {
  it.each(['', '/reviews', '/settlements', '/delivery', '/audit', '/campaigns/steps-board'])(
    'GET %s renders',
    async (path) => {
      const response = await get(path);
      const html = await response.text();
      expect(response.status, html.slice(0, 500)).toBe(200);
      expect(html).toContain('<main>');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    },
  );
  it('signed out is 401, no role is 403', async () => {
    expect((await fetch(`${world.origin}/console`)).status).toBe(401);
    expect((await get('', 'eve')).status).toBe(403);
  });
});

describe('createConsole options', () => {
  it('refuses a short secret and a bad base path, naming them', async () => {
    const { createConsole } = await import('./create-console.js');
    const base = { store: {} as never, authenticate: () => null, authorize: () => null };
    expect(() => createConsole(world.engine, { ...base, secret: 'short' })).toThrow(/secret = 5 characters/);
    expect(() => createConsole(world.engine, { ...base, secret: 'x'.repeat(32), basePath: '/ops/' })).toThrow(
      /basePath = "\/ops\/"/,
    );
  });
});

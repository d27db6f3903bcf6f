import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleWorld, startConsoleWorld } from './console-fixture.test-utils.js';

let world: ConsoleWorld;
beforeAll(async () => {
  world = await startConsoleWorld();
});
afterAll(() => world?.close());

const get = (path: string, op = 'ada') =>
  fetch(`${world.origin}/console${path}`, { headers: { cookie: `op=${op}` } });

describe('console pages', () => {
  it.each(['', '/reviews', '/settlements', '/delivery', '/audit', '/campaigns/steps-board'])('GET %s renders', async (path) => {
    const response = await get(path);
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    console.log(path, html.length, html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 900));
  });
  it('signed out is 401, no role is 403', async () => {
    expect((await fetch(`${world.origin}/console`)).status).toBe(401);
    expect((await get('', 'eve')).status).toBe(403);
  });
});

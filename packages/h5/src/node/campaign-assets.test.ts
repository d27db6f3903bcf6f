import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignAssets } from './campaign-assets.js';

const dir = mkdtempSync(join(tmpdir(), 'liebian-assets-'));
let server: Server;
let base = '';

beforeAll(async () => {
  mkdirSync(join(dir, 'images'));
  writeFileSync(join(dir, 'images', 'tea-set.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'images', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'campaign.json'), '{"secret":true}');
  const serve = campaignAssets(dir);
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('campaignAssets (the preview serving /images)', () => {
  it('serves the images beside the campaign file with their type', async () => {
    const svg = await fetch(`${base}/images/tea-set.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await svg.text()).toContain('<svg');
    const png = await fetch(`${base}/images/photo.png?v=2`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('passes on anything that is not an image file directly in images/', async () => {
    for (const path of [
      '/images/missing.svg',
      '/images/../campaign.json',
      '/images/%2e%2e%2fcampaign.json',
      '/images/campaign.json',
      '/images/sub/tea-set.svg',
      '/campaign.json',
    ])
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    expect((await fetch(`${base}/images/tea-set.svg`, { method: 'POST' })).status).toBe(404);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const sample = fileURLToPath(new URL('../../../examples/campaigns/bargain.json', import.meta.url));

async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('liebian CLI', () => {
  it('validates a good file and explains a bad one with field, value and fix', async () => {
    expect(await run('validate', sample)).toMatchObject({
      code: 0,
      output: expect.stringContaining('valid bargain campaign "tea-set-bargain"'),
    });
    const dir = mkdtempSync(join(tmpdir(), 'liebian-cli-'));
    const bad = JSON.parse(readFileSync(sample, 'utf8'));
    bad.rules.floorPrice = 30000;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const result = await run('validate', join(dir, 'bad.json'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('rules.floorPrice = 30000: must be below originalPrice (19900)');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await run('validate', join(dir, 'broken.json'))).output).toContain('cannot read it as JSON');
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders static snapshots of the page for a visitor and the initiator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-render-'));
    const result = await run('render', sample, '--out', dir);
    expect(result.code).toBe(0);
    const visitor = readFileSync(join(dir, 'tea-set-bargain.visitor.html'), 'utf8');
    expect(visitor).toContain('帮TA砍一刀');
    expect(readFileSync(join(dir, 'tea-set-bargain.initiator.html'), 'utf8')).toContain('邀请好友帮砍');
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders in the locale asked for, and refuses one it has no words for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-locale-'));
    expect((await run('render', sample, '--out', dir, '--locale', 'en')).code).toBe(0);
    const visitor = readFileSync(join(dir, 'tea-set-bargain.visitor.html'), 'utf8');
    expect(visitor).toContain('<html lang="en">');
    expect(visitor).toContain('Cut the price for them');
    const taiwan = await run('render', sample, '--out', dir, '--locale', 'zh-TW');
    expect(taiwan).toEqual({
      code: 2,
      output: '--locale zh-TW: the pages have no words in this locale; use one of zh-CN, en',
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports compliance findings for the channel and fails on errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-lint-'));
    const wechat = { ...JSON.parse(readFileSync(sample, 'utf8')), channel: 'wechat-h5' };
    writeFileSync(join(dir, 'wechat.json'), JSON.stringify(wechat));
    const result = await run('validate', join(dir, 'wechat.json'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('error WX-01 at kind');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints usage for an unknown command', async () => {
    expect(await run('deploy')).toMatchObject({
      code: 2,
      output: expect.stringContaining('usage: liebian validate'),
    });
  });
});

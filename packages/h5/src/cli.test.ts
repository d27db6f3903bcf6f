import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const sample = fileURLToPath(new URL('../../../examples/campaigns/bargain.json', import.meta.url));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, output: out.join('\n'), errors: err.join('\n') };
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
    expect(result.errors).toContain('rules.floorPrice = 30000: must be below originalPrice (19900)');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await run('validate', join(dir, 'broken.json'))).errors).toContain('cannot read it as JSON');
    // Every file is checked, and one bad file fails the run wherever it comes.
    const several = await run('validate', sample, join(dir, 'bad.json'), sample);
    expect(several.code).toBe(1);
    expect(several.output.match(/valid bargain campaign/g)).toHaveLength(2);
    expect(several.errors).toContain('bad.json: ');
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders static snapshots of the page for a visitor and the initiator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-render-'));
    const result = await run('render', sample, '--out', dir);
    expect(result.code).toBe(0);
    const visitor = readFileSync(join(dir, 'tea-set-bargain.visitor.html'), 'utf8');
    expect(visitor).toContain('帮TA砍一刀');
    expect(readFileSync(join(dir, 'tea-set-bargain.initiator.html'), 'utf8')).toContain('邀请好友帮砍');
    // --locale is honoured, not silently replaced by Chinese.
    expect((await run('render', sample, '--out', dir, '--locale', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'tea-set-bargain.visitor.html'), 'utf8')).toContain('<html lang="en"');
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders in the locale asked for, and refuses one it has no words for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-locale-'));
    expect((await run('render', sample, '--out', dir, '--locale', 'en')).code).toBe(0);
    const visitor = readFileSync(join(dir, 'tea-set-bargain.visitor.html'), 'utf8');
    expect(visitor).toContain('<html lang="en">');
    expect(visitor).toContain('Cut the price for them');
    const taiwan = await run('render', sample, '--out', dir, '--locale', 'zh-TW');
    expect(taiwan).toMatchObject({ code: 2, output: '' });
    expect(taiwan.errors).toContain('--locale zh-TW: use one of zh-CN, en');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports compliance findings for the channel and fails on errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-lint-'));
    const wechat = { ...JSON.parse(readFileSync(sample, 'utf8')), channel: 'wechat-h5' };
    writeFileSync(join(dir, 'wechat.json'), JSON.stringify(wechat));
    const result = await run('validate', join(dir, 'wechat.json'));
    expect(result.code).toBe(1);
    expect(result.errors).toContain('error WX-01 at kind');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong command line on stderr with exit code 2, and answers --help and --version', async () => {
    for (const [args, problem] of [
      [['deploy'], 'unknown command "deploy"'],
      [[], 'which command?'],
      [['render', sample], 'render needs --out <dir>'],
      [['build', sample, '--out', '--api', '/api'], "'--out'"],
      [['render', sample, '--out', 'x', '--locale', 'fr'], '--locale fr: use one of zh-CN, en'],
      [['validate', sample, '--out', 'x'], 'validate does not take --out'],
      [['render', sample, sample, '--out', 'x'], 'render takes one campaign file, got 2'],
      [['preview', sample, '--port', 'http'], '--port http'],
      [['validate', sample, '--force'], "'--force'"],
    ] as const) {
      const result = await run(...args);
      expect(result, args.join(' ')).toMatchObject({ code: 2, output: '' });
      expect(result.errors, args.join(' ')).toContain(problem);
      expect(result.errors).toContain('usage: liebian <command>');
    }
    expect(await run('--help')).toMatchObject({
      code: 0,
      output: expect.stringContaining('exit codes: 0 done'),
    });
    expect(await run('--version')).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });
});

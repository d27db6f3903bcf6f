import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const campaign = (name: string) =>
  fileURLToPath(new URL(`../../../examples/campaigns/${name}.json`, import.meta.url));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, output: out.join('\n'), errors: err.join('\n') };
}

const population = [
  ...['--seeds', '5', '--share-rate', '1', '--reach', '2', '--open-rate', 'moments=0.5,group=0.5'],
  ...['--action-rate', '0.8', '--launch-rate', '0.5', '--new-user-share', '0.5', '--time-to-act', '30'],
  ...['--runs', '3', '--days', '3'],
];

describe('liebian simulate', () => {
  it('prints the bands with a progress bar and writes a report with its chart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-simulate-'));
    const out = join(dir, 'forecast.html');
    const result = await run('simulate', campaign('bargain'), ...population, '--out', out);
    expect(result.code).toBe(0);
    expect(result.errors.split('\n').at(-1)).toBe('[####################] 3/3 runs');
    expect(result.output).toContain('3 runs × 5 seeds over 3 days; implied K = 0.400');
    expect(result.output).toMatch(/participants\s+\d+ {2}\(5–95%: \d+ – \d+\)/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a bad option (exit 2) and a kind it cannot drive (exit 1)', async () => {
    const bad = await run('simulate', campaign('bargain'), ...population, '--share-rate', '1.5');
    expect(bad).toMatchObject({
      code: 2,
      errors: expect.stringContaining('shareRate = 1.5: must be a probability'),
    });
    expect((await run('simulate', campaign('bargain'), '--seeds', '5')).errors).toContain(
      'simulate needs --share-rate',
    );
    const coupon = await run('simulate', campaign('coupon'), ...population);
    expect(coupon.code).toBe(1);
    expect(coupon.errors).toContain('the forecast runs bargain and assist campaigns so far');
  });
});

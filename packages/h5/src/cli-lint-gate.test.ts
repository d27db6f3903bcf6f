import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const sample = fileURLToPath(new URL('../../../examples/campaigns/bargain.json', import.meta.url));

async function run(...args: string[]) {
  const lines: string[] = [];
  const record = (line: string) => void lines.push(line);
  const code = await runCli(args, { out: record, err: record });
  return { code, output: lines.join('\n') };
}

describe('liebian render and build with lint errors', () => {
  it('writes nothing unless --allow-lint-errors is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liebian-gate-'));
    const bad = JSON.parse(readFileSync(sample, 'utf8'));
    bad.disclosure.extraTerms = ['本活动最终解释权归主办方所有。'];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    for (const command of ['render', 'build']) {
      const out = join(dir, command);
      const refused = await run(command, join(dir, 'bad.json'), '--out', out);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('error COPY-01 at disclosure.extraTerms[0]');
      expect(refused.output).toContain('nothing written');
      expect(existsSync(out)).toBe(false);
    }
    const allowed = await run(
      'render',
      join(dir, 'bad.json'),
      '--out',
      join(dir, 'render'),
      '--allow-lint-errors',
    );
    expect(allowed.code).toBe(0);
    expect(readdirSync(join(dir, 'render'))).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TS_NODE_ARGS } from '../test-env.test-utils.js';

it('the conformance suite runs under node:test too', () => {
  const run = spawnSync(
    process.execPath,
    [...TS_NODE_ARGS, '--test', join(import.meta.dirname, 'node-test-fixture.test-utils.ts')],
    {
      encoding: 'utf8',
    },
  );
  expect(Number(/# pass (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThanOrEqual(20);
  expect(run.stdout).toMatch(/# fail 0\b/);
  expect(run.status).toBe(0);
}, 60_000);

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TS_NODE_ARGS } from '../test-env.test-utils.js';

it('the conformance suite runs under node:test too', () => {
  const run = spawnSync(
    process.execPath,
    [...TS_NODE_ARGS, '--test', join(import.meta.dirname, 'node-test-fixture.test-utils.ts')],
    // spawnSync blocks this worker, so vitest's timeout cannot fire: the child gets its own.
    { encoding: 'utf8', timeout: 50_000, killSignal: 'SIGKILL' },
  );
  expect(run.error, run.stderr).toBeUndefined();
  expect(Number(/# pass (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThanOrEqual(20);
  expect(run.stdout).toMatch(/# fail 0\b/);
  expect(run.status).toBe(0);
}, 60_000);

import type { Store } from '@liebian/core';
import { commitOne } from '@liebian/core/store';
import { batch, check, equal } from './fixtures.js';
import type { SuiteContext } from './runner.js';

const ACK = 'ack ';

/**
 * The child side of the kill test: commits instance after instance and prints each acknowledged id, until killed.
 * Call it from the script your `durability.spawn()` starts.
 *
 * @example
 * // durability-child.ts, the script `durability.spawn()` starts:
 * import { runDurabilityChild } from '@liebian/adapters/testing';
 * await runDurabilityChild(() => createMyStore({ url: process.env.MY_STORE_URL }));
 */
export async function runDurabilityChild(open: () => Promise<Store>): Promise<never> {
  const store = await open();
  const run = `kill-${process.pid}`;
  for (let i = 0; ; i++) {
    const id = `${run}-${i}`;
    const result = await commitOne(store, id, batch({ snapshot: { i, run }, keys: [`e:${i}`] }));
    if (!result.ok) throw new Error(`durability child: commit ${id} failed`);
    process.stdout.write(`${ACK}${id}\n`);
  }
}

export function durabilityTests({ test, options }: SuiteContext): void {
  const durability = options.durability;
  if (!durability) return;
  test('acknowledged commits survive a killed process', async () => {
    const child = durability.spawn();
    const acked: string[] = [];
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith(ACK)) acked.push(line.slice(ACK.length));
        if (acked.length >= 25) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    check(
      acked.length >= 25,
      `the child acknowledged only ${acked.length} commits before exiting:\n${stderr}`,
    );
    const store = await durability.reopen();
    try {
      for (const id of acked) {
        const loaded = await store.load(id);
        check(loaded !== null, `acknowledged instance ${id} was lost`);
        equal(loaded.version, 1, `version of ${id}`);
      }
    } finally {
      await store.dispose();
    }
  }, 120_000);
}

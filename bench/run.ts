/**
 * `npm run bench`: every figure is printed beside a baseline measured in the same run, as a ratio.
 * Results and the machine they were taken on are recorded in docs/performance.md.
 */
import os from 'node:os';
import { createMemoryStore } from '@liebian/core';
import { HELPS, hotInstance, PRODUCERS, rawTransitions } from './hot-bargain.js';
import { report } from './measure.js';

console.log(
  `liebian bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
console.log(
  `one hot bargain instance, ${PRODUCERS} concurrent producers, ${HELPS.toLocaleString('en-US')} distinct helps + retries`,
);

// Warm up the JIT on a small run so the first measurement is not penalised.
await rawTransitions();
await hotInstance('warm-up', createMemoryStore());

const baseline = await rawTransitions();
report(
  'engine on the memory store vs raw xstate',
  await hotInstance('engine.send() on the memory store', createMemoryStore()),
  baseline,
);

/**
 * Child process of the kill-and-reopen durability tests: `node … durability-child.test-utils.ts <store> <target>`.
 * Opens the store and commits until killed, printing each acknowledged commit.
 */
import { createPgliteStore } from './pglite.js';
import { createPostgresStore } from './postgres.js';
import { createRedisStore } from './redis.js';
import { runDurabilityChild } from './testing/index.js';

const [kind, target = '', scope = ''] = process.argv.slice(2);
await runDurabilityChild(() => {
  switch (kind) {
    case 'pglite':
      return createPgliteStore({ dataDir: target });
    case 'postgres':
      return createPostgresStore({ connectionString: target, schema: scope });
    case 'redis':
      return createRedisStore({ url: target, prefix: scope });
    default:
      throw new Error(`unknown store kind ${kind}`);
  }
});

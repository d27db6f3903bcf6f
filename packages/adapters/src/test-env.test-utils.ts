import { randomBytes } from 'node:crypto';

/** The database and Redis URLs tests use, or null with the reason the tests are skipped. */
export function serviceUrl(variable: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL'): string | null {
  const url = process.env[variable];
  if (url) return url;
  const example =
    variable === 'TEST_DATABASE_URL' ? 'postgres://postgres@127.0.0.1:5432/test' : 'redis://127.0.0.1:6379';
  console.warn(
    `skipping ${variable === 'TEST_DATABASE_URL' ? 'PostgreSQL' : 'Redis'} tests: set ${variable}=${example} to run them`,
  );
  return null;
}

/** A short random suffix for schemas and key prefixes. */
export const suffix = () => randomBytes(5).toString('hex');

/** Node arguments that run a TypeScript file with workspace sources (as `npm test` does). */
export const TS_NODE_ARGS = ['--conditions=source', '--import', 'tsx'];

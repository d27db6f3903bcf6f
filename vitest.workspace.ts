import { defineConfig } from 'vitest/config';

// Vitest 4 has no separate workspace file: this root config lists the projects.
// Every project resolves workspace packages to their TypeScript sources (the `source` export condition),
// so tests never need a build.
const source = { conditions: ['source'] };
// Timeouts only catch hangs (a loaded 2-core CI machine runs a property test for seconds); they never measure speed.
const project = (name: string, test: Record<string, unknown>) => ({
  resolve: source,
  ssr: { resolve: source },
  test: { name, testTimeout: 60_000, hookTimeout: 60_000, ...test },
});

export default defineConfig({
  test: {
    projects: [
      project('core', { root: 'packages/core' }),
      project('adapters', { root: 'packages/adapters' }),
      {
        ...project('h5', { root: 'packages/h5' }),
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      project('examples', { include: ['examples/*/src/**/*.test.ts'] }),
      project('docs', { include: ['scripts/**/*.test.ts'] }),
    ],
  },
});

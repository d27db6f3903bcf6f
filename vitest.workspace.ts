import { defineConfig } from 'vitest/config';

// Vitest 4 has no separate workspace file: this root config lists the projects.
// Every project resolves workspace packages to their TypeScript sources (the `source` export condition),
// so tests never need a build.
const source = { conditions: ['source'] };

export default defineConfig({
  test: {
    projects: [{ resolve: source, ssr: { resolve: source }, test: { name: 'core', root: 'packages/core' } }],
  },
});

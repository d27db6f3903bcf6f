import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/**
 * The package's `src` folder, from `src/node/` (the monorepo) or `dist/node/` (the installed package). Vite
 * bundles the page script, the poster and the preview app from these sources, which the package ships.
 */
export const sourceDir = join(resolve(dirname(here), '../..'), 'src');

/** Run from the TypeScript sources (the monorepo), dependencies resolve to theirs too (`source` condition). */
const conditions = here.endsWith('.ts') ? ['source'] : [];

/** The pages' JSX is Preact's (set here: an installed package has no tsconfig to say so). */
export const PREACT_JSX = { runtime: 'automatic' as const, importSource: 'preact' };

/**
 * What every Vite run here shares: no config file, Preact's JSX, the `source` condition only in the monorepo;
 * `production` for bundles, `development|production` (by Vite's mode) for the preview's dev server.
 */
export const viteBase = (mode: 'production' | 'development|production') => ({
  configFile: false as const,
  logLevel: 'warn' as const,
  oxc: { jsx: PREACT_JSX },
  resolve: { conditions: [...conditions, 'module', 'browser', mode] },
});

/**
 * Loads an optional peer dependency of the build and preview tooling (Vite, msw), so that rendering pages installs
 * none of them; when it is missing, says which package to install.
 */
export async function optionalPeer<T>(
  name: 'vite' | 'msw',
  load: () => Promise<T>,
  forWhat: string,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (!missing || !String(message).includes(`'${name}`)) throw error;
    throw new Error(
      `${forWhat} needs the package "${name}", an optional peer dependency of @liebian/h5: npm install --save-dev ${name}`,
      { cause: error },
    );
  }
}

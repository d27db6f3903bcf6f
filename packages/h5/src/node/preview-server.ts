import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { validateCampaign } from '@liebian/core';
import type { Plugin } from 'vite';
import { campaignAssets } from './campaign-assets.js';
import { optionalPeer, PREACT_JSX, sourceDir, viteBase } from './tooling.js';

/**
 * What the preview page is given: the last campaign that validated, and the current file's problem, if any.
 *
 * @example
 * const state: PreviewState = readPreviewState('campaigns/bargain.json', null);
 * if (state.error) console.error(state.error);
 */
export interface PreviewState {
  readonly file: string;
  /** The last valid campaign definition (raw JSON), kept while the file is invalid. */
  readonly campaign: unknown;
  /** Why the file as it is now cannot be shown (field path, value and fix per line), or null. */
  readonly error: string | null;
}

const VIRTUAL = 'virtual:liebian-preview-state';
const RESOLVED = `\0${VIRTUAL}`;
export const PREVIEW_EVENT = 'liebian:preview-state';

/**
 * Reads and validates the file; on any problem keeps the previous good campaign.
 *
 * @example
 * let state = readPreviewState(file, null);
 * watch(file, () => {
 *   state = readPreviewState(file, state); // an invalid save keeps the last good campaign
 * });
 */
export function readPreviewState(file: string, previous: PreviewState | null): PreviewState {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      campaign: previous?.campaign ?? null,
      error: `${file}: cannot read it as JSON (${reason})`,
    };
  }
  const checked = validateCampaign(json);
  if (!checked.ok)
    return { file, campaign: previous?.campaign ?? null, error: `${file}: ${checked.error.message}` };
  return { file, campaign: json, error: null };
}

/** Serves the state as a virtual module and pushes every change of the file to the open pages. */
function campaignFilePlugin(file: string, mswWorker: string): Plugin {
  let state = readPreviewState(file, null);
  return {
    name: 'liebian-preview-campaign',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(state)};` : undefined),
    configureServer(server) {
      server.watcher.add(file);
      const changed = (path: string) => {
        if (resolve(path) !== file) return;
        state = readPreviewState(file, state);
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'custom', event: PREVIEW_EVENT, data: state });
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      // msw's service worker, served from the installed package (a marketer never runs `msw init`).
      const worker = readFileSync(mswWorker, 'utf8');
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(worker);
      });
      // The product images the campaign names as `/images/<file>`, from the `images/` folder beside the file.
      server.middlewares.use(campaignAssets(dirname(file)));
    },
  };
}

/**
 * What {@link startPreview} shows and where it listens.
 *
 * @example
 * const options: PreviewOptions = { file: 'campaigns/bargain.json', port: 0, host: '127.0.0.1' };
 * const preview = await startPreview(options);
 */
export interface PreviewOptions {
  /** The campaign file to preview. */
  readonly file: string;
  /** Default 5173; 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

/**
 * `liebian preview`: a Vite dev server showing every state of a campaign side by side in phone frames, for each
 * role, with its API served inside the browser by msw over the real engine on a memory store — no backend. The
 * page follows the file: it reloads on each valid save and shows the problems of an invalid one while keeping
 * the last good render.
 *
 * @example
 * const preview = await startPreview({ file: 'examples/campaigns/bargain.json' });
 * console.log(preview.url); // open it in a browser
 */
export async function startPreview(
  options: PreviewOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const file = resolve(options.file);
  const { createServer } = await optionalPeer('vite', () => import('vite'), 'liebian preview');
  const require = createRequire(import.meta.url);
  const mswWorker = await optionalPeer(
    'msw',
    async () => require.resolve('msw/mockServiceWorker.js'),
    'liebian preview',
  );
  const server = await createServer({
    ...viteBase('development|production'),
    root: join(sourceDir, 'preview', 'app'),
    plugins: [campaignFilePlugin(file, mswWorker)],
    server: { port: options.port ?? 5173, host: options.host ?? '127.0.0.1', strictPort: options.port !== 0 },
    optimizeDeps: {
      include: ['msw/browser', 'preact', 'preact-render-to-string', 'xstate', 'zod', 'nanoid'],
      // The dependency scan reads the sources too; installed, no tsconfig tells it the JSX is Preact's.
      rolldownOptions: { transform: { jsx: PREACT_JSX } },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${options.port ?? 5173}/`;
  return { url, close: () => server.close() };
}

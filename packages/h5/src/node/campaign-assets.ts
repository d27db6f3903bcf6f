import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** A file name in the images folder: letters, digits, `-`, `_` and `.`, one known image extension, no path. */
const NAME = /^\/images\/([\w-][\w.-]*\.(svg|png|jpe?g|webp|avif|gif))$/;

/**
 * Serves a campaign's product images the way its file names them: `page.hook.image.src: "/images/tea-set.svg"`
 * is `images/tea-set.svg` beside the campaign file. Only image files directly in that folder are served (no `..`,
 * no sub-folders, no other types); anything else goes on to `next`. SVGs get a CSP that runs no script in them.
 *
 * @example
 * server.middlewares.use(campaignAssets(dirname(campaignFile)));
 */
export function campaignAssets(campaignDir: string) {
  const folder = join(campaignDir, 'images');
  return async (request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const match = NAME.exec(path);
    if (!match || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    const [, name, ext] = match as unknown as [string, string, string];
    let body: Buffer;
    try {
      body = await readFile(join(folder, name));
    } catch {
      return next();
    }
    response.setHeader('content-type', TYPES[ext.toLowerCase()] as string);
    response.setHeader('content-length', body.length);
    response.setHeader('x-content-type-options', 'nosniff');
    if (ext === 'svg')
      response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

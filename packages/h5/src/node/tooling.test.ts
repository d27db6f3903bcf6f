import { describe, expect, it } from 'vitest';
import { optionalPeer } from './tooling.js';

const missing = (what: string) =>
  Object.assign(new Error(`Cannot find package '${what}' imported from /app/x.js`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });

describe('optional peers of the tooling', () => {
  it('names the package to install when it is missing, and passes every other failure on', async () => {
    await expect(
      optionalPeer('vite', () => Promise.reject(missing('vite')), 'building pages'),
    ).rejects.toThrow(
      'building pages needs the package "vite", an optional peer dependency of @liebian/h5: npm install --save-dev vite',
    );
    const worker = Object.assign(new Error("Cannot find module 'msw/mockServiceWorker.js'"), {
      code: 'MODULE_NOT_FOUND',
    });
    await expect(optionalPeer('msw', () => Promise.reject(worker), 'liebian preview')).rejects.toThrow(
      'npm install --save-dev msw',
    );
    // A dependency of vite that is missing, or any other error, is not reported as vite missing.
    const deeper = missing('rolldown');
    await expect(optionalPeer('vite', () => Promise.reject(deeper), 'building pages')).rejects.toBe(deeper);
    const other = new Error('boom');
    await expect(optionalPeer('vite', () => Promise.reject(other), 'building pages')).rejects.toBe(other);
    expect(await optionalPeer('vite', async () => 'loaded', 'building pages')).toBe('loaded');
  });
});

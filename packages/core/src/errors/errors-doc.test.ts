import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REJECTION_REASONS } from '../mechanics/mechanic.js';
import { ERROR_CODES } from './error-codes.js';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
/** A table row whose first cell is the code (tables may be padded for alignment). */
const row = (code: string) => new RegExp(`^\\| \`${code}\` +\\|`, 'm');

describe('docs/errors.md', () => {
  it.each(ERROR_CODES)('documents the error code %s', (code) => {
    expect(doc).toMatch(row(code));
  });
  it.each(REJECTION_REASONS)('documents the rejection reason %s', (reason) => {
    expect(doc).toMatch(row(reason));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from './generated-docs.js';

describe('generated docs', () => {
  const { schema, diagrams } = generatedDocs();

  it('the committed campaign JSON Schema matches the code (run `npm run docs:generate`)', () => {
    expect(readFileSync('packages/core/campaign.schema.json', 'utf8')).toBe(schema);
  });

  it.each(Object.entries(diagrams))('%s shows the state diagram of the current machine', (path, block) => {
    expect(readFileSync(path, 'utf8')).toContain(block);
  });
});

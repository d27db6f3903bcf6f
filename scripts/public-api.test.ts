import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The root of @liebian/core as a newcomer meets it: a small set of names (each with TSDoc and an example:
// scripts/public-docs.test.ts checks that for every entry point).
const program = ts.createProgram(['packages/core/src/index.ts'], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const root = checker.getSymbolAtLocation(
  program.getSourceFile('packages/core/src/index.ts') as ts.SourceFile,
);
const exports = root ? checker.getExportsOfModule(root) : [];

describe('the public API of @liebian/core', () => {
  it('has about 50 names at the root (internals live on subpaths)', () => {
    expect(exports.length).toBeGreaterThan(40);
    expect(exports.length).toBeLessThanOrEqual(60);
  });

  it('leaks no mechanic internal or test double at the root', () => {
    const names = exports.map((s) => s.getName());
    for (const internal of [
      'stepRandom',
      'drawSeed',
      'cutBounds',
      'splitPool',
      'createManualClock',
      'guardStore',
    ])
      expect(names).not.toContain(internal);
  });
});

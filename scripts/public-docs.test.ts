import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every name a package's public entry points (the subpaths in its package.json "exports") export has a TSDoc
// summary and an `@example`. Entry points not yet documented are listed in PENDING: the test fails when a covered
// entry point has an undocumented name, and when a pending one has become complete (move it to covered).
const PENDING = new Set(['@liebian/core/mechanics', '@liebian/core/store', '@liebian/core/analytics']);

interface Entry {
  readonly name: string;
  readonly file: string;
}

const entries: Entry[] = ['core', 'h5', 'adapters'].flatMap((dir) => {
  const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')) as {
    name: string;
    exports: Record<string, { source?: string }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) =>
    target.source === undefined || !/\.tsx?$/.test(target.source)
      ? []
      : [{ name: `${pkg.name}${subpath.slice(1)}`, file: `packages/${dir}/${target.source.slice(2)}` }],
  );
});

const program = ts.createProgram(
  entries.map((entry) => entry.file),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'preact',
    customConditions: ['source'],
  },
);
const checker = program.getTypeChecker();

/** The exported names of an entry point that lack a doc comment or an `@example`. */
function undocumented(file: string): string[] {
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file} is not a module the compiler can read`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const summary = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
      return summary === '' || !target.getJsDocTags(checker).some((tag) => tag.name === 'example');
    })
    .map((symbol) => symbol.getName());
}

describe('TSDoc on every public export', () => {
  it('finds the entry points of all three packages', () => {
    expect(entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['@liebian/core', '@liebian/core/engine']),
    );
    for (const name of PENDING) expect(entries.map((entry) => entry.name)).toContain(name);
  });

  it.each(entries.filter((entry) => !PENDING.has(entry.name)))(
    '$name: every export has a summary and an @example',
    ({ file }) => {
      expect(undocumented(file)).toEqual([]);
    },
  );

  it.each(entries.filter((entry) => PENDING.has(entry.name)))(
    '$name is still pending (some export lacks a summary or an @example)',
    ({ file }) => {
      expect(undocumented(file).length).toBeGreaterThan(0);
    },
  );
});

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The root of @liebian/core as a newcomer meets it: a small set of names, each with TSDoc and an example.
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

/**
 * Root exports whose declarations still lack a summary or an `@example`. They are declared in files other engineers
 * owned during this change (engine/, store/, mechanics/); document them there and remove the name here. The test
 * fails when an undocumented name is not listed, and when a listed name has been documented.
 */
const DOC_PENDING = new Set([
  'Actor',
  'AssistCampaign',
  'AssistView',
  'BargainCampaign',
  'BargainView',
  'Campaign',
  'CouponCampaign',
  'CouponView',
  'Disclosure',
  'Effect',
  'EngineOptions',
  'GroupBuyCampaign',
  'GroupBuyView',
  'InstanceView',
  'LeaderboardCampaign',
  'LeaderboardView',
  'Locale',
  'ReferralCampaign',
  'ReferralView',
  'RejectionReason',
  'RiskCheck',
  'RiskVerdict',
  'SendResult',
  'StartResult',
  'Store',
  'SwapCampaign',
  'SwapView',
  'createMemoryStore',
]);

function documentation(symbol: ts.Symbol) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return {
    summary: ts.displayPartsToString(target.getDocumentationComment(checker)).trim(),
    example: target.getJsDocTags(checker).some((tag) => tag.name === 'example'),
  };
}

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

  it('documents every root export with a summary and an example, except the listed ones still pending', () => {
    const missing = exports
      .filter((s) => !documentation(s).summary || !documentation(s).example)
      .map((s) => s.getName());
    expect(missing.filter((name) => !DOC_PENDING.has(name))).toEqual([]);
    expect([...DOC_PENDING].filter((name) => !missing.includes(name))).toEqual([]);
  });
});

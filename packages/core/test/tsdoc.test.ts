import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every public export of @ftkit/core carries TSDoc (STYLE: units, bases and bounds stated there).
function undocumentedExports(entry: string): string[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    // Only the export graph matters: skip the standard library and @types to stay fast.
    noLib: true,
    types: [],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const target = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const docs = target.getDocumentationComment(checker);
    if (docs.length === 0 || ts.displayPartsToString(docs).trim() === '') missing.push(exp.getName());
  }
  return missing.sort();
}

describe('public API documentation', () => {
  it('has TSDoc on every export of @ftkit/core', { timeout: 120_000 }, () => {
    expect(undocumentedExports(fileURLToPath(new URL('../src/index.ts', import.meta.url)))).toEqual([]);
  });
  it('has TSDoc on every export of @ftkit/core/node', { timeout: 120_000 }, () => {
    expect(undocumentedExports(fileURLToPath(new URL('../src/node/index.ts', import.meta.url)))).toEqual([]);
  });
});

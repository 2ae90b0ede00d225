import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every public export carries TSDoc (STYLE: units, bases and bounds stated there).
function undocumentedExports(entry: string): string[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const missing: string[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const target = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const docs = target.getDocumentationComment(checker);
    if (docs.length === 0 || ts.displayPartsToString(docs).trim() === '') missing.push(exp.getName());
  }
  return missing.sort();
}

describe('public API documentation', () => {
  it('has TSDoc on every export', () => {
    expect(undocumentedExports(fileURLToPath(new URL('../src/index.ts', import.meta.url)))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Specifiers a module loads when it is evaluated: static `import … from` and `export … from`
 * (including `import { type X }`, which verbatimModuleSyntax keeps as `import {}`), and bare
 * `import 'x'`. `import type` / `export type` and `await import()` do not load anything up front.
 */
export function staticImports(text: string): string[] {
  const out: string[] = [];
  const from = /^(import|export)\s+(type\s+)?[^;()=]*?\bfrom\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(from)) if (!m[2]) out.push(m[3]!);
  for (const m of text.matchAll(/^import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

/**
 * Every module evaluating `entry` (a `.ts` file) loads through static imports: the local files
 * (relative to `root`, in visit order) and the packages, sorted. Relative `.js` specifiers are
 * read as their `.ts` sources; JSON and other non-TypeScript files are data and not followed.
 */
export function eagerImports(entry: string, root: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    const name = relative(root, file);
    if (files.includes(name)) continue;
    files.push(name);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (target.endsWith('.ts')) todo.push(target);
      }
    }
  }
  return { files, packages: [...packages].sort() };
}

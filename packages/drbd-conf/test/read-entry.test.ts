import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as read from '../src/read.js';

const src = join(import.meta.dirname, '../src');

/** Modules `entry` loads when evaluated: static imports and re-exports, not `import type`. */
function eagerImports(entry: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    const name = relative(src, file);
    if (files.includes(name)) continue;
    files.push(name);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;()=]*?\bfrom\s*['"]([^'"]+)['"]/gm)) {
      if (m[2]) continue;
      const spec = m[3]!;
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  }
  return { files, packages: [...packages].sort() };
}

describe('the read entry', () => {
  it('loads no zod (and no schema, builder or lint module)', () => {
    const g = eagerImports(join(src, 'read.ts'));
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files).toEqual(expect.arrayContaining(['parse.ts', 'model/dump.ts', 'migrate.ts']));
    expect(g.files.filter((f) => /^(schema|builders|format|lint\/)/.test(f))).toEqual([]);
    // The walk does see zod where it is imported.
    expect(eagerImports(join(src, 'index.ts')).packages).toContain('zod');
  });

  it('exports the same functions as the main entry', () => {
    const all = new Map(Object.entries(main));
    for (const [name, value] of Object.entries(read)) expect(all.get(name), name).toBe(value);
    const text =
      'resource r0 {\n  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }\n  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }\n}\n';
    expect(read.dump(read.parse(text).model, { host: 'alice' })).toBe(
      main.dump(main.parse(text).model, { host: 'alice' }),
    );
  });
});

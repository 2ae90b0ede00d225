import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as read from '../src/read.js';

const src = join(import.meta.dirname, '../src');

describe('the read entry', () => {
  it('loads no zod (and no schema, emit, edit or lint module)', () => {
    const g = eagerImports(join(src, 'read.ts'), src);
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files).toContain('parse.ts');
    expect(g.files.filter((f) => /^(schema|emit|edit|format|lint\/)/.test(f))).toEqual([]);
    // The walk does see zod where it is imported.
    expect(eagerImports(join(src, 'index.ts'), src).packages).toContain('zod');
  });

  it('exports the same functions as the main entry', () => {
    const all = new Map(Object.entries(main));
    for (const [name, value] of Object.entries(read)) expect(all.get(name), name).toBe(value);
    const text = 'cluster:\n\tname = ocfs2\n\tnode_count = 0\n\theartbeat_mode = local\n\n';
    expect(read.listCluster(read.parse(text).model, 'ocfs2')).toEqual(
      main.listCluster(main.parse(text).model, 'ocfs2'),
    );
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeZodFreeEntry } from '../../../test-support/entries.js';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as read from '../src/read.js';

const src = join(import.meta.dirname, '../src');

describeZodFreeEntry({ name: 'read', src, main, entry: read, reaches: ['parse.ts', 'list-cluster.ts'] });

describe('the read entry, compared with lite and main', () => {
  it('stays smaller than lite: no emit, edit, format or lint module, no package but core', () => {
    const g = eagerImports(join(src, 'read.ts'), src);
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files.filter((f) => /^(emit|edit|format|lint\/)/.test(f))).toEqual([]);
  });

  it('lists a cluster as the main entry does', () => {
    const text = 'cluster:\n\tname = ocfs2\n\tnode_count = 0\n\theartbeat_mode = local\n\n';
    expect(read.listCluster(read.parse(text).model, 'ocfs2')).toEqual(
      main.listCluster(main.parse(text).model, 'ocfs2'),
    );
  });
});

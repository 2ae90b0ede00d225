import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as read from '../src/read.js';

const src = join(import.meta.dirname, '../src');

describe('the read entry', () => {
  it('loads no zod (and no schema, builder or lint module)', () => {
    const g = eagerImports(join(src, 'read.ts'), src);
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files).toEqual(expect.arrayContaining(['parse.ts', 'model/dump.ts', 'migrate.ts']));
    expect(g.files.filter((f) => /^(schema|builders|format|lint\/)/.test(f))).toEqual([]);
    // The walk does see zod where it is imported.
    expect(eagerImports(join(src, 'index.ts'), src).packages).toContain('zod');
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

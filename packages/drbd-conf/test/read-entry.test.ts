import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeZodFreeEntry } from '../../../test-support/entries.js';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as read from '../src/read.js';

const src = join(import.meta.dirname, '../src');

describeZodFreeEntry({
  name: 'read',
  src,
  main,
  entry: read,
  reaches: ['parse.ts', 'dump/dump.ts', 'migrate.ts'],
});

describe('the read entry, compared with lite and main', () => {
  it('stays smaller than lite: no builder, format or lint module, no package but core', () => {
    const g = eagerImports(join(src, 'read.ts'), src);
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files.filter((f) => /^(builders|format|lint\/)/.test(f))).toEqual([]);
  });

  it('dumps as the main entry does', () => {
    const text =
      'resource r0 {\n  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }\n  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }\n}\n';
    expect(read.dump(read.parse(text).model, { host: 'alice' })).toBe(
      main.dump(main.parse(text).model, { host: 'alice' }),
    );
  });
});

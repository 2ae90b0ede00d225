import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as schema from '../src/schema.js';

const src = join(import.meta.dirname, '../src');
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));

describe('the two entries', () => {
  it('`.` loads no zod and reaches the whole zod-free package', () => {
    const g = eagerImports(join(src, 'index.ts'), src);
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files).toEqual(
      expect.arrayContaining([
        'parse.ts',
        'emit.ts',
        'edit.ts',
        'format.ts',
        'lint/index.ts',
        'list-cluster.ts',
        'descriptor.ts',
      ]),
    );
    expect(g.files).not.toContain('schema.ts');
  });

  it('`./schema` holds the zod schemas (and the walk does see zod)', () => {
    expect(eagerImports(join(src, 'schema.ts'), src).packages).toContain('zod');
    expect(Object.keys(schema).sort()).toEqual([
      'ClusterConfCommandSchema',
      'ClusterConfKernelSchema',
      'ClusterConfSchema',
      'ClusterSchema',
      'HeartbeatModeSchema',
      'HeartbeatSchema',
      'NodeSchema',
      'TIER_SCHEMAS',
      'clusterConfJsonSchema',
      'defineClusterConf',
    ]);
    expect(Object.keys(main)).not.toContain('ClusterConfSchema');
  });

  it('are the only subpaths, with the JSON Schema file shipped', () => {
    expect(Object.keys(pkg.exports)).toEqual([
      '.',
      './schema',
      './cluster-conf.schema.json',
      './package.json',
    ]);
    expect(pkg.files).toContain('schema');
    expect(
      JSON.parse(
        readFileSync(join(import.meta.dirname, '..', pkg.exports['./cluster-conf.schema.json']), 'utf8'),
      ),
    ).toEqual(schema.clusterConfJsonSchema());
  });
});

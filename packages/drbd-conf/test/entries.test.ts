import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerImports } from '../../../test-support/imports.js';
import * as main from '../src/index.js';
import * as schema from '../src/schema-entry.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

describe('the two entries', () => {
  it('`.` loads no zod, no schema module and no parsimmon; `./schema` loads zod', () => {
    const g = eagerImports(join(src, 'index.ts'), src);
    // The walk covers the whole API: reading, writing, lint and the descriptor.
    expect(g.files).toEqual(
      expect.arrayContaining([
        'parse.ts',
        'dump/dump.ts',
        'emit.ts',
        'edit.ts',
        'migrate.ts',
        'descriptor.ts',
      ]),
    );
    expect(g.packages).toEqual(['@ftkit/core']);
    expect(g.files.filter((f) => /(^|\/)(schema|builders|model\/build)\.ts$/.test(f))).toEqual([]);
    expect(eagerImports(join(src, 'schema-entry.ts'), src).packages).toContain('zod');
  });

  it('the package ships exactly `.`, `./schema` and the JSON Schema file', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './schema', './config.schema.json', './package.json']);
    expect(pkg.files).toContain(pkg.exports['./config.schema.json'].replace(/^\.\//, ''));
    // The shipped file is the schema the code makes (regenerate: `npm run build && npm run json-schema`).
    expect(JSON.parse(readFileSync(join(root, 'config.schema.json'), 'utf8'))).toEqual(
      schema.configJsonSchema(),
    );
  });

  it('one name per concept: the two entries share no export, and `.` has no test-only helper', () => {
    // Adding a public name is a decision: this list changes with it, and so do the docs.
    expect(Object.keys(main).sort()).toEqual([
      'BLOCK_KEYWORDS',
      'CODES',
      'MAX_INCLUDE_DEPTH',
      'OPTION_TABLES',
      'collectSecrets',
      'detectDrbdVersion',
      'drbdConfFormat',
      'dump',
      'edit',
      'effective',
      'effectiveHost',
      'effectiveNodeIds',
      'emit',
      'emitFiles',
      'format',
      'lint',
      'migrate',
      'optionSpec',
      'optionValue',
      'parse',
      'parseCst',
      'print',
      'rules',
      'scaledValue',
      'secretsInText',
    ]);
    expect(Object.keys(schema).filter((k) => k in main)).toEqual([]);
    expect(Object.keys(schema.drbd).sort()).toEqual(['config', 'option', 'resource']);
  });

  it('lint and rules are the descriptor’s', () => {
    expect(main.lint).toBe(main.drbdConfFormat.lint);
    expect(main.rules).toBe(main.drbdConfFormat.rules);
  });
});

import { test } from '@fast-check/vitest';
import { memoryReader } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit, emitFiles, parse } from '../src/index.js';

import { includeSet, splitConfigArb } from './include-set.js';
import { strip } from './strip.js';

const read = (files: Record<string, string>) =>
  parse(files['/etc/drbd.conf']!, {
    drbdVersion: '8.4',
    fileName: '/etc/drbd.conf',
    reader: memoryReader(files),
    root: '/etc',
  });

describe('emitFiles', () => {
  const parsed = read(includeSet);
  const out = emitFiles(parsed.model, { mainFile: '/etc/drbd.conf' });

  it('reads the set cleanly (the precondition of the round trip)', () => {
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.model.resources.length).toBeGreaterThanOrEqual(3);
  });
  it('writes each file back on its own, the include statements in the main file', () => {
    expect([...out.keys()]).toEqual(Object.keys(includeSet));
    expect(out.get('/etc/drbd.conf')).toBe('include drbd.d/global_common.conf;\ninclude "drbd.d/*.res";\n');
    expect(out.get('/etc/drbd.d/global_common.conf')).toMatch(/^global \{/);
    // every resource once, in the file it came from
    const names = [...out.values()].flatMap((t) => [...t.matchAll(/^resource (\S+) \{/gm)].map((m) => m[1]));
    expect(names).toEqual(parsed.model.resources.map((r) => r.name));
    for (const r of parsed.model.resources) expect(out.get(r.file!)).toContain(`resource ${r.name} {`);
  });
  it('round-trips: the written files read back to the same model and write the same files', () => {
    const again = read(Object.fromEntries(out));
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(emit(again.model)).toBe(emit(parsed.model));
    expect(emitFiles(again.model, { mainFile: '/etc/drbd.conf' })).toEqual(out);
  });
  it('puts nodes without a file in the main file, which is always there', () => {
    const single = parse('resource r0 { on a { address 10.0.0.1:7789; } }');
    expect([...emitFiles(single.model).keys()]).toEqual(['drbd.conf']);
    expect(emitFiles({ drbdVersion: '9', resources: [], includes: [], requires: [] })).toEqual(
      new Map([['drbd.conf', '']]),
    );
  });
});

describe('emitFiles on random split configs', () => {
  test.prop([splitConfigArb], { numRuns: 100, seed: 20261207 })(
    'the written files read back to the model, each resource once',
    (m) => {
      const out = emitFiles(m, { mainFile: '/etc/drbd.conf' });
      expect(out.get('/etc/drbd.conf')).toBe('include "drbd.d/*.res";\n');
      const back = parse(out.get('/etc/drbd.conf')!, {
        fileName: '/etc/drbd.conf',
        reader: memoryReader(Object.fromEntries(out)),
        root: '/etc',
      });
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(strip(back.model)).toEqual(strip(m));
      expect(back.model.resources.map((r) => r.file)).toEqual(m.resources.map((r) => r.file));
      expect(emitFiles(back.model, { mainFile: '/etc/drbd.conf' })).toEqual(out);
    },
  );
});

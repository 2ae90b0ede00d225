import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { memoryReader } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit, emitFiles, parse } from '../../src/index.js';
import { includeSet, splitConfigArb } from '../include-set.js';
import { runDrbdadm, runDrbdadmAs, stripComments } from './drbdadm.js';

/** Writes `/etc/…` files under a fresh directory; returns the path of its drbd.conf. */
function writeSet(files: ReadonlyMap<string, string> | Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-emit-files-'));
  for (const [name, text] of files instanceof Map ? files : Object.entries(files)) {
    const path = join(dir, name.replace(/^\/etc\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return join(dir, 'drbd.conf');
}

describe('emitFiles of a real include set, read by drbdadm-84', () => {
  const parsed = parse(includeSet['/etc/drbd.conf']!, {
    drbdVersion: '8.4',
    fileName: '/etc/drbd.conf',
    reader: memoryReader(includeSet),
    root: '/etc',
  });
  const written = emitFiles(parsed.model, { mainFile: '/etc/drbd.conf' });
  // as `alice` of liquidweaver-r0.res; drbdadm notes the other resources as ignored
  const as = (file: string) => ({ file, node: 'alice', ips: ['172.22.33.10'] });
  const [original, again] = runDrbdadmAs([as(writeSet(includeSet)), as(writeSet(written))], '8.4');
  it('accepts the written files and dumps them as it dumps the originals', () => {
    expect(original!.rc, original!.stderr).toBe(0);
    expect(again!.rc, again!.stderr).toBe(0);
    expect(stripComments(again!.stdout)).toBe(stripComments(original!.stdout));
    // each resource once: inlining every include into the main file would define them twice
    const names = [...again!.stdout.matchAll(/^resource (\S+) \{/gm)].map((m) => m[1]);
    expect(names).toEqual(parsed.model.resources.map((r) => r.name));
  });
});

describe('emitFiles of random split configs, read by drbdadm 9', () => {
  const models = fc.sample(splitConfigArb, { numRuns: 20, seed: 20261207 });
  // each model twice: split by emitFiles, and inlined by emit into one file
  const files = models.flatMap((m) => [
    writeSet(emitFiles(m, { mainFile: '/etc/drbd.conf' })),
    writeSet({ '/etc/drbd.conf': emit(m) }),
  ]);
  const runs = runDrbdadm(files, '9');
  it('accepts the split files and dumps them as the one-file config', () => {
    models.forEach((_m, i) => {
      const split = runs[2 * i]!;
      const one = runs[2 * i + 1]!;
      expect(split.rc, split.stderr).toBe(0);
      expect(one.rc, one.stderr).toBe(0);
      expect(stripComments(split.stdout)).toBe(stripComments(one.stdout));
    });
    // the sample splits at least one config over several files
    expect(models.some((m) => new Set(m.resources.map((r) => r.file)).size > 1)).toBe(true);
  });
});

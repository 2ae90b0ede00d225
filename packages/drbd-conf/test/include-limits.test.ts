import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isInside, memoryReader, type SourceReader } from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import { describe, expect, it } from 'vitest';
import { MAX_INCLUDE_DEPTH, parse } from '../src/index.js';

const res = (name: string, minor: number) =>
  `resource ${name} {\n  on alice { device /dev/drbd${minor}; disk /dev/sdb; address 10.1.1.31:${7000 + minor}; meta-disk internal; }\n  on bob { device /dev/drbd${minor}; disk /dev/sdb; address 10.1.1.32:${7000 + minor}; meta-disk internal; }\n}\n`;

/**
 * A reader over `files` where each directory in `aliases` (alias → target, absolute) behaves like
 * a symbolic link: reads, globs and realpath go through it, as on a real file system.
 */
function aliasReader(files: Record<string, string>, aliases: Record<string, string>): SourceReader {
  const base = memoryReader(files);
  const resolveAlias = (p: string): string => {
    for (const [a, t] of Object.entries(aliases)) {
      if (p === a) return t;
      if (p.startsWith(`${a}/`)) return resolveAlias(`${t}${p.slice(a.length)}`);
    }
    return p;
  };
  return {
    readFile: (p) => base.readFile(resolveAlias(p)),
    glob: (pattern) => {
      const real = resolveAlias(pattern.slice(0, pattern.lastIndexOf('/')));
      const tail = pattern.slice(pattern.lastIndexOf('/'));
      const dir = pattern.slice(0, pattern.lastIndexOf('/'));
      return base.glob(`${real}${tail}`).map((p) => `${dir}${p.slice(real.length)}`);
    },
    realpath: (p) => base.realpath?.(resolveAlias(p)),
  };
}

describe('include resolution on hostile trees', () => {
  it('reads a directory reached through two aliases once (drbdadm compares canonical paths)', () => {
    // The repro of issue 13 item 3: `l1 -> .` and `l2 -> .` used to re-include exponentially.
    const files = { '/lab/a.conf': `include "l1/a.conf";\ninclude "l2/a.conf";\n${res('a', 0)}` };
    const reader = aliasReader(files, { '/lab/l1': '/lab', '/lab/l2': '/lab' });
    const r = parse(files['/lab/a.conf'], { fileName: '/lab/a.conf', reader, root: '/lab' });
    expect(r.files.map((f) => f.fileName)).toEqual(['/lab/a.conf']);
    expect(r.model.resources.map((x) => x.name)).toEqual(['a']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test.prop(
    [
      fc.array(
        fc.array(fc.tuple(fc.nat(5), fc.constantFrom('', 'l1/', 'l2/', 'l1/l2/', 'l2/l1/'), fc.boolean()), {
          maxLength: 6,
        }),
        { minLength: 1, maxLength: 6 },
      ),
    ],
    { numRuns: 150 },
  )('any include graph through aliased directories reads each real file at most once', (graph) => {
    const files: Record<string, string> = {};
    graph.forEach((edges, i) => {
      const incs = edges.map(([to, via, glob]) =>
        glob
          ? `include "${via}f${to % graph.length}*.conf";\n`
          : `include "${via}f${to % graph.length}.conf";\n`,
      );
      files[`/lab/f${i}.conf`] = `${incs.join('')}${res(`r${i}`, i)}`;
    });
    const reader = aliasReader(files, { '/lab/l1': '/lab', '/lab/l2': '/lab' });
    const r = parse(files['/lab/f0.conf']!, { fileName: '/lab/f0.conf', reader, root: '/lab' });
    const real = r.files.map((f) => reader.realpath!(f.fileName!));
    expect(new Set(real).size).toBe(real.length);
    expect(real.length).toBeLessThanOrEqual(graph.length);
    expect(r.diagnostics.filter((d) => d.code === 'drbd/internal')).toEqual([]);
  });

  it('lists each distinct glob pattern once however often it is included', () => {
    // Issue 13 item 12: 10⁵ `include "d/*.res";` walked the directory 10⁵ times (31 s).
    const files: Record<string, string> = { '/lab/main.conf': 'include "d/*.res";\n'.repeat(20_000) };
    for (let i = 0; i < 10; i++) files[`/lab/d/r${i}.res`] = res(`r${i}`, i);
    const base = memoryReader(files);
    let globs = 0;
    const reader: SourceReader = {
      ...base,
      glob: (p) => {
        globs++;
        return base.glob(p);
      },
    };
    const t0 = performance.now();
    const r = parse(files['/lab/main.conf']!, { fileName: '/lab/main.conf', reader });
    expect(globs).toBe(1);
    expect(r.model.resources).toHaveLength(10);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('stays fast on the real file system: 10⁵ repeated globs in seconds, not 31 s', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ftkit-same-glob-')));
    mkdirSync(join(dir, 'd'));
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `d/r${i}.res`), res(`r${i}`, i));
    const text = 'include "d/*.res";\n'.repeat(100_000);
    const t0 = performance.now();
    const r = parse(text, { fileName: join(dir, 'main.conf'), reader: fsReader({ root: dir }) });
    expect(r.model.resources).toHaveLength(10);
    expect(performance.now() - t0).toBeLessThan(8000);
  });

  it('reports a depth limit instead of an internal error on a very long include chain', () => {
    // Issue 13, low: ~1,400 nested includes overflowed the stack ("internal error").
    const n = MAX_INCLUDE_DEPTH + 200;
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++)
      files[`/c/f${i}.conf`] = i < n - 1 ? `include "f${i + 1}.conf";\n` : res('last', 0);
    const r = parse(files['/c/f0.conf']!, { fileName: '/c/f0.conf', reader: memoryReader(files) });
    expect(r.diagnostics.filter((d) => d.code === 'drbd/internal')).toEqual([]);
    const deep = r.diagnostics.filter((d) => d.code === 'drbd/include-depth');
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatchObject({
      severity: 'error',
      file: `/c/f${MAX_INCLUDE_DEPTH}.conf`,
      message: `Invalid include \`f${MAX_INCLUDE_DEPTH + 1}.conf\`: includes nest more than ${MAX_INCLUDE_DEPTH} files deep`,
    });
    expect(r.files).toHaveLength(MAX_INCLUDE_DEPTH + 1);
  });

  it('accepts a chain exactly as deep as the limit', () => {
    const n = MAX_INCLUDE_DEPTH + 1;
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++)
      files[`/c/f${i}.conf`] = i < n - 1 ? `include "f${i + 1}.conf";\n` : res('last', 0);
    const r = parse(files['/c/f0.conf']!, { fileName: '/c/f0.conf', reader: memoryReader(files) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model.resources.map((x) => x.name)).toEqual(['last']);
  });

  test.prop(
    [
      fc.array(
        fc.array(
          fc.constantFrom('..', '.', 'lab', 'etc', 'proc', 'self', 'environ', 'd', '*', '*.res', '/'),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        { minLength: 1, maxLength: 6 },
      ),
    ],
    { numRuns: 300 },
  )('never asks the reader for a file outside the root, whatever the include says', (paths) => {
    const files: Record<string, string> = {
      '/lab/main.res': '',
      '/lab/d/a.res': 'include "../../etc/shadow";\n',
      '/etc/shadow': 'x',
      '/proc/self/environ': 'x',
    };
    files['/lab/main.res'] = paths.map((p) => `include "${p.join('/').replace(/\/\/+/g, '/')}";\n`).join('');
    const base = memoryReader(files);
    const asked: string[] = [];
    const reader: SourceReader = {
      readFile: (p) => {
        asked.push(p);
        return base.readFile(p);
      },
      glob: (p) => {
        asked.push(p);
        return base.glob(p);
      },
    };
    parse(files['/lab/main.res']!, { fileName: '/lab/main.res', reader });
    for (const p of asked) expect(isInside('/lab', p), p).toBe(true);
  });

  it('confines includes to the main file’s directory by default', () => {
    // Issue 13 item 2: the default root was `/`, so `/proc/self/environ` was read and framed.
    const files = {
      '/lab/main.res': 'include "/proc/self/environ";\ninclude "../etc/shadow";\n',
      '/proc/self/environ': 'TOKEN=x',
      '/etc/shadow': 'x',
    };
    const r = parse(files['/lab/main.res'], { fileName: '/lab/main.res', reader: memoryReader(files) });
    expect(r.files).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Include `/proc/self/environ` points outside the allowed root `/lab`',
      'Include `../etc/shadow` points outside the allowed root `/lab`',
    ]);
  });
});

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, memoryReader, normalizePath, resolvePath, sysrootReader } from '../src/index.js';
import { fsReader } from '../src/node/index.js';

describe('paths', () => {
  it('normalises and resolves POSIX paths without the file system', () => {
    expect(normalizePath('/etc//drbd.d/../drbd.conf')).toBe('/etc/drbd.conf');
    expect(normalizePath('/../../etc/shadow')).toBe('/etc/shadow');
    expect(resolvePath('/etc/drbd.d', '../../etc/shadow')).toBe('/etc/shadow');
    expect(isInside('/etc/drbd.d', '/etc/drbd.d/r0.res')).toBe(true);
    expect(isInside('/etc/drbd.d', '/etc/drbd.d/../shadow')).toBe(false);
    expect(isInside('/etc/drbd', '/etc/drbd.d/x')).toBe(false);
  });

  it('memoryReader reads and globs', () => {
    const r = memoryReader({ '/etc/drbd.conf': 'x', '/etc/drbd.d/b.res': 'b', '/etc/drbd.d/a.res': 'a' });
    expect(r.readFile('/etc/./drbd.conf')).toBe('x');
    expect(r.glob('/etc/drbd.d/*.res')).toEqual(['/etc/drbd.d/a.res', '/etc/drbd.d/b.res']);
  });
});

describe('fsReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-reader-'));
  mkdirSync(join(dir, 'root/drbd.d'), { recursive: true });
  writeFileSync(join(dir, 'root/drbd.d/r0.res'), 'resource r0 {}');
  writeFileSync(join(dir, 'secret'), 'shadow');
  symlinkSync(join(dir, 'secret'), join(dir, 'root/drbd.d/link.res'));
  const reader = fsReader({ root: join(dir, 'root') });

  it('reads inside the root and refuses outside, also through links', () => {
    expect(reader.readFile(join(dir, 'root/drbd.d/r0.res'))).toBe('resource r0 {}');
    expect(reader.readFile(join(dir, 'root/../secret'))).toBeUndefined();
    expect(reader.readFile(join(dir, 'root/drbd.d/link.res'))).toBeUndefined();
    expect(reader.readFile(join(dir, 'root/missing'))).toBeUndefined();
  });

  it('globs inside the root only', () => {
    expect(reader.glob(join(dir, 'root/drbd.d/*.res'))).toEqual([join(dir, 'root/drbd.d/r0.res')]);
    expect(reader.glob(join(dir, '*'))).toEqual([]);
  });
});

describe('sysrootReader', () => {
  const inner = memoryReader({
    '/repo/etc/drbd.conf': 'include "/etc/drbd.d/*.res";',
    '/repo/etc/drbd.d/r0.res': 'resource r0 {}',
    '/etc/drbd.d/host.res': 'resource host {}',
  });
  const reader = sysrootReader({ ...inner, root: '/repo/etc' }, '/repo');

  it('reads absolute paths under the sysroot and maps results back', () => {
    expect(reader.readFile('/etc/drbd.d/r0.res')).toBe('resource r0 {}');
    expect(reader.glob('/etc/drbd.d/*.res')).toEqual(['/etc/drbd.d/r0.res']);
    expect(reader.realpath?.('/etc/drbd.conf')).toBe('/etc/drbd.conf');
    expect(reader.root).toBe('/etc');
  });

  it('never reaches outside the sysroot, also with ..', () => {
    expect(reader.readFile('/../etc/drbd.d/host.res')).toBeUndefined();
    expect(reader.readFile('/etc/../../etc/drbd.d/host.res')).toBeUndefined();
  });
});

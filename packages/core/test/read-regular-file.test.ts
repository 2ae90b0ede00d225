import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fsReader, openRegularFile, readRegularFile } from '../src/node/index.js';

describe('readRegularFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-regular-'));
  writeFileSync(join(dir, 'ten'), '0123456789');
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  mkdirSync(join(dir, 'sub'));

  it('refuses a FIFO without a writer at once instead of blocking (issue 13 item 11)', () => {
    const t0 = performance.now();
    expect(readRegularFile(join(dir, 'fifo'))).toEqual({ ok: false, reason: 'not-regular' });
    expect(openRegularFile(join(dir, 'fifo'))).toEqual({ ok: false, reason: 'not-regular' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses devices: /dev/zero would be read without end', () => {
    expect(readRegularFile('/dev/zero')).toEqual({ ok: false, reason: 'not-regular' });
    expect(readRegularFile('/dev/null')).toEqual({ ok: false, reason: 'not-regular' });
  });

  it('names directories, missing files and stops at the byte limit', () => {
    expect(readRegularFile(join(dir, 'sub'))).toMatchObject({ ok: false, reason: 'directory' });
    expect(readRegularFile(join(dir, 'nope'))).toMatchObject({ ok: false, reason: 'missing' });
    expect(readRegularFile(join(dir, 'ten'), { maxBytes: 9 })).toEqual({ ok: false, reason: 'too-large' });
    const ok = readRegularFile(join(dir, 'ten'), { maxBytes: 10 });
    expect(ok.ok && ok.bytes.toString()).toBe('0123456789');
  });

  it('bounds files whose size the kernel reports as 0 (/proc) by the bytes actually read', () => {
    // /proc/self/maps is "regular" with st_size 0 but has far more than 16 bytes.
    expect(readRegularFile('/proc/self/maps', { maxBytes: 16 })).toEqual({ ok: false, reason: 'too-large' });
    const whole = readRegularFile('/proc/self/maps');
    expect(whole.ok && whole.bytes.length).toBeGreaterThan(16);
  });

  test.prop([fc.uint8Array({ maxLength: 3000 }), fc.nat(4000)], { numRuns: 60 })(
    'returns the exact bytes when they fit, else too-large',
    (bytes, max) => {
      const f = join(dir, 'p');
      writeFileSync(f, bytes);
      const r = readRegularFile(f, { maxBytes: max });
      if (bytes.length <= max) expect(r.ok && [...r.bytes]).toEqual([...bytes]);
      else expect(r).toEqual({ ok: false, reason: 'too-large' });
    },
  );
});

describe('fsReader on special files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-special-'));
  execFileSync('mkfifo', [join(dir, 'fifo.res')]);
  symlinkSync('/dev/zero', join(dir, 'zero.res'));
  const reader = fsReader({ root: dir });

  it('reads FIFOs and devices as missing, and gives canonical paths inside the root only', () => {
    expect(reader.readFile(join(dir, 'fifo.res'))).toBeUndefined();
    expect(reader.readFile(join(dir, 'zero.res'))).toBeUndefined();
    expect(reader.realpath?.(join(dir, 'zero.res'))).toBeUndefined();
    expect(reader.realpath?.(join(dir, 'fifo.res'))).toBe(join(dir, 'fifo.res'));
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

// "# 主节点" (primary node) in GBK, as Chinese users' files carry it: not UTF-8.
const GBK = Buffer.from([0x23, 0x20, 0xd6, 0xf7, 0xbd, 0xda, 0xb5, 0xe3]);
const ascii = (s: string) => Buffer.from(s, 'latin1');

function file(body: Buffer) {
  const d = mkdtempSync(join(tmpdir(), 'ftkit-bytes-'));
  writeFileSync(join(d, 'r0.res'), body);
  return d;
}

const resource = (net: string) =>
  Buffer.concat([
    ascii('resource r0 {\n  '),
    GBK,
    ascii(`\n  net { ${net} }\n`),
    ascii('  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }\n'),
    ascii('  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }\n}\n'),
  ]);

describe('bytes that are not UTF-8 survive a rewrite', () => {
  it('lint --fix changes only the fixed bytes', async () => {
    const before = resource('protocol C; protocol C;');
    const d = file(before);
    const { io } = memoryIo(d);
    await run(['lint', '--fix', '--drbd-version', '9', 'r0.res'], io);
    const after = readFileSync(join(d, 'r0.res'));
    expect(after.includes(GBK)).toBe(true);
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    expect(after.equals(resource('protocol C;'))).toBe(true);
  });

  it('fmt --write keeps the comment byte for byte', async () => {
    const d = file(resource('protocol C;'));
    expect(await run(['fmt', '--write', 'r0.res'], memoryIo(d).io)).toBe(0);
    const after = readFileSync(join(d, 'r0.res'));
    expect(
      after.subarray(0, 14 + 4 + GBK.length).equals(Buffer.concat([ascii('resource r0 {\n    '), GBK])),
    ).toBe(true);
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
  });

  it('drbd migrate --write keeps the comment byte for byte', async () => {
    const d = file(resource('protocol C; } syncer { rate 10M;'));
    expect(await run(['drbd', 'migrate', '--write', 'r0.res'], memoryIo(d).io)).toBe(0);
    const after = readFileSync(join(d, 'r0.res'));
    expect(after.includes(GBK)).toBe(true);
    expect(after.includes(ascii('resync-rate 10M;'))).toBe(true);
  });

  it('fmt to standard output prints the comment byte for byte', async () => {
    const d = file(resource('protocol C;'));
    const base = memoryIo(d);
    const chunks: Uint8Array[] = [];
    const io = { ...base.io, stdoutBytes: (b: Uint8Array) => void chunks.push(b) };
    expect(await run(['fmt', 'r0.res'], io)).toBe(0);
    const out = Buffer.concat(chunks);
    expect(out.includes(GBK)).toBe(true);
    expect(out.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    expect(base.stdout()).toBe('');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dump, emit, parse } from '../../src/index.js';
import { drbd } from '../../src/schema-entry.js';
import { runDrbdadm, stripComments } from './drbdadm.js';

// Builder address strings are read by a parsimmon grammar (model/value-grammar.ts). drbdadm 9 is
// the oracle: the emitted file must be accepted, and its dump must equal ours.
it('drbdadm 9 accepts the addresses the builder read from strings', () => {
  const config = drbd.config({
    resources: [
      drbd.resource({
        name: 'v4',
        device: '/dev/drbd1',
        disk: '/dev/sdb1',
        metaDisk: 'internal',
        hosts: [
          { name: 'alice', address: '10.1.1.31:7789' },
          { name: 'bob', address: '10.1.1.32:7789' },
        ],
      }),
      drbd.resource({
        name: 'v6',
        device: '/dev/drbd2',
        disk: '/dev/sdb2',
        metaDisk: 'internal',
        hosts: [
          { name: 'alice', address: '[fd00::31]:7790' },
          { name: 'bob', address: '[fd00::32]:7790' },
        ],
      }),
    ],
  });
  const text = emit(config);
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-builder-address-'));
  const file = join(dir, 'drbd.conf');
  writeFileSync(file, text);
  const [run] = runDrbdadm([file], '9');
  expect(run!.stderr).not.toMatch(/parse error|syntax|invalid/i);
  expect(run!.rc).toBe(0);
  expect(stripComments(run!.stdout)).toMatch(/address +ipv6 \[fd00::31\]:7790;/);
  expect(stripComments(dump(parse(text).model, { host: 'alice' }))).toBe(stripComments(run!.stdout));
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { emitStatusText, parse, parseStatusText } from '../src/index.js';
import { status } from './arbitraries.js';
import { readFixture } from './helpers.js';

// [fixture, options, what the fixture lacks]: output captured by a program is not a terminal.
const cases: [string, Parameters<typeof emitStatusText>[1], string][] = [
  ['status-text-default-three-node-sync-connecting.txt', {}, ''],
  ['status-text-diskless-client-quorum-lost-suspended.txt', {}, ''],
  ['status-text-standalone-peer.txt', {}, ''],
  ['status-text-utils-9.6.0-two-resources-two-volumes.txt', {}, ''],
  ['status-text-verbose-statistics-three-node-80col.txt', { verbose: true, statistics: true }, ''],
  ['status-text-verbose-statistics-verify-synctarget-80col.txt', { verbose: true, statistics: true }, ''],
  ['status-text-synctarget-without-done-and-diskless-peer.txt', { tty: true }, ''],
  // Transcribed from issue and PR texts that dropped the terminating empty line.
  ['status-text-connecting-initial.txt', {}, '\n'],
  ['status-text-synctarget-done.txt', {}, '\n'],
  [
    'status-text-verbose-statistics-wide-terminal.txt',
    { verbose: true, statistics: true, width: 200, tty: true },
    '\n',
  ],
];

describe('emitStatusText', () => {
  it.each(cases)('%s is reproduced byte for byte', (name, options, missing) => {
    const text = readFixture(name);
    expect(emitStatusText(parse(text).model, options)).toBe(text + missing);
  });

  it('no resources', () => {
    expect(emitStatusText({ source: 'status-text', kernel: null, resources: [] })).toBe(
      '# No currently configured DRBD found.\n',
    );
  });

  test.prop([status, fc.boolean(), fc.boolean(), fc.integer({ min: 40, max: 200 }), fc.boolean()], {
    numRuns: 200,
  })(
    'what it writes reads back to what it writes (any flags and width)',
    (m, verbose, statistics, width, tty) => {
      const o = { verbose, statistics, width, tty };
      const text = emitStatusText(m, o);
      const back = parseStatusText(text);
      expect(back.diagnostics).toEqual([]);
      expect(emitStatusText(back.model, o)).toBe(text);
    },
  );
});

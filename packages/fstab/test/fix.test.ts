import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { lint, parse } from '../src/index.js';
import { fixture } from './helpers.js';

const optionArb = fc.constantFrom(
  'defaults',
  '_netdev',
  'noauto',
  'datavolume',
  'heartbeat=local',
  'heartbeat=global',
  'cluster_stack=pcmk',
  'nointr',
  'intr',
  'ro',
  'rw',
  'errors=continue',
  'resv_level=12',
  'x-systemd.requires=o2cb.service',
  'nocluster',
  'noatme',
  'data=ordered',
  'data=writeback',
  '_netdev',
);
const entryArb = fc
  .record({
    spec: fc.constantFrom('/dev/drbd0', '/dev/sdc1', 'LABEL=x', '/dev/nbd1', 'UUID=1'),
    file: fc.constantFrom('/a', '/b', 'rel', '/a/'),
    type: fc.constantFrom('ocfs2', 'ext4', 'xfs', 'nfs'),
    options: fc.array(optionArb, { maxLength: 5 }),
    pass: fc.constantFrom('', ' 0 0', ' 0 2', ' 1'),
  })
  .map(
    (e) =>
      `${e.spec} ${e.file} ${e.type}${e.options.length ? ` ${e.options.join(',')}` : ''}${e.options.length ? e.pass : ''}`,
  );

// lint --fix reaches a fixed point: nothing fixable is left, parsing stays clean, and fixing again
// changes nothing.
test.prop([fc.array(entryArb, { minLength: 1, maxLength: 6 })], { numRuns: 200 })(
  'fixes are complete and stable',
  (lines) => {
    const text = `${lines.join('\n')}\n`;
    const out = lint(text, { fix: true, settings: { heartbeatMode: 'global' } }).output!;
    const after = lint(out, { settings: { heartbeatMode: 'global' } }).diagnostics;
    expect(
      after.filter((d) => d.fix),
      out,
    ).toEqual([]);
    expect(parse(out).model.entries).toHaveLength(parse(text).model.entries.length);
    expect(lint(out, { fix: true, settings: { heartbeatMode: 'global' } }).output).toBe(out);
  },
);

test.prop([fc.constant(fixture())])('the fixture fixes cleanly', (text) => {
  const out = lint(text, { fix: true }).output!;
  expect(lint(out).diagnostics.filter((d) => d.fix)).toEqual([]);
});

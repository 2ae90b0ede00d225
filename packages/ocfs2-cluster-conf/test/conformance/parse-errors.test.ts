import { formatDiagnosticLine } from '@ftkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ocfs2ClusterConfFormat, parse } from '../../src/index.js';
import { Scratch } from '../support/o2cb.js';

const scratch = new Scratch();
afterAll(() => scratch.dispose());

const ok =
  'cluster:\n\tname = a\n\tnode_count = 1\n\nnode:\n\tname = n1\n\tcluster = a\n\tnumber = 1\n\tip_address = 10.0.0.1\n\tip_port = 7777\n';

// Every line-level error of reference §1.4 and every load error of §1.7, each with the diagnostic
// we give (position and code) and checked against the real o2cb's verdict and error number.
const cases: [string, string, string, number | 'crash'][] = [
  ['indented comment', ok.replace('\tname = a\n', '\tname = a\n\t# c\n'), '3:1 ocfs2/indented-comment', 251],
  ['`;` comment', `;comment\n${ok}`, '1:1 ocfs2/invalid-line', 251],
  ['`[cluster]`', `[cluster]\n${ok}`, '1:1 ocfs2/invalid-line', 251],
  ['ocfs2/bom', `\ufeff${ok}`, '1:1 ocfs2/bom', 251],
  ['space before colon', ok.replace('cluster:', 'cluster :'), '1:8 ocfs2/header-format', 251],
  ['text after colon', ok.replace('cluster:', 'cluster: x'), '1:10 ocfs2/header-format', 251],
  ['no colon', ok.replace('node:', 'node'), '5:5 ocfs2/header-format', 251],
  ['indented header', ok.replace('node:', ' node:'), '5:6 ocfs2/key-format', 251],
  ['dash in header', ok.replace('node:', 'node-x:'), '5:1 ocfs2/header-format', 251],
  ['dot in key', ok.replace('\tname = n1', '\tfoo.bar = n1\n\tname = n1'), '6:2 ocfs2/key-format', 251],
  ['space in key', ok.replace('\tip_port', '\tip port'), '10:2 ocfs2/key-format', 251],
  ['missing =', ok.replace('\tname = n1', '\tname n1'), '6:7 ocfs2/key-format', 251],
  ['no key', ok.replace('\tname = n1', '\t= n1'), '6:2 ocfs2/key-format', 251],
  ['attribute before any header', `\tname = a\n${ok}`, '1:1 ocfs2/attribute-outside-stanza', 251],
  [
    'blank line inside a stanza',
    ok.replace('\tname = a\n', '\tname = a\n\n'),
    '3:1 ocfs2/blank-in-stanza',
    251,
  ],
  [
    'blank-only line inside a stanza',
    ok.replace('\tname = a\n', '\tname = a\n \t\n'),
    '3:1 ocfs2/blank-in-stanza',
    251,
  ],
  ['CR after a header', ok.replace('node:\n', 'node:\r\n'), '5:6 ocfs2/crlf', 251],
  ['cluster without name', ok.replace('\tname = a\n', ''), '1:1 ocfs2/cluster-name-missing', 'crash'],
  [
    'duplicate cluster',
    `${ok}\ncluster:\n\tname = a\n\tnode_count = 0\n`,
    '13:9 ocfs2/cluster-duplicate',
    254,
  ],
  [
    'bad heartbeat_mode',
    ok.replace('\tname = a\n', '\tname = a\n\theartbeat_mode = none\n'),
    '3:19 ocfs2/heartbeat-mode-invalid',
    234,
  ],
  ['missing ip_port', ok.replace('\tip_port = 7777\n', ''), '5:1 ocfs2/required-missing', 234],
  ['empty name', ok.replace('\tname = n1', '\tname ='), '6:2 ocfs2/required-missing', 234],
  [
    'comment after a number',
    ok.replace('node_count = 1', 'node_count = 1 # one'),
    '3:15 ocfs2/number-invalid',
    234,
  ],
  ['hex number', ok.replace('number = 1', 'number = 0x1'), '8:11 ocfs2/number-invalid', 234],
  ['negative number', ok.replace('number = 1', 'number = -1'), '8:11 ocfs2/number-range', 222],
  ['number too large', ok.replace('number = 1', 'number = 2147483647'), '8:11 ocfs2/number-range', 222],
  ['leading zero in IP', ok.replace('10.0.0.1', '010.0.0.1'), '9:15 ocfs2/ip-address-invalid', 234],
  ['host name as IP', ok.replace('10.0.0.1', 'node1'), '9:15 ocfs2/ip-address-invalid', 234],
  [
    'duplicate node name',
    `${ok}\nnode:\n\tname = n1\n\tcluster = a\n\tnumber = 2\n\tip_address = 10.0.0.2\n\tip_port = 7777\n`,
    '13:9 ocfs2/node-duplicate',
    244,
  ],
];

describe('o2cb refuses exactly these, and we say where and why', () => {
  it.each(cases)('%s', (_what, text, want, code) => {
    const r = parse(text);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.code}`)).toContain(
      want,
    );
    for (const d of errors)
      expect(formatDiagnosticLine(d)).toMatch(/\((o2cb refuses the whole file|o2cb crashes on this file)\)$/);
    expect(r.o2cb).toEqual({ accepted: false, code });
    scratch.write(text);
    const real = scratch.o2cb('list-cluster', 'a');
    if (code === 'crash') expect(real.status).toBe(139);
    else
      expect(real.stderr).toBe(
        `o2cb: Unknown code ____ ${code} while loading cluster configuration file 'cluster.conf'\n`,
      );
  });

  it.each([
    ['CR on attribute and comment lines', ok.replace('\tname = a\n', '\tname = a\r\n# c\r\n')],
    ['spaces as indentation', ok.replace(/\t/g, '        ')],
    ['no blank lines between stanzas', ok.replace('\n\nnode:', '\nnode:')],
    ['comment inside a stanza', ok.replace('\tname = a\n', '\tname = a\n# c\n')],
    ['continuation in a name', ok.replace('\tname = n1', '\tname = n\\\n1')],
    ['node before its cluster', ok.split('\n\n').reverse().join('\n\n')],
    ['missing final newline', ok.slice(0, -1)],
    ['header with trailing blanks', ok.replace('node:', 'node: \t')],
  ])('accepts %s like o2cb', (_what, text) => {
    expect(parse(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    scratch.write(text);
    expect(scratch.o2cb('list-cluster', 'a').status).toBe(0);
  });
});

describe('descriptor', () => {
  it('detects cluster.conf by name and by content', () => {
    expect(ocfs2ClusterConfFormat.detect('/etc/ocfs2/cluster.conf', ok)).toBe(1);
    expect(ocfs2ClusterConfFormat.detect('x.txt', ok)).toBeGreaterThan(0.5);
    expect(ocfs2ClusterConfFormat.detect('x.txt', 'O2CB_ENABLED=true\n')).toBe(0);
    expect(ocfs2ClusterConfFormat.format!(ok).text).toBe(
      'cluster:\n\tname = a\n\theartbeat_mode = local\n\tnode_count = 1\n\nnode:\n\tcluster = a\n\tnumber = 1\n\tip_port = 7777\n\tip_address = 10.0.0.1\n\tname = n1\n\n',
    );
  });
});

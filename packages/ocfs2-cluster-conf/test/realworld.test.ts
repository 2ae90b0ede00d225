import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, parse, parseCst, print } from '../src/index.js';
import { readRealworld, realworldDir, realworldFiles } from './realworld-support.js';

// cluster.conf files nobody on this project wrote: ocfs2-tools' sample and man page, how-tos and
// lab reports, and o2cb's own output. test/conformance/realworld.test.ts runs the real o2cb on them.

describe('real cluster.conf files', () => {
  it('has a source for every sample', () => {
    const sources = readFileSync(join(realworldDir, 'SOURCES.md'), 'utf8');
    for (const f of realworldFiles) expect(sources, f).toContain(`\`${f}\``);
    expect(realworldFiles.length).toBe(12);
  });

  it.each(realworldFiles)('%s prints losslessly', (name) => {
    const text = readRealworld(name);
    expect(print(parseCst(text))).toBe(text);
  });

  it('lint reports what the snapshot shows', async () => {
    const out: string[] = [];
    for (const name of realworldFiles) {
      const text = readRealworld(name);
      const r = lint(text, { fileName: name });
      out.push(`## ${name} (o2cb ${parse(text).o2cb.accepted ? 'accepts' : 'refuses'} it)`);
      out.push(...r.diagnostics.map(formatDiagnosticLine));
    }
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/realworld.lint.txt');
  });

  it('reports space indentation once per file, not once per attribute line', () => {
    const r = lint(readRealworld('ocfs2-tools-man5-list-cluster.conf'));
    const found = r.diagnostics.filter((d) => d.code === 'indent-tab');
    expect(found.map(formatDiagnosticLine)).toEqual([
      '2:1-2:9 info indent-tab Expected one TAB as indentation, found `        ` on all 24 attribute lines',
    ]);
    expect(found[0]!.fix?.edits.length).toBe(24);
  });
});

describe('attribute lines without indentation', () => {
  const text =
    'cluster:\nnode_count = 1\nname = web\n\nnode:\n\tip_port = 7777\nip_address = 10.0.0.1\n\tnumber = 0\n\tname = a\n\tcluster = web\n';

  it('names the cause once per line, with no cascade of header errors', () => {
    const r = parse(text, { fileName: 'cluster.conf' });
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([
      '2:1-2:11 error ocfs2/attribute-not-indented Expected indentation before `node_count = 1`: attribute lines start with a TAB (o2cb refuses the whole file)',
      '3:1-3:5 error ocfs2/attribute-not-indented Expected indentation before `name = web`: attribute lines start with a TAB (o2cb refuses the whole file)',
      '7:1-7:11 error ocfs2/attribute-not-indented Expected indentation before `ip_address = 10.0.0.1`: attribute lines start with a TAB (o2cb refuses the whole file)',
    ]);
    expect(r.o2cb).toMatchObject({ accepted: false, code: 251 });
  });

  it('--fix indents them', () => {
    const r = lint(text, { fix: true });
    expect(r.output).toBe(text.replace(/^(?=[a-z_]+ = )/gm, '\t'));
    expect(parse(r.output!).o2cb.accepted).toBe(true);
  });
});

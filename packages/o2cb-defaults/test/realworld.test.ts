import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, parse, parseCst, print } from '../src/index.js';

// /etc/default/o2cb and /etc/sysconfig/o2cb files nobody on this project wrote (ocfs2-tools'
// vendor file, Debian's postinst output, how-tos); SOURCES.md there names each origin.
// test/conformance/realworld-shells.test.ts sources them with bash and dash.

const dir = join(import.meta.dirname, 'fixtures', 'realworld');
const samples = readdirSync(dir)
  .filter((f) => f !== 'SOURCES.md')
  .sort();

describe('real o2cb defaults files', () => {
  it('has a source for every sample', () => {
    const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
    for (const f of samples) expect(sources, f).toContain(`\`${f}\``);
    expect(samples.length).toBe(5);
  });

  it.each(samples)('%s prints losslessly and parses without errors', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(print(parseCst(text))).toBe(text);
    expect(parse(text).diagnostics.map(formatDiagnosticLine)).toEqual([]);
  });

  it('lint reports what the snapshot shows', async () => {
    const out: string[] = [];
    for (const name of samples) {
      const text = readFileSync(join(dir, name), 'utf8');
      out.push(`## ${name}`, ...lint(text, { fileName: name }).diagnostics.map(formatDiagnosticLine));
    }
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/realworld.lint.txt');
  });
});

describe('a shell syntax error', () => {
  const text = 'O2CB_ENABLED=true (comment)\nO2CB_STACK=o2cb\nO2CB_BOOTCLUSTER=web\n';

  it('sets nothing from that line on, and says so once', () => {
    const r = parse(text);
    expect({ ...r.model.variables }).toEqual({});
    expect(r.model.settings.enabled).toBe(false);
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([
      '1:19-1:20 error o2cb/shell-syntax Unexpected `(` after the value: a shell syntax error (write comments after `#`)',
    ]);
    expect(r.diagnostics[0]!.note).toBe(
      'bash stops reading the file here, so the init script goes on without this line and every line after it (not set: `O2CB_ENABLED`, `O2CB_STACK`, `O2CB_BOOTCLUSTER`); dash (the Debian config script) exits',
    );
  });

  it('keeps what was set before it', () => {
    const r = parse(`O2CB_HEARTBEAT_THRESHOLD=61\n${text}`);
    expect({ ...r.model.variables }).toEqual({ O2CB_HEARTBEAT_THRESHOLD: '61' });
    expect(r.model.settings.heartbeatThreshold).toBe(61);
  });
});

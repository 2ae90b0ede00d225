import { Readable } from 'node:stream';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { describeExitCode, exitCodeFor } from '../src/stream/errors.js';
import { emitLine, parseItems, readItems } from '../src/stream/items.js';
import { logEventObject, parseLog, readLog } from '../src/stream/log.js';
import { fixture, fixtureFiles } from './helpers.js';

const itemFiles = fixtureFiles((f) => /list-archive.*\.jsonl$/.test(f));
const diffFiles = fixtureFiles((f) => f.endsWith('diff.jsonl'));
const logFiles = fixtureFiles((f) => f.endsWith('.log-json.jsonl'));
const stderrFiles = fixtureFiles((f) => f.endsWith('.stderr.txt'));

describe('items', () => {
  it('has fixtures', () => expect(itemFiles.length).toBe(9));
  it.each(itemFiles)('%s: every line parses, no diagnostics, and re-emits byte-identical', async (rel) => {
    const text = fixture(rel);
    const reader = readItems(Readable.from([Buffer.from(text)]), { fileName: rel });
    const items = [];
    for await (const item of reader) items.push(item);
    expect(reader.diagnostics.map(formatDiagnosticLine)).toEqual([]);
    const lines = text.split('\n').filter(Boolean);
    expect(items).toHaveLength(lines.length);
    expect(items.map((item) => emitLine(item))).toEqual(lines);
  });

  it('keeps 2.0 *_b64 keys and 1.x hard-link followers', () => {
    const b5 = parseItems(fixture('2.0.0b5/list-archive.jsonl')).items;
    const latin = b5.find((i) => i.path_b64 !== undefined)!;
    expect(latin.path).toBe('data/caf?-latin1.txt');
    expect(Buffer.from(latin.path_b64!, 'base64').toString('latin1')).toBe('data/caf\u00e9-latin1.txt');
    const v1 = parseItems(fixture('1.2/list-archive.jsonl')).items;
    const follower = v1.find((i) => i.mode.startsWith('h'))!;
    expect(follower.type).toBe('-');
    expect(follower.source).toBe(follower.linktarget);
    expect(v1.some((i) => i.type === 'p')).toBe(true);
    expect(v1.some((i) => i.type === 'l' && i.source === 'hello.txt')).toBe(true);
  });

  it('reports bad lines with line numbers and stops by default', async () => {
    const text =
      '{"type": "-", "mode": "-rw-r--r--", "path": "a"}\nnot json\n{"type": "d", "mode": "drwx------", "path": "b"}\n';
    const stop = readItems([text]);
    const got = [];
    for await (const i of stop) got.push(i.path);
    expect(got).toEqual(['a']);
    expect(stop.stopped).toBe(true);
    expect(stop.diagnostics.map(formatDiagnosticLine)).toEqual([
      '2:1-2:9 error borg/bad-line Expected a JSON object, found `not json`',
    ]);
    const cont = readItems([text], { onBadLine: 'continue' });
    const all = [];
    for await (const i of cont) all.push(i.path);
    expect(all).toEqual(['a', 'b']);
    expect(cont.diagnostics[0]!.span).toEqual({ start: 49, end: 57 });
  });

  it('checks key types and reports unknown keys once as info', () => {
    const { items, diagnostics } = parseItems(
      '{"type": "-", "mode": "x", "path": "a", "new_key": 1}\n{"type": "-", "mode": "x", "path": "b", "new_key": 2}\n{"type": "-", "mode": "x", "path": "c", "size": "12"}\n',
      { onBadLine: 'continue' },
    );
    expect(items.map((i) => i.path)).toEqual(['a', 'b']);
    expect(diagnostics.map(formatDiagnosticLine)).toEqual([
      '1:41-1:50 info borg/unknown-key Unknown item key `new_key`',
      '3:1-3:54 error borg/bad-line Expected integer at `size`, found string `"12"`',
    ]);
  });

  it('splits lines across chunk borders and multi-byte characters', async () => {
    const text = fixture('1.2/list-archive.jsonl');
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const reader = readItems(chunks);
    const paths = [];
    for await (const item of reader) paths.push(item.path);
    expect(paths).toEqual(parseItems(text).items.map((i) => i.path));
  });

  it('drops over-long lines with a diagnostic (bounded memory)', async () => {
    const long = `{"type": "-", "mode": "x", "path": "${'a'.repeat(500)}"}`;
    const reader = readItems(
      [long.slice(0, 200), long.slice(200), '\n{"type": "-", "mode": "x", "path": "ok"}\n'],
      {
        maxLineLength: 100,
        onBadLine: 'continue',
      },
    );
    const got = [];
    for await (const i of reader) got.push(i.path);
    expect(got).toEqual(['ok']);
    expect(reader.diagnostics.map((d) => `${d.position.start.line} ${d.code}`)).toEqual([
      '1 borg/line-too-long',
    ]);
  });
});

describe('diff --json-lines', () => {
  it.each(diffFiles)('%s re-emits byte-identical', (rel) => {
    const lines = fixture(rel).split('\n').filter(Boolean);
    for (const l of lines) expect(emitLine(JSON.parse(l))).toBe(l);
  });
});

describe('--log-json streams', () => {
  it('has fixtures', () => expect(logFiles.length).toBeGreaterThan(60));
  it.each(logFiles)('%s: typed, no errors, byte-identical', async (rel) => {
    const text = fixture(rel);
    const reader = readLog(Readable.from([text]), { fileName: rel });
    const records = [];
    for await (const r of reader) records.push(r);
    expect(reader.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnosticLine)).toEqual([]);
    const lines = text.split('\n').filter(Boolean);
    expect(
      records.flatMap((r) => {
        const o = logEventObject(r.event);
        return o ? [emitLine(o)] : [];
      }),
    ).toEqual(lines.filter((l) => l.startsWith('{')));
  });
  it.each(stderrFiles)('%s: plain text and JSON mixed', (rel) => {
    const { records, diagnostics } = parseLog(fixture(rel));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
  });

  it('finds the JSON error after a passphrase prompt without newline', () => {
    const { records } = parseLog(fixture('1.2/errors/no-passphrase.stderr.txt'));
    const types = records.map((r) => r.event.type);
    expect(types).toEqual(['log_message', 'text', 'text', 'log_message']);
    const prompt = records[2]!.event;
    expect(prompt).toEqual({
      type: 'text',
      text: 'Enter passphrase for key /home/user/backups/borg12-repokey: ',
      partial: true,
    });
    const err = records[3]!.event as { msgid: string };
    expect(err.msgid).toBe('NoPassphraseFailure');
    expect(exitCodeFor(err.msgid)).toBe(50);
    expect(exitCodeFor(err.msgid, 'legacy')).toBe(2);
  });

  it('maps every msgid in the modern-exit-code captures to the exit code borg returned', () => {
    const cmds = JSON.parse(fixture('1.4/commands.json')).commands as {
      exit_code: number;
      env?: string[];
      outputs?: { file: string | null }[];
    }[];
    let checked = 0;
    for (const c of cmds) {
      if (!c.env?.includes('BORG_EXIT_CODES=modern')) continue;
      for (const o of c.outputs ?? []) {
        if (!o.file || (!o.file.endsWith('.jsonl') && !o.file.endsWith('.stderr.txt'))) continue;
        const ids = parseLog(fixture(`1.4/${o.file}`))
          .records.map((r) => (r.event as { msgid?: unknown }).msgid)
          .filter((m): m is string => typeof m === 'string' && exitCodeFor(m) !== undefined);
        if (ids.length === 0) continue;
        expect(exitCodeFor(ids[ids.length - 1]!), o.file).toBe(c.exit_code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(describeExitCode(52)).toBe('error: PassphraseWrong');
    expect(describeExitCode(107)).toBe('warning: BackupFileNotFoundError');
    expect(describeExitCode(130)).toBe('killed by signal 2');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit, parse } from '../src/documents/parse.js';
import { lint } from '../src/format.js';
import { sniffBorgText } from '../src/sniff.js';
import { parseItems } from '../src/stream/items.js';
import { parseLog } from '../src/stream/log.js';

// Borg output nobody on this project wrote (vorta's fixtures, borg's docs) and fresh output of
// borg 1.2.4 and borg2 2.0.0b5; test/fixtures/realworld/SOURCES.md names each one's origin.
// The name says what it is: `.log.jsonl` a --log-json stream, `.jsonl` --json-lines items,
// `.json` a --json document.

const dir = join(import.meta.dirname, 'fixtures', 'realworld');
const files = readdirSync(dir)
  .filter((f) => f !== 'SOURCES.md')
  .sort();

// vorta's prune fixture is `{"archives": []}`: borg prune has no `--json`, so no borg printed it.
// It is refused (`borg/unknown-document`), as a document of unknown shape must be.
const NOT_BORG = new Set(['vorta-prune.json']);

function kindOf(name: string): 'log' | 'items' | 'document' | 'unknown' {
  if (NOT_BORG.has(name)) return 'unknown';
  return name.endsWith('.log.jsonl') ? 'log' : name.endsWith('.jsonl') ? 'items' : 'document';
}

describe('real borg output', () => {
  it('has a source for every sample', () => {
    const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
    for (const f of files) expect(sources, f).toContain(`\`${f}\``);
    expect(files.length).toBe(34);
  });

  it.each(files)('%s: the content alone says what it is', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(sniffBorgText(text)).toBe(kindOf(name));
  });

  it.each(files)('%s: reads without errors', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const kind = kindOf(name);
    if (kind === 'log') {
      const r = parseLog(text);
      expect(r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnosticLine)).toEqual([]);
      expect(r.records.length).toBeGreaterThan(0);
    } else if (kind === 'items') {
      const r = parseItems(text, { onBadLine: 'continue' });
      expect(r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnosticLine)).toEqual([]);
      expect(r.items.length).toBeGreaterThan(0);
    } else if (kind === 'unknown') {
      expect(parse(text).diagnostics.map((d) => d.code)).toEqual(['borg/unknown-document']);
    } else {
      const r = parse(text);
      expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine)).toEqual([]);
      expect(r.model).toBeDefined();
      // Documents borg printed itself are re-emitted byte for byte (vorta's were re-indented).
      if (name.startsWith('gen-')) expect(emit(r.model!)).toBe(text);
    }
  });

  it('lint reports what the snapshot shows, whatever the file is called', async () => {
    const out: string[] = [];
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      const named = lint(text, { fileName: name }).diagnostics.map(formatDiagnosticLine);
      // The name only confirms what the content says: a neutral name gives the same findings.
      const neutral = lint(text, { fileName: 'capture.txt' }).diagnostics.map((d) =>
        formatDiagnosticLine({ ...d, file: name }),
      );
      expect(neutral).toEqual(named);
      out.push(`## ${name}`, ...named);
    }
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/realworld.lint.txt');
  });
});

describe('--log-json of create --progress', () => {
  // borg 1.2.4's first --progress line: keys before `type`, and a `path` like an item has.
  const progress =
    '{"original_size": 0, "compressed_size": 0, "deduplicated_size": 0, "nfiles": 0, "path": "data", "time": 1796647111.8440921, "type": "archive_progress", "finished": false}';

  it('is a log, not --json-lines items, by content and by name', () => {
    expect(sniffBorgText(`${progress}\n`)).toBe('log');
    expect(sniffBorgText('{"type": "d", "mode": "drwxr-xr-x", "path": "data"}\n', 'x.borg-log.jsonl')).toBe(
      'log',
    );
    expect(lint(`${progress}\n`, { fileName: 'create.borg-log.jsonl' }).diagnostics).toEqual([]);
  });

  it('accepts archive_progress without `finished` (borg 1.1.0–1.1.17, 1.2.0)', () => {
    const old =
      '{"original_size": 10, "compressed_size": 8, "deduplicated_size": 8, "nfiles": 1, "path": "data/a", "time": 1541485706.1, "type": "archive_progress"}';
    expect(parseLog(old).diagnostics).toEqual([]);
  });

  it('reports a missing key with the code documents use', () => {
    const r = parseLog('{"type": "log_message", "time": 1.5, "levelname": "INFO", "name": "borg"}');
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([
      '1:1-1:74 error borg/missing-key Missing key `message` in `log_message`',
    ]);
    const items = parseItems('{"type": "d", "path": "data"}', { onBadLine: 'continue' });
    expect(items.diagnostics.map(formatDiagnosticLine)).toEqual([
      '1:1-1:30 error borg/missing-key Missing key `mode`',
    ]);
    const doc = parse('{"repository": {"id": "x", "location": "/r"}, "archives": []}');
    expect(doc.diagnostics.some((d) => d.code === 'borg/missing-key')).toBe(true);
  });
});

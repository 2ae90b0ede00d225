import { DiagnosticCollector, MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { SOURCE } from '../src/diagnostics.js';
import {
  Events2Parser,
  parse,
  parseEvents2,
  parseProcDrbd,
  parseStatusJson,
  parseStatusText,
} from '../src/index.js';

// Issue 14 item 4: every source reports through one core DiagnosticCollector.
describe('one diagnostic collector for the four sources', () => {
  const bad = {
    proc: { parse: parseProcDrbd, text: '', code: 'drbd-status/empty-input' },
    json: { parse: parseStatusJson, text: '[{"name": 1}]', code: 'drbd-status/schema-mismatch' },
    text: {
      parse: parseStatusText,
      text: 'r0 role:Primary\n  disk:UpToDate nocolon\n',
      code: 'drbd-status/invalid-status-line',
    },
    events2: { parse: parseEvents2, text: 'garbage\n', code: 'drbd-status/invalid-event-line' },
  };
  it.each(Object.entries(bad))('%s reports into the collector it is handed', (_, { parse, text, code }) => {
    const c = new DiagnosticCollector(text, SOURCE, 'status.txt');
    const r = parse(text, { diagnostics: c });
    expect(r.diagnostics).toBe(c.items);
    expect(c.items.map((d) => [d.code, d.file, d.source])).toContainEqual([code, 'status.txt', SOURCE]);
  });
  it.each(Object.entries(bad))('%s makes its own collector named fileName', (_, { parse, text, code }) => {
    const r = parse(text, { fileName: 'x' });
    expect(r.diagnostics.map((d) => [d.code, d.file])).toContainEqual([code, 'x']);
  });

  it.each([
    ['events2', 'garbage\n'],
    ['status-text', 'r0 role:Primary\n  disk:UpToDate nocolon\n'],
  ] as const)('parse caps %s problems at MAX_DIAGNOSTICS, the rest counted', (source, unit) => {
    const text =
      source === 'events2'
        ? unit.repeat(1500)
        : `r0 role:Primary\n${'  disk:UpToDate nocolon\n'.repeat(1500)}`;
    const { diagnostics } = parse(text, { source, fileName: 'f' });
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics.at(-1)!.code).toBe('drbd-status/too-many-problems');
    expect(diagnostics.at(-1)!.message).toBe(
      `Too many problems: 500 more after the first ${MAX_DIAGNOSTICS} are not listed`,
    );
  });

  it('a stream numbers lines at \\n only, as events2 does; a collector also breaks at a lone CR', () => {
    const text = 'a\rb\ngarbage\n';
    const p = new Events2Parser();
    p.push(text);
    p.end();
    expect(p.diagnostics.map((d) => [d.span.start, d.position.start.line])).toEqual([
      [0, 1],
      [4, 2],
    ]);
    expect(parseEvents2(text).diagnostics.map((d) => [d.span.start, d.position.start.line])).toEqual([
      [0, 1],
      [4, 3],
    ]);
  });
});

import { fc, test } from '@fast-check/vitest';
import { DiagnosticCollector } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { SOURCE } from '../src/diagnostics.js';
import { Events2Parser } from '../src/index.js';

const run = (chunks: readonly string[], max: number) => {
  const p = new Events2Parser({ maxLineLength: max });
  const events = chunks.flatMap((c) => p.push(c));
  events.push(...p.end());
  return { events: events.map((e) => ({ ...e, fields: { ...e.fields } })), diagnostics: p.diagnostics };
};

describe('events2 line-length limit (issue 13 item 10)', () => {
  it('reports and skips one over-long line, keeping the lines around it', () => {
    const long = `change resource name:${'x'.repeat(200)}`;
    const r = run(
      [`exists resource name:r0 role:Primary\n${long}\nchange resource name:r1 role:Secondary\n`],
      100,
    );
    expect(r.events.map((e) => [e.line, e.fields.name])).toEqual([
      [1, 'r0'],
      [3, 'r1'],
    ]);
    // The span covers the first 40 characters of the line, which starts at offset 37.
    expect(r.diagnostics).toEqual([
      {
        code: 'drbd-status/invalid-event-line',
        severity: 'warning',
        message: 'Unexpected line longer than 100 characters (skipped)',
        span: { start: 37, end: 77 },
        position: { start: { line: 2, column: 1, offset: 37 }, end: { line: 2, column: 41, offset: 77 } },
        source: SOURCE,
      },
    ]);
  });

  it('streams a 64 MiB line in bounded time without keeping it', () => {
    const p = new Events2Parser();
    const chunk = 'a'.repeat(1 << 16);
    const t0 = performance.now();
    p.push('exists resource name:r0\n');
    for (let i = 0; i < 1024; i++) p.push(chunk);
    const last = p.push('\nchange resource name:r1 role:Primary\n');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(last.map((e) => e.fields.name)).toEqual(['r1']);
    expect(p.diagnostics.map((x) => x.position.start.line)).toEqual([2]);
  });

  const line = fc.oneof(
    fc.constantFrom(
      'exists resource name:r0 role:Primary',
      'change device name:r0 volume:0 disk:UpToDate',
      'garbage',
      '',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')),
  );
  test.prop(
    [
      fc.array(line, { maxLength: 20 }),
      fc.array(fc.nat(120), { maxLength: 10 }),
      fc.integer({ min: 1, max: 60 }),
    ],
    {
      numRuns: 300,
    },
  )('gives the same events and diagnostics however the stream is split', (lines, cuts, max) => {
    const text = lines.join('\n');
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const chunks: string[] = [];
    let prev = 0;
    for (const c of points) {
      chunks.push(text.slice(prev, c));
      prev = c;
    }
    chunks.push(text.slice(prev));
    const whole = run([text], max);
    expect(run(chunks, max)).toEqual(whole);
    // A stream has no whole text to index: the positions the parser works out itself must be
    // the ones a collector over the whole text derives from the same spans (the lines hold no
    // lone CR, which only a collector counts as a line break).
    if (/\r(?!\n)/.test(text)) return;
    const collector = new DiagnosticCollector(text, SOURCE, undefined, undefined, { limit: Infinity });
    const p = new Events2Parser({ maxLineLength: max, diagnostics: collector });
    p.push(text);
    p.end();
    expect(whole.diagnostics).toEqual(collector.items);
  });
});

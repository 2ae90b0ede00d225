import { FtkitError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  Events2Parser,
  lint,
  parse,
  parseEvents2,
  parseProcDrbd,
  parseStatusJson,
  parseStatusText,
} from '../src/index.js';

/** The FtkitError `fn` throws, or a failure when it throws something else or nothing. */
function thrown(fn: () => unknown): FtkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FtkitError);
    return e as FtkitError;
  }
  throw new Error('expected an FtkitError');
}

describe('programmer errors are FtkitErrors, never TypeErrors (issue 14 item 1)', () => {
  const notText = [undefined, null, 42, ['version:'], Buffer.from('version: 8.4.11\n')];

  it.each([
    ['parse', (t: unknown) => parse(t as string)],
    ['lint', (t: unknown) => lint(t as string)],
    ['parseProcDrbd', (t: unknown) => parseProcDrbd(t as string)],
    ['parseStatusJson', (t: unknown) => parseStatusJson(t as string)],
    ['parseStatusText', (t: unknown) => parseStatusText(t as string)],
    ['parseEvents2', (t: unknown) => parseEvents2(t as string)],
  ] as const)('%s refuses a text that is not a string', (_, fn) => {
    for (const value of notText) {
      const e = thrown(() => fn(value));
      expect(e.code).toBe('drbd-status/invalid-argument');
      expect(e.path).toEqual(['text']);
      expect(e.message).toMatch(/^Expected `text` to be a string, found /);
    }
  });

  it('names what it found', () => {
    expect(thrown(() => parse(42 as unknown as string)).message).toBe(
      'Expected `text` to be a string, found number',
    );
    expect(thrown(() => new Events2Parser().push(Buffer.from('x') as unknown as string)).message).toBe(
      'Expected `chunk` to be a string, found bytes (decode them first, e.g. `String(chunk)`)',
    );
  });

  it('refuses an unknown source and a maxLineLength that is not a whole number above 0', () => {
    const e = thrown(() => parse('', { source: 'json' as 'status-json' }));
    expect([e.code, e.path, e.message]).toEqual([
      'drbd-status/invalid-argument',
      ['source'],
      'Expected `source` to be one of `proc-drbd`, `status-json`, `status-text`, `events2`, found `json`',
    ]);
    for (const maxLineLength of [0, -1, 1.5, Number.NaN]) {
      expect(thrown(() => new Events2Parser({ maxLineLength })).path).toEqual(['maxLineLength']);
    }
    expect(new Events2Parser({ maxLineLength: 1 }).push('x\n')).toEqual([]);
  });

  it('still reads any string without throwing', () => {
    for (const text of ['', '\0', '[', 'version:', '\u{1F600}']) {
      expect(() => parse(text)).not.toThrow();
      expect(() => lint(text)).not.toThrow();
    }
  });
});

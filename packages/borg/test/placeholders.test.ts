import { runParser } from '@ftkit/core/parsimmon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCreate } from '../src/command/build.js';
import { archiveNameGrammar, placeholderProblem } from '../src/command/placeholders.js';

describe('archive-name placeholders (parsimmon grammar)', () => {
  it('reads fields with their offsets, and doubled braces as text', () => {
    expect(runParser(archiveNameGrammar, 'x-{now:%Y}-{{')).toEqual({
      ok: true,
      value: [
        { kind: 'text', text: 'x-' },
        { kind: 'field', field: { value: { key: 'now', spec: '%Y', nested: false }, start: 2, end: 10 } },
        { kind: 'text', text: '-' },
        { kind: 'text', text: '{' },
      ],
    });
  });

  it('says what borg refuses, naming the placeholder as written', () => {
    expect(placeholderProblem('{hostname}-{now:%Y-%m-%dT%H:%M:%S}')).toBeUndefined();
    expect(placeholderProblem('a-{now!r}')).toMatch(
      /^unknown placeholder `\{now!r\}`: expected one of `\{hostname\}`, /,
    );
    expect(placeholderProblem('a-}')).toBe('a single `}` (write `}}` for the character)');
    expect(placeholderProblem('a-{now')).toBe('a single `{` (write `{{` for the character)');
    expect(placeholderProblem('{now:%Y{x}}')).toBe(
      'placeholder `{now:%Y{x}}` has a `{` in its format, which borg cannot fill',
    );
  });

  it('never fails on any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}:!.ab%'.split('')), maxLength: 16 }), (name) => {
        expect(runParser(archiveNameGrammar, name).ok).toBe(true);
        placeholderProblem(name);
      }),
      { numRuns: 5000 },
    );
  });

  it('buildCreate refuses a name borg would refuse', () => {
    expect(() => buildCreate({ repo: '/srv/repo', archive: '{host}-1', paths: ['/etc'] })).toThrow(
      expect.objectContaining({ name: 'FtkitError', code: 'borg/invalid-archive-name', path: ['archive'] }),
    );
    expect(() => buildCreate({ repo: '/srv/repo', archive: '{host}-1', paths: ['/etc'] })).toThrow(
      /^Invalid archive name `\{host\}-1`: unknown placeholder `\{host\}`/,
    );
    expect(buildCreate({ repo: '/srv/repo', archive: '{hostname}-{now}', paths: ['/etc'] })).toContain(
      '/srv/repo::{hostname}-{now}',
    );
  });
});

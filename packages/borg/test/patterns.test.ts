import { FtkitError } from '@ftkit/core';
import { runParser } from '@ftkit/core/parsimmon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCreate, buildExtract } from '../src/command/build.js';
import { patternLineGrammar, patternProblem } from '../src/command/patterns.js';

describe('--pattern lines (parsimmon grammar)', () => {
  it('reads the command, the value and the style prefix with offsets', () => {
    expect(runParser(patternLineGrammar, '- re:^/tmp')).toEqual({
      ok: true,
      value: {
        command: { value: 'exclude', start: 0, end: 1 },
        value: { value: 're:^/tmp', start: 2, end: 10 },
        style: { value: 're', start: 2, end: 4 },
      },
    });
    expect(runParser(patternLineGrammar, 'R\t/home')).toEqual({
      ok: true,
      value: { command: { value: 'root', start: 0, end: 1 }, value: { value: '/home', start: 2, end: 7 } },
    });
  });

  it('says what borg refuses', () => {
    expect(patternProblem('')).toBe('empty');
    expect(patternProblem('x /home')).toBe('expected it to start with `-`, `!`, `+`, `R`, `r`, `P` or `p`');
    expect(patternProblem('R   ')).toBe('expected a value after `R`');
    expect(patternProblem('P xx')).toBe(
      'unknown pattern style `xx`: expected `fm`, `pf`, `pp`, `re` or `sh`',
    );
    expect(patternProblem('- xx:foo')).toBe(
      'unknown pattern style `xx`: expected `fm`, `pf`, `pp`, `re` or `sh`',
    );
    expect(patternProblem('- x:foo')).toBeUndefined();
  });

  it('never throws on any line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (line) => {
        patternProblem(line);
      }),
      { numRuns: 5000 },
    );
  });

  it('builders refuse bad lines, take any root form, and keep `-LINE` one argument', () => {
    const base = { repo: '/srv/repo', archive: 'a' };
    expect(() => buildCreate({ ...base, paths: ['/etc'], patterns: ['x /home'] })).toThrow(FtkitError);
    expect(() => buildExtract({ ...base, patterns: ['P xx'] })).toThrow(
      'Invalid pattern `P xx`: unknown pattern style `xx`: expected `fm`, `pf`, `pp`, `re` or `sh`',
    );
    expect(buildCreate({ ...base, paths: [], patterns: ['r /home'] })).toContain('r /home');
    const argv = buildCreate({ ...base, paths: ['/etc'], patterns: ['-home/x', '+ sh:**/keep'] });
    expect(argv).toContain('--pattern=-home/x');
    expect(argv.join(' ')).toContain('--pattern + sh:**/keep');
  });
});

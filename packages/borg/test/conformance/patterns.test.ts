import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCreate } from '../../src/command/build.js';
import { isRootPattern, patternProblem } from '../../src/command/patterns.js';
import { requireTool, runTool, scratch } from './harness.js';

// The `--pattern` grammar (src/command/patterns.ts) against borg 1.2 and borg2: argument parsing
// reads the pattern before the repository is opened, so a pattern borg refuses fails with an
// `--pattern` argument error and one it accepts does not. (Regular expressions are compiled by
// Python and not checked here.)
const LINES = [
  'R /home',
  'r /home',
  'R/home',
  'R\t/home',
  '- home/*/.cache',
  '-home/x',
  '+ sh:home/**/keep',
  '! re:^/proc',
  '- pp:/tmp',
  '- fm:*.o',
  '- pf:/etc/passwd',
  'P sh',
  'p re',
  '',
  'R',
  'R   ',
  'x /home',
  ' R /home',
  'P xx',
  'P sh ',
  '- xx:foo',
  '- x:foo',
  '- 12:foo',
  '- re:',
];

describe.each(['borg', 'borg2'] as const)('--pattern lines, %s', (tool) => {
  it('refuses exactly the lines borg refuses', () => {
    requireTool(tool);
    const { root, env } = scratch(`patterns-${tool}`);
    const src = join(root, 'src');
    mkdirSync(src);
    const repo = join(root, 'missing-repo');
    for (const line of LINES) {
      const refused = patternProblem(line) !== undefined;
      // A line ftkit accepts goes to borg through buildCreate's argv; a refused one as
      // `--pattern=LINE`, to see that borg refuses it too.
      const argv = refused
        ? tool === 'borg'
          ? ['borg', 'create', '--dry-run', `--pattern=${line}`, `${repo}::a`, src]
          : ['borg2', '-r', repo, 'create', '--dry-run', `--pattern=${line}`, 'a', src]
        : buildCreate({
            binary: tool,
            borgVersion: tool === 'borg' ? '1.2' : '2.0.0b5',
            repo,
            archive: 'a',
            paths: [src],
            patterns: [line],
            dryRun: true,
          });
      const r = runTool(argv, env);
      expect({ line, refused }).toEqual({
        line,
        refused: /argument --pattern|pattern style|ArgumentTypeError/i.test(r.stderr),
      });
      if (!refused) expect(r.stderr, `${tool} ${line}`).not.toMatch(/error: argument/);
    }
  });
});

it('reads every root form borg reads as a root', () => {
  expect(['R /home', 'r /home', 'R/home', 'R\t/home'].map(isRootPattern)).toEqual([true, true, true, true]);
  expect(['R', 'R  ', '- /home', 'P sh'].map(isRootPattern)).toEqual([false, false, false, false]);
});

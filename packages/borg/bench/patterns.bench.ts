import { test } from 'vitest';
import { buildCreate } from '../src/command/build.js';
import { patternProblem } from '../src/command/patterns.js';

// The `--pattern` grammar (parsimmon, src/command/patterns.ts) per line and end to end
// (`buildCreate` with five pattern lines, each checked once). docs/performance.md quotes the
// numbers; the before figure is `buildCreate` of the commit before.
const lines = ['R /home', '- home/*/.cache', '+ sh:home/**/keep', '! re:^/proc', 'P sh'];
const base = { repo: 'ssh://backup@nas:2222/./repo', archive: 'etc-2026-12-07', paths: ['/etc'] };

test('5 pattern lines, and buildCreate with them', async ({ bench }) => {
  await bench.compare(
    bench('5 lines: pattern grammar', () => {
      for (const l of lines) patternProblem(l);
    }),
    bench('end to end: buildCreate with 5 pattern lines', () => {
      buildCreate({ ...base, patterns: lines });
    }),
    { time: 1500 },
  );
}, 120_000);

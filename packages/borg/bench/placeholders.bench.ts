import { test } from 'vitest';
import { buildCreate } from '../src/command/build.js';
import { placeholderProblem } from '../src/command/placeholders.js';

// The archive-name placeholder check (parsimmon, src/command/placeholders.ts) per name and end
// to end (`buildCreate`, which runs it once). Before, names were not checked at all: the
// baseline is `buildCreate` of a name without braces, which the grammar reads as one text piece.
// docs/performance.md quotes the numbers.
const names = ['{hostname}-{now:%Y-%m-%dT%H:%M:%S}', 'etc-{utcnow}', 'plain-name', '{fqdn}-{user}-{pid}'];
const base = { repo: 'ssh://backup@nas:2222/./repo', paths: ['/etc', '/home'], compression: 'zstd,3' };

test('4 archive names, and buildCreate', async ({ bench }) => {
  await bench.compare(
    bench('4 names: placeholder grammar', () => {
      for (const n of names) placeholderProblem(n);
    }),
    bench('end to end: buildCreate, name without placeholders', () => {
      buildCreate({ ...base, archive: 'etc-2026-12-07' });
    }),
    bench('end to end: buildCreate, {hostname}-{now:%Y-%m-%dT%H:%M:%S}', () => {
      buildCreate({ ...base, archive: '{hostname}-{now:%Y-%m-%dT%H:%M:%S}' });
    }),
    { time: 1500 },
  );
}, 120_000);

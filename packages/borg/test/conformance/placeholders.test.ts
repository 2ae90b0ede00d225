import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholderProblem } from '../../src/command/placeholders.js';
import { requireTool, runTool, scratch } from './harness.js';

// The archive-name placeholder grammar (src/command/placeholders.ts) against borg 1.2 and
// borg2: `create --dry-run` on a repository that does not exist expands the name first, so a
// name borg refuses fails with a placeholder or format error; a name it accepts gets no such
// error (borg 1.2 then exits 0 without opening the repository, borg2 says it is missing).
const NAMES = [
  '{hostname}-{now:%Y-%m-%dT%H:%M:%S}',
  '{utcnow:%s}',
  '{fqdn:>5}-{reverse-fqdn}-{user}-{pid}-{uuid4}',
  '{borgversion}-{borgmajor}-{borgminor}-{borgpatch}',
  'a-{{x}}-}}{{',
  'a-{hostname:}',
  'a-{bogus}',
  'a-{now!r}',
  'a-{now.year}',
  'a-{}',
  'a-}',
  'a-{',
  'a-{now',
  'a-{now:%Y{x}}',
  'a-{now:%Y}}',
  'a-{Hostname}',
];

function refuses(stderr: string): boolean {
  return /Invalid placeholder|Formatting Error|encountered in format string|expected '\}'|ValueError/.test(
    stderr,
  );
}

describe.each(['borg', 'borg2'] as const)('archive-name placeholders, %s', (tool) => {
  it('refuses exactly the names borg refuses', () => {
    requireTool(tool);
    const { root, env } = scratch(`placeholders-${tool}`);
    const src = join(root, 'src');
    mkdirSync(src);
    const repo = join(root, 'missing-repo');
    for (const name of NAMES) {
      const argv =
        tool === 'borg'
          ? ['borg', 'create', '--dry-run', `${repo}::${name}`, src]
          : ['borg2', '-r', repo, 'create', '--dry-run', name, src];
      const r = runTool(argv, env);
      expect({ name, refused: placeholderProblem(name) !== undefined }).toEqual({
        name,
        refused: refuses(r.stderr),
      });
    }
  });
});

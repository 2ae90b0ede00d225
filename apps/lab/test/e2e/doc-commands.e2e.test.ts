import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bin, envFor, fixtures, nodesUnderTest, root, tempDir } from './helpers.js';

// Each document runs a dozen commands, each a Node process; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 240_000 });

// Every `ftkit` command in the ```sh blocks of README.md, docs/*.md and the package READMEs, run as
// printed against the built binary, so a documented command cannot go stale (a removed option, a
// missing required one, a wrong argument order all exit 2). Each document's commands run in order
// in a fresh directory that stands in for the machine:
//
// - `npx ftkit` is the `ftkit` of node_modules/.bin (npx would look in the temporary directory);
// - `/etc/…`, `/proc/drbd` and the machine paths of `lab check` point into that directory, which
//   holds vm1's tree of the dual-primary lab (drbd.d, ocfs2/cluster.conf, default/o2cb, fstab), an
//   `etc/drbd.conf` that includes it, and the e2e fixtures (see `sandbox` and `substitutions`);
// - the producers in front of a pipe (`drbdsetup events2 …`, `borg list --json …`) are `cat` of
//   a captured output, and `sudo` is dropped;
// - `lab-out/` already exists, as after `npm ci && npm run lab`.
//
// Lines that do not run `ftkit` (`npm ci`, `npm test`, `git clone`, `npm pack`) are not run here;
// a fresh clone runs them (README.md, "Two commands"). A command passes when it exits 0 (nothing
// of severity error) or 1 (findings in the sample files); 2 is a usage or I/O error.

const node = nodesUnderTest()[0]!;

const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((n) => `${d}/${n}/README.md`)),
];

/** [pattern, replacement] applied in order to each command line. */
const substitutions: [RegExp, string][] = [
  [/^sudo /, ''],
  [/\bnpx ftkit\b/g, 'ftkit'],
  [/^drbdsetup events2 [^|]*\|/, 'cat events2.txt |'],
  [/^drbdsetup status --json \|/, 'cat status.json |'],
  [/^borg list --json \S+ \|/, 'cat archives.json |'],
  [/^borg create --log-json [^|]*\|/, 'cat borg-create.log-json.jsonl |'],
  [/ vm1=\/mnt\/vm1-root vm2=\/mnt\/vm2-root/, ' vm1=lab-out/vm1 vm2=lab-out/vm2'],
  [/(lab check) \/(\s|$)/, '$1 machine$2'],
  [/^(ftkit status)(\s+#|$)/, '$1 proc/drbd$2'],
  [/(\s)\/etc\//g, '$1etc/'],
];

/** The `ftkit` commands of the ```sh blocks of `doc`, continuation lines joined, comments kept. */
function commands(doc: string): string[] {
  const markdown = readFileSync(join(root, doc), 'utf8');
  const lines = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap(([, block = '']) =>
    block.replace(/\\\n\s*/g, ' ').split('\n'),
  );
  return lines.filter((line) => /(^|\|\s*|&&\s*)(sudo )?(npx )?ftkit /.test(line));
}

/** A directory standing in for the machine the commands of one document run on. */
function sandbox(): string {
  const dir = tempDir('ftkit-doc-commands-');
  const run = (args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: 'utf8', env: envFor(node) });
  expect(run(['lab', 'generate', '--mode', 'dual-primary', '-o', 'machine-lab']).status).toBe(0);
  expect(run(['lab', 'generate', '-o', 'lab-out']).status).toBe(0);
  cpSync(join(dir, 'machine-lab/vm1'), join(dir, 'machine'), { recursive: true });
  cpSync(join(dir, 'machine/etc'), join(dir, 'etc'), { recursive: true });
  copyFileSync(join(dir, 'etc/fstab.d/ftkit-lab.fstab'), join(dir, 'etc/fstab'));
  writeFileSync(join(dir, 'etc/drbd.conf'), 'include "drbd.d/*.res";\n');
  mkdirSync(join(dir, 'proc'));
  copyFileSync(join(fixtures, 'proc-drbd.txt'), join(dir, 'proc/drbd'));
  for (const f of ['events2.txt', 'status.json', 'borg-create.log-json.jsonl'])
    copyFileSync(join(fixtures, f), join(dir, f));
  copyFileSync(join(fixtures, 'borg-archives.json'), join(dir, 'archives.json'));
  copyFileSync(join(fixtures, 'drbd84.res'), join(dir, 'r0.res'));
  copyFileSync(join(fixtures, 'drbd84.res'), join(dir, 'old.res'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  copyFileSync(join(root, 'examples/seed-lab.yaml'), join(dir, 'my-lab.yaml'));
  return dir;
}

it('finds the documented commands', () => {
  const all = documents.flatMap(commands);
  expect(all.length).toBeGreaterThanOrEqual(30);
  for (const c of ['lint', 'fmt', 'drbd dump', 'drbd migrate', 'ocfs2 list-cluster', 'status', 'events2']) {
    expect(
      all.some((line) => new RegExp(`ftkit ${c}\\b`).test(line)),
      c,
    ).toBe(true);
  }
});

describe.each(documents.filter((d) => commands(d).length > 0))('the commands of %s', (doc) => {
  it('run as printed', () => {
    const dir = sandbox();
    for (const line of commands(doc)) {
      const command = substitutions.reduce(
        (text, [pattern, replacement]) => text.replace(pattern, replacement),
        line,
      );
      const run = spawnSync('/bin/sh', ['-c', command], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...envFor(node), PATH: `${join(root, 'node_modules/.bin')}:${envFor(node).PATH}` },
      });
      expect({ line, command, code: run.status, stderr: run.stderr }).toEqual({
        line,
        command,
        code: run.status === 1 ? 1 : 0,
        stderr: run.status === 1 ? run.stderr : expect.any(String),
      });
      expect(run.stderr, `${command}: ${run.stderr}`).not.toMatch(
        /^(ftkit: )?error: |is not defined|not found/m,
      );
    }
  });
});

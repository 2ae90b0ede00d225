import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import {
  bin,
  envFor,
  fixtures,
  ftkit,
  type NodeUnderTest,
  nodesUnderTest,
  root,
  shell,
  tempDir,
} from './helpers.js';

// Each test starts several Node processes; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 240_000 });

// The shipped command, run the way users run it: the `ftkit` that `npm ci` links into
// node_modules/.bin (the committed launcher, which runs the bundle `npm run build` wrote to
// apps/lab/dist/bin), as a child process, on the repository's Node 22 and on the machine's Node.
// turbo builds the whole workspace before this task (`@ftkit/lab#test` depends on `build`).
// Every command and subcommand has a success and a failure case, and every write is checked on
// disk. Exit codes: 0 ok, 1 findings of severity error, 2 usage or I/O errors.

const nodes = nodesUnderTest();
const fx = (name: string) => join(fixtures, name);
const ANSI = '\u001b[';

/** A temporary copy of fixture `name`; returns its path. */
function copyOf(name: string, dir = tempDir()): string {
  const target = join(dir, name);
  copyFileSync(fx(name), target);
  return target;
}

/**
 * A directory the run cannot write into, holding a copy of fixture `name`: as root, the run gets
 * another uid (root ignores permission bits); otherwise the directory is made read-only.
 */
function unwritable(name: string): { file: string; as: { uid?: number; gid?: number } } {
  const dir = tempDir();
  const file = copyOf(name, dir);
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    return { file, as: { uid: 65534, gid: 65534 } };
  }
  chmodSync(dir, 0o555);
  return { file, as: {} };
}

it('finds the Nodes it runs on, the repository Node 22 among them', () => {
  expect(
    existsSync(join(root, 'apps/lab/dist/bin/ftkit.js')),
    'apps/lab/dist/bin/ftkit.js: run `npm run build`',
  ).toBe(true);
  expect(nodes[0]!.version).toMatch(/^v22\./);
  expect(new Set(nodes.map((n) => n.version)).size).toBe(nodes.length);
});

describe.each(nodes)('ftkit on the $label ($version)', (node: NodeUnderTest) => {
  it('runs on this Node through the node_modules/.bin link', () => {
    const which = spawnSync('/bin/sh', ['-c', 'node --version'], { encoding: 'utf8', env: envFor(node) });
    expect(which.stdout.trim()).toBe(node.version);
    const version = ftkit(node, ['--version']);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = ftkit(node, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['lint', 'fmt', 'lab', 'status', 'events2', 'exporter', 'ocfs2', 'drbd', 'borg']) {
      expect(help.stdout).toContain(`\n  ${command} `);
    }
  });

  it('exits 2 on an unknown command or option', () => {
    const command = ftkit(node, ['frob']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'frob'");
    const option = ftkit(node, ['lint', '--frob', fx('minimal.res')]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frob'");
  });

  describe('lint', () => {
    it('exits 0 on a clean file, 1 on an error, 2 on a missing file', () => {
      expect(ftkit(node, ['lint', '--quiet', fx('minimal.res')])).toMatchObject({ code: 0, stderr: '' });
      const bad = ftkit(node, ['lint', fx('missing-semicolon.res')]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('2:20  error  Expected `;`, found `}`');
      const missing = ftkit(node, ['lint', fx('no-such-file.res')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(
        /^ftkit: Cannot read `.*no-such-file\.res`: no such file or directory\n$/,
      );
    });

    it('--fix writes the fixed file', () => {
      const file = copyOf('lint-fix.cluster.conf');
      const run = ftkit(node, ['lint', '--fix', '--kind', 'ocfs2-cluster-conf', file]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const fixed = readFileSync(file, 'utf8');
      expect(fixed).toBe(
        readFileSync(fx('lint-fix.cluster.conf'), 'utf8').replace('\tName = c', '\tname = c'),
      );
      expect(ftkit(node, ['lint', '--quiet', file]).code).toBe(0);
    });

    it('--fix that cannot write exits 2 and leaves the file as it was', () => {
      const { file, as } = unwritable('lint-fix.cluster.conf');
      const run = ftkit(node, ['lint', '--fix', file], as);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ftkit: .*lint-fix\.cluster\.conf/);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(fx('lint-fix.cluster.conf'), 'utf8'));
    });

    it('reads standard input for `-`, and exits 2 on empty input', () => {
      const stdin = ftkit(node, ['lint', '--quiet', '-'], { input: readFileSync(fx('minimal.res'), 'utf8') });
      expect(stdin).toMatchObject({ code: 0, stderr: '' });
      const bad = ftkit(node, ['lint', '-'], { input: readFileSync(fx('missing-semicolon.res'), 'utf8') });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('<stdin>\n');
      // One rule for every command that reads one document (docs/cli.md, "Flags every command shares").
      const empty = ftkit(node, ['lint', '-'], { input: '' });
      expect(empty).toEqual({
        code: 2,
        stdout: '',
        stderr: 'ftkit: Standard input is empty: nothing was piped into `-`\n',
      });
    });

    it('colours only when asked, and never with NO_COLOR or --no-color', () => {
      const args = ['lint', fx('missing-semicolon.res')];
      expect(ftkit(node, args).stdout).not.toContain(ANSI);
      expect(ftkit(node, args, { env: { FORCE_COLOR: '1' } }).stdout).toContain(ANSI);
      const noColor = ftkit(node, args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      expect(noColor.code).toBe(1);
      expect(noColor.stdout).not.toContain(ANSI);
      expect(noColor.stdout).toBe(ftkit(node, args).stdout);
      expect(ftkit(node, ['--no-color', ...args], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI);
    });
  });

  describe('fmt', () => {
    it('prints, checks and --write writes the canonical layout', () => {
      const formatted = ftkit(node, ['fmt', '-'], { input: readFileSync(fx('fmt-write.res'), 'utf8') });
      expect(formatted.code).toBe(0);
      expect(formatted.stdout).toContain('    net {\n        protocol C;\n');
      const check = ftkit(node, ['fmt', '--check', fx('fmt-write.res')]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('fmt-write.res: not formatted');
      const file = copyOf('fmt-write.res');
      expect(ftkit(node, ['fmt', '--write', '--kind', 'drbd-conf', file])).toMatchObject({
        code: 0,
        stderr: '',
      });
      expect(readFileSync(file, 'utf8')).toBe(formatted.stdout);
      expect(ftkit(node, ['fmt', '--check', file]).code).toBe(0);
    });

    it('--write that cannot write exits 2 and leaves the file as it was', () => {
      const { file, as } = unwritable('fmt-write.res');
      const run = ftkit(node, ['fmt', '--write', file], as);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ftkit: .*fmt-write\.res/);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(fx('fmt-write.res'), 'utf8'));
    });

    it('exits 2 on a missing file and on empty input', () => {
      expect(ftkit(node, ['fmt', fx('no-such-file.res')]).code).toBe(2);
      const empty = ftkit(node, ['fmt', '-'], { input: '' });
      expect(empty.code).toBe(2);
      expect(empty.stderr).toBe('ftkit: Standard input is empty: nothing was piped into `-`\n');
    });
  });

  describe('drbd', () => {
    it('dump prints the configuration, and exits 1 on a syntax error', () => {
      const dump = ftkit(node, ['drbd', 'dump', '--host', 'alice', fx('minimal.res')]);
      expect(dump.code).toBe(0);
      expect(dump.stdout).toContain('resource r0 {\n    on alice {\n');
      const stdin = ftkit(node, ['drbd', 'dump', '--host', 'alice', '-'], {
        input: readFileSync(fx('minimal.res'), 'utf8'),
      });
      expect(stdin.code).toBe(0);
      expect(stdin.stdout).toContain('resource r0 {');
      const bad = ftkit(node, ['drbd', 'dump', '--host', 'alice', fx('missing-semicolon.res')]);
      expect(bad.code).toBe(1);
      expect(bad.stdout + bad.stderr).toContain('Expected `;`, found `}`');
    });

    it('migrate prints (--to 9 by default), refuses another --to, and --write writes the result', () => {
      const badTo = ftkit(node, ['drbd', 'migrate', '--to', '8.4', fx('drbd84.res')]);
      expect(badTo.code).toBe(2);
      expect(badTo.stderr).toMatch(/--to/);
      const printed = ftkit(node, ['drbd', 'migrate', '--to', '9', fx('drbd84.res')]);
      expect(printed.code).toBe(0);
      expect(printed.stdout).not.toBe(readFileSync(fx('drbd84.res'), 'utf8'));
      expect(ftkit(node, ['drbd', 'migrate', fx('drbd84.res')]).stdout).toBe(printed.stdout);
      const file = copyOf('drbd84.res');
      const write = ftkit(node, ['drbd', 'migrate', '--to', '9', '--write', file]);
      expect(write.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    });

    it('migrate --write that cannot write exits 2 and leaves the file as it was', () => {
      const { file, as } = unwritable('drbd84.res');
      const run = ftkit(node, ['drbd', 'migrate', '--to', '9', '--write', file], as);
      expect(run.code).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(fx('drbd84.res'), 'utf8'));
    });
  });

  describe('ocfs2 list-cluster', () => {
    it('prints a cluster as o2cb does, and exits 1 on an unknown cluster', () => {
      const ok = ftkit(node, ['ocfs2', 'list-cluster', fx('cluster.conf'), 'ocfs2']);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('node:\n\tnumber = 1\n\tname = node1\n');
      expect(ok.stdout).toContain('cluster:\n');
      const unknown = ftkit(node, ['ocfs2', 'list-cluster', fx('cluster.conf'), 'nosuch']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe("ftkit: Unknown cluster 'nosuch'\n");
    });
  });

  describe('borg', () => {
    it('validate: 0 on a valid document, 1 on invalid JSON, 2 on empty standard input', () => {
      const ok = ftkit(node, ['borg', 'validate', fx('borg-info.json')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('repo-info document, borg 1.x, valid');
      const bad = ftkit(node, ['borg', 'validate'], { input: '{"repository": ' });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toBe('<stdin>: not a borg document\n');
      const empty = ftkit(node, ['borg', 'validate'], { input: '' });
      expect(empty).toMatchObject({
        code: 2,
        stderr: 'ftkit: Standard input is empty: nothing was piped into `-`\n',
      });
    });

    it('items: a summary, and 1 on input that is not --json-lines', () => {
      const ok = ftkit(node, ['borg', 'items', '--summary', fx('borg-items.jsonl')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^17 items, /);
      const bad = ftkit(node, ['borg', 'items', fx('borg-info.json')]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('borg/bad-line');
    });

    it('log: renders a --log-json stream, and exits 2 on a missing file', () => {
      const ok = ftkit(node, ['borg', 'log', fx('borg-create.log-json.jsonl')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('PROGRESS Initializing cache transaction');
      expect(ftkit(node, ['borg', 'log', fx('no-such-file.jsonl')]).code).toBe(2);
    });

    it('prune-plan: prints the plan, --svg writes the drawing, no keep option exits 2', () => {
      const dir = tempDir();
      const svg = join(dir, 'plan.svg');
      const args = [
        'borg',
        'prune-plan',
        '--keep-daily',
        '7',
        '--now',
        '2026-11-25T00:00:00Z',
        fx('borg-archives.json'),
      ];
      const ok = ftkit(node, [...args, '--svg', svg]);
      expect(ok).toMatchObject({ code: 0, stderr: '' });
      expect(ok.stdout).toContain('Keeping archive (rule: daily #1):');
      expect(ok.stdout).toContain('Would prune:');
      expect(readFileSync(svg, 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
      const noKeep = ftkit(node, ['borg', 'prune-plan', fx('borg-archives.json')]);
      expect(noKeep.code).toBe(2);
      expect(noKeep.stderr).toContain('At least one of');
      const nowhere = ftkit(node, [...args, '--svg', join(dir, 'no-such-dir', 'plan.svg')]);
      expect(nowhere.code).toBe(2);
      expect(readdirSync(dir)).toEqual(['plan.svg']);
    });
  });

  describe('status and events2', () => {
    it('status reads /proc/drbd output, and exits 2 on empty standard input', () => {
      const ok = ftkit(node, ['status', fx('proc-drbd.txt')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('drbd0 Secondary');
      const json = ftkit(node, ['status', '--json', '-'], {
        input: readFileSync(fx('proc-drbd.txt'), 'utf8'),
      });
      expect(json.code).toBe(0);
      expect(() => JSON.parse(json.stdout)).not.toThrow();
      const empty = ftkit(node, ['status', '-'], { input: '' });
      expect(empty).toEqual({
        code: 2,
        stdout: '',
        stderr: 'ftkit: Standard input is empty: nothing was piped into `-`\n',
      });
    });

    it('events2 follows a stream, reports lines that are not events, and exits 2 on a missing file', () => {
      const ok = ftkit(node, ['events2', fx('events2.txt')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('r0 Primary');
      const bad = ftkit(node, ['events2'], { input: 'garbage\n' });
      expect(bad.stderr).toContain('-:1: Expected `ACTION OBJECT key:value …`, found `garbage`');
      expect(ftkit(node, ['events2', fx('no-such-file.txt')]).code).toBe(2);
    });
  });

  describe('lab', () => {
    let lab: string;
    beforeAll(() => {
      lab = join(tempDir(), 'lab');
    });

    it('generate --dry-run writes nothing', () => {
      const run = ftkit(node, ['lab', 'generate', '--dry-run', '--out', lab]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('RUNBOOK.md');
      expect(existsSync(lab)).toBe(false);
    });

    it('generate writes the tree, and lab check finds no problems in it', () => {
      const run = ftkit(node, ['lab', 'generate', '--out', lab]);
      expect(run.code).toBe(0);
      // The default lab is the original lab's two phases, one tree per phase and node.
      for (const file of [
        'RUNBOOK.md',
        'ftkit-lab.json',
        'phase-1-single-primary/vm1/etc/drbd.d/r0.res',
        'phase-1-single-primary/vm2/etc/drbd.d/r0.res',
        'phase-2-dual-primary/vm1/etc/drbd.d/r0.res',
        'phase-2-dual-primary/vm1/etc/ocfs2/cluster.conf',
        'phase-2-dual-primary/vm1/etc/hostname',
      ]) {
        expect(statSync(join(lab, file)).size).toBeGreaterThan(0);
      }
      expect(ftkit(node, ['lab', 'check', lab])).toMatchObject({ code: 0, stderr: '' });
    });

    it('generate shows a changed file with --dry-run, keeps it without --force, overwrites it with --force', () => {
      const res = join(lab, 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res');
      const original = readFileSync(res, 'utf8');
      writeFileSync(res, `${original}# edited by hand\n`);
      const dry = ftkit(node, ['lab', 'generate', '--dry-run', '--out', lab]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('-# edited by hand');
      expect(readFileSync(res, 'utf8')).toBe(`${original}# edited by hand\n`);
      const kept = ftkit(node, ['lab', 'generate', '--out', lab]);
      expect(kept.code).not.toBe(0);
      expect(kept.stdout + kept.stderr).toContain('--force');
      expect(readFileSync(res, 'utf8')).toBe(`${original}# edited by hand\n`);
      const forced = ftkit(node, ['lab', 'generate', '--force', '--out', lab]);
      expect(forced.code).toBe(0);
      expect(readFileSync(res, 'utf8')).toBe(original);
    });

    it('check exits 1 on a broken tree, generate 1 on an invalid spec', () => {
      const tree = join(tempDir(), 'lab');
      expect(ftkit(node, ['lab', 'generate', '--out', tree]).code).toBe(0);
      copyFileSync(fx('missing-semicolon.res'), join(tree, 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res'));
      const check = ftkit(node, ['lab', 'check', tree]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('drbd/syntax');
      const spec = join(tempDir(), 'bad.yaml');
      writeFileSync(spec, 'foo: 1\n');
      const generate = ftkit(node, ['lab', 'generate', spec, '--out', join(tempDir(), 'x')]);
      expect(generate.code).toBe(1);
      expect(generate.stdout).toContain('LAB_SPEC_INVALID');
    });

    it('schema prints JSON Schema, and exits 2 on an unknown option', () => {
      const schema = ftkit(node, ['lab', 'schema']);
      expect(schema.code).toBe(0);
      expect(JSON.parse(schema.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(ftkit(node, ['lab', 'schema', '--frob']).code).toBe(2);
    });
  });

  it('ends quietly with exit 0 when the reader goes away (`| head -1`)', () => {
    const dir = tempDir();
    const line = readFileSync(fx('borg-items.jsonl'), 'utf8').split('\n')[0];
    writeFileSync(join(dir, 'big.jsonl'), `${line}\n`.repeat(50_000));
    const run = shell(node, '{ ftkit borg items big.jsonl 2>err; echo $? >rc; } | head -1', dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'rc'), 'utf8')).toBe('0\n');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
  });
});

it('the launcher names the missing build instead of failing obscurely', () => {
  // A copy of the package without dist/: what a fresh clone has before `npm run build`.
  const dir = tempDir();
  const launcher = join(dir, 'bin/ftkit.js');
  mkdirSync(join(dir, 'bin'));
  copyFileSync(bin, launcher);
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  const run = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('run `npm run build`');
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

// Issue 18 item 6: one set of flags across commands. `-f/--format` chooses every output (the
// boolean flags stay as aliases), and empty standard input follows one rule: a command that
// reads one document exits 2, a command that follows a stream reads zero records and exits 0.

const fixtures = join(import.meta.dirname, 'e2e/fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

async function cli(args: string[], stdin = '') {
  const m = memoryIo(fixtures, stdin);
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('-f/--format on every command with a choice of output', () => {
  it.each([
    [['status', '-'], 'proc-drbd.txt', ['--json'], ['-f', 'json']],
    [['status', '-'], 'proc-drbd.txt', ['--prometheus'], ['--format', 'prometheus']],
    [['events2', '-'], 'events2.txt', ['--json'], ['-f', 'json']],
    [
      ['borg', 'prune-plan', '-', '--keep-daily', '2', '--now', '2024-01-01T00:00:00'],
      'borg-archives.json',
      ['--json'],
      ['-f', 'json'],
    ],
  ])('%s: the alias and -f give the same output', async (command, input, alias, format) => {
    const a = await cli([...command, ...alias], fixture(input));
    const b = await cli([...command, ...format], fixture(input));
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('a --format that contradicts its alias, or an unknown one, exits 2', async () => {
    const clash = await cli(['status', '-', '-f', 'text', '--json'], fixture('proc-drbd.txt'));
    expect(clash).toMatchObject({
      code: 2,
      stderr: 'ftkit: --format text and --json disagree: give one of them\n',
    });
    expect((await cli(['events2', '-', '-f', 'xml'], fixture('events2.txt'))).code).toBe(2);
  });
});

describe('empty standard input', () => {
  it.each([
    [['status', '-']],
    [['fmt', '-']],
    [['drbd', 'dump', '-']],
    [['ocfs2', 'list-cluster', '-', 'web']],
    [['borg', 'validate', '-']],
    [['borg', 'prune-plan', '-', '--keep-daily', '1']],
    [['lint', '-']],
  ])('%s reads one document: exit 2', async (args) => {
    const r = await cli(args);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ftkit: Standard input is empty: nothing was piped into `-`\n',
    });
  });

  it.each([[['events2', '-']], [['borg', 'items', '-']], [['borg', 'log', '-']]])(
    '%s follows a stream: zero records, exit 0',
    async (args) => {
      expect((await cli(args)).code).toBe(0);
    },
  );

  it('lint - with a file name lints the empty text as that file', async () => {
    expect(await cli(['lint', '-', '--stdin-filename', 'etc/fstab'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});

describe('ftkit rules', () => {
  it('lists every rule once, as aligned text and as JSON', async () => {
    const json = await cli(['rules', '--format', 'json']);
    const list = JSON.parse(json.stdout) as {
      format: string;
      id: string;
      defaultSeverity: string;
      docs: string;
    }[];
    const text = await cli(['rules']);
    expect(text.code).toBe(0);
    const rows = text.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(list.length);
    expect(new Set(list.map((r) => `${r.format}/${r.id}`)).size).toBe(list.length);
    const first = list[0]!;
    expect(rows[0]).toMatch(new RegExp(`^${first.format}\\s+${first.id}\\s+${first.defaultSeverity}\\s`));
    expect(rows[0]!.endsWith(first.docs)).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { GEN_NAMES, requireTool } from '../helpers.js';

// What the shells get when they source a file: bash (the o2cb init script's `.`) and dash (the
// Debian config script, `#!/bin/sh` with `set -e`). Both are run for real; these tests fail,
// never skip, without them.

const dir = mkdtempSync(join(tmpdir(), 'ftkit-o2cb-shells-'));
let counter = 0;

/** Sources `text` with `shell` and reports the variables it set, and whether the shell survived. */
function source(shell: string, text: string): { alive: boolean; vars: Map<string, string | undefined> } {
  requireTool(`/bin/${shell}`, shell);
  const file = join(dir, `f${counter++}`);
  writeFileSync(file, text);
  const script = `. "$1" >/dev/null 2>&1\nprintf 'ALIVE\\0'\n${GEN_NAMES.map(
    (n) => `if [ -n "\${${n}+x}" ]; then printf 'S%s\\0' "$${n}"; else printf 'U\\0'; fi`,
  ).join('\n')}\n`;
  const r = spawnSync(shell, ['-c', script, 'sh', file], { env: {}, cwd: dir, encoding: 'utf8' });
  const parts = r.stdout.split('\0');
  const alive = parts[0] === 'ALIVE';
  const vars = new Map<string, string | undefined>();
  GEN_NAMES.forEach((n, i) => {
    const p = alive ? (parts[i + 1] ?? 'U') : 'U';
    vars.set(n, p.startsWith('S') ? p.slice(1) : undefined);
  });
  return { alive, vars };
}

function ours(text: string): Map<string, string | undefined> {
  const v = parse(text).model.variables;
  return new Map(GEN_NAMES.map((n) => [n, Object.hasOwn(v, n) ? v[n] : undefined]));
}

const realDir = join(import.meta.dirname, '..', 'fixtures', 'realworld');
const samples = readdirSync(realDir)
  .filter((f) => f !== 'SOURCES.md')
  .sort();

describe('real /etc/default/o2cb and /etc/sysconfig/o2cb files', () => {
  it.each(samples)('%s: we read what bash and dash set', (name) => {
    const text = readFileSync(join(realDir, name), 'utf8');
    const bash = source('bash', text);
    const dash = source('dash', text);
    expect(bash.alive && dash.alive).toBe(true);
    expect(ours(text)).toEqual(bash.vars);
    expect(ours(text)).toEqual(dash.vars);
  });
});

describe('a shell syntax error in the file', () => {
  const cases = [
    'O2CB_ENABLED=true (comment)\nO2CB_STACK=o2cb\nO2CB_BOOTCLUSTER=web\n',
    'O2CB_ENABLED=true\nO2CB_STACK=o2cb (the default)\nO2CB_BOOTCLUSTER=web\n',
    'O2CB_ENABLED=true\nO2CB_BOOTCLUSTER=we(b)\nO2CB_HEARTBEAT_THRESHOLD=31\n',
    'O2CB_ENABLED=true\nO2CB_BOOTCLUSTER="web\nO2CB_HEARTBEAT_THRESHOLD=31\n',
    "O2CB_ENABLED=true\nO2CB_BOOTCLUSTER='web\nO2CB_HEARTBEAT_THRESHOLD=31\n",
  ];

  it.each(cases)('stops bash at the error and kills dash: %j', (text) => {
    const bash = source('bash', text);
    expect(bash.alive).toBe(true);
    expect(ours(text)).toEqual(bash.vars);
    expect(source('dash', text).alive).toBe(false);
    const d = parse(text).diagnostics.filter((x) => x.code === 'o2cb/shell-syntax');
    expect(d).toHaveLength(1);
    expect(d[0]!.note).toMatch(/bash stops reading the file here.*dash .* exits/);
  });

  it('a command error is not a syntax error: both shells go on', () => {
    const text = 'O2CB_ENABLED=true\nO2CB_STACK = o2cb\nO2CB_BOOTCLUSTER=web\n';
    const bash = source('bash', text);
    const dash = source('dash', text);
    expect([bash.alive, dash.alive]).toEqual([true, true]);
    expect(ours(text)).toEqual(bash.vars);
    expect(ours(text)).toEqual(dash.vars);
    expect(ours(text).get('O2CB_BOOTCLUSTER')).toBe('web');
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const FIX = join(import.meta.dirname, '../../../packages/borg-json/test/fixtures');
const fx = (rel: string) => join(FIX, rel);

describe('ftkit borg', () => {
  it('validate: detects kind and version, exit 0 for real output', async () => {
    const m = memoryIo(FIX);
    expect(await run(['borg', 'validate', '1.2/info-last2.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('1.2/info-last2.json: archive-info document, borg 1.x, 2 archive(s), valid\n');
    const s = memoryIo(FIX);
    expect(await run(['borg', 'validate', '2.0.0b5/list-archive.jsonl'], s.io)).toBe(0);
    expect(s.stdout()).toMatch(/--json-lines items, \d+ items, valid/);
  });

  it('validate --emit re-emits byte-identical; errors exit 1 with positions', async () => {
    const text = readFileSync(fx('2.0.0b5/create.json'), 'utf8');
    const m = memoryIo(FIX, text);
    expect(await run(['borg', 'validate', '--emit', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(text);
    const bad = text.replace('"nfiles": 11', '"nfiles": "11"');
    const b = memoryIo(FIX, bad);
    expect(await run(['borg', 'validate', '-'], b.io)).toBe(1);
    expect(b.stderr()).toContain('Expected number at `archive.stats.nfiles`, found string `"11"`');
    expect(b.stderr()).toMatch(/20:23/);
  });

  it('items --summary lists an item type named after an Object.prototype member as itself', async () => {
    // Reproduction: /work/shared/reliability/borg-items-type-constructor.jsonl crashed with
    // `(TYPE_NAMES[t] ?? t).padEnd is not a function`.
    const line = (t: string) =>
      `{"type": "${t}", "mode": "-rw-r--r--", "user": "root", "group": "root", "uid": 0, "gid": 0, "path": "a", "healthy": true, "source": "", "linktarget": "", "flags": null, "mtime": "2024-01-01T00:00:00.000000", "size": 1}\n`;
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '-'];
    const m = memoryIo(FIX, names.map(line).join(''));
    expect(await run(['borg', 'items', '--summary', '-'], m.io)).toBe(0);
    for (const n of names.slice(0, -1)) expect(m.stdout()).toMatch(new RegExp(`^  ${n} +1 `, 'm'));
    expect(m.stdout()).toMatch(/^ {2}file +1 /m);
  });

  it('items --summary counts types and sizes', async () => {
    const m = memoryIo(FIX);
    expect(await run(['borg', 'items', '--summary', '1.2/list-archive.jsonl'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^\d+ items, /);
    expect(m.stdout()).toContain('symlink');
    expect(m.stdout()).toContain('hard link');
    expect(m.stdout()).toContain('largest directories');
  });

  it('log renders messages with exit codes', async () => {
    const m = memoryIo(FIX);
    expect(
      await run(['borg', 'log', '1.4/errors-modern-exit-codes/passphrase-wrong.log-json.jsonl'], m.io),
    ).toBe(0);
    expect(m.stdout()).toContain('[PassphraseWrong, exit 2 legacy / 52 modern]');
    const t = memoryIo(FIX);
    expect(await run(['borg', 'log', '1.2/errors/no-passphrase.stderr.txt'], t.io)).toBe(0);
    expect(t.stdout()).toContain('Enter passphrase for key');
  });

  it('prune-plan prints the lines borg printed', async () => {
    const m = memoryIo(FIX);
    const code = await run(
      [
        'borg',
        'prune-plan',
        '1.2/prune/archives-with-checkpoints.json',
        '--keep-daily',
        '7',
        '--keep-weekly',
        '4',
        '--keep-monthly',
        '6',
        '--borg-version',
        '1.2',
        '--tz',
        'Europe/Berlin',
        '--now',
        '2026-11-24T15:30:55Z',
      ],
      m.io,
    );
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);
    expect(m.stdout()).toBe(readFileSync(fx('1.2/prune/prune-p1-daily7-weekly4-monthly6.txt'), 'utf8'));
  });

  it('prune-plan --json and --svg', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-borg-'));
    const m = memoryIo(dir);
    const svg = join(dir, 'plan.svg');
    expect(
      await run(
        [
          'borg',
          'prune-plan',
          fx('2.0.0b5/prune/archives.json'),
          '--keep-daily',
          '3',
          '--borg-version',
          '2.0',
          '--tz',
          'UTC',
          '--json',
          '--svg',
          svg,
        ],
        m.io,
      ),
    ).toBe(0);
    const plan = JSON.parse(m.stdout());
    expect(plan.decisions.filter((d: { keep: boolean }) => d.keep)).toHaveLength(3);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*daily[\s\S]*<\/svg>\n$/);
  });

  it('ftkit lint detects borg output and runs its rules', async () => {
    const m = memoryIo(FIX);
    expect(await run(['lint', '1.2/info-repo-none.json'], m.io)).toBe(0);
    expect(m.stdout()).toContain('repository-unencrypted');
    const bad = memoryIo(
      FIX,
      '{"repository": {"id": "x", "location": "/r", "last_modified": "now"}, "encryption": {"mode": "repokey"}, "security_dir": "/s", "cache": {"path": "/c"}}',
    );
    expect(await run(['lint', '--kind', 'borg-json', '-'], bad.io)).toBe(1);
    expect(bad.stdout()).toContain('borg/invalid-value');
  });

  it('prune-plan refuses options the version lacks', async () => {
    const m = memoryIo(FIX);
    expect(
      await run(
        ['borg', 'prune-plan', '1.4/prune/archives.json', '--keep-13weekly', '4', '--borg-version', '1.4'],
        m.io,
      ),
    ).toBe(2);
    expect(m.stderr()).toContain('Unknown option `--keep-13weekly` in borg 1.4.0');
  });
});

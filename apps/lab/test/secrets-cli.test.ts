import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const HOSTILE = join(import.meta.dirname, 'fixtures/hostile');
const SECRET = /Zx9SECRET|qv7Lm2w/;

async function ftkit(args: string[], cwd = HOSTILE) {
  const m = memoryIo(cwd);
  const code = await run(args, m.io);
  return { code, out: m.stdout() + m.stderr() };
}

describe('secrets never reach the terminal (issue 13 items 1 and 8)', () => {
  it.each(['stylish', 'json', 'sarif'])('lint --code-frame -f %s on the code-frame repro', async (f) => {
    const r = await ftkit(['lint', '--code-frame', '-f', f, 'secret-code-frame.res']);
    expect(r.out.length).toBeGreaterThan(0);
    expect(r.out).not.toMatch(SECRET);
    if (f === 'stylish') expect(r.out).toContain('shared-secret "«redacted»";');
  });

  it('lint --no-redact still shows it (the user asked)', async () => {
    const r = await ftkit(['lint', '--code-frame', '--no-redact', 'secret-code-frame.res']);
    expect(r.out).toMatch(SECRET);
  });

  it.each([
    ['lint', '--code-frame', 'secret-unquoted-space.res'],
    ['lint', '-f', 'json', 'secret-unquoted-space.res'],
    ['fmt', '--kind', 'drbd-conf', 'secret-unquoted-space.res'],
    ['drbd', 'dump', '--redact', '--host', 'alpha', 'secret-unquoted-space.res'],
    ['drbd', 'migrate', '--to', '9', 'secret-unquoted-space.res'],
  ])('%s %s … on an unquoted secret with a space', async (...args) => {
    const r = await ftkit(args);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Expected `;`');
    if (args[1] !== 'migrate') expect(r.out).not.toMatch(SECRET);
  });

  it('a secret `e` leaves every other `e` in place', async () => {
    const r = await ftkit(['lint', '--code-frame', 'secret-common-word.res']);
    expect(r.out).toContain('Weak `shared-secret`');
    expect(r.out).not.toMatch(/«redacted»[a-z]|[a-z]«redacted»/);
  });

  it('borg log and lint --code-frame hide BORG_PASSPHRASE values', async () => {
    const log = await ftkit(['borg', 'log', 'borg-log-passphrase.borg-log.jsonl']);
    expect(log.out).toContain('Running: BORG_PASSPHRASE=«redacted» borg create ::x /home');
    expect(log.out).toContain('BORG_PASSPHRASE=«redacted»\n');
    expect(log.out).not.toMatch(SECRET);
    const lint = await ftkit(['lint', '--code-frame', 'borg-log-passphrase.borg-log.jsonl']);
    expect(lint.out).toContain('BORG_PASSPHRASE=«redacted»');
    expect(lint.out).not.toMatch(SECRET);
    const validate = await ftkit(['borg', 'validate', 'borg-log-passphrase.borg-log.jsonl']);
    expect(validate.out).not.toMatch(SECRET);
  });

  it('lab check frames and lab generate --dry-run diffs hide a planted secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-secret-'));
    expect((await ftkit(['lab', 'generate', '-o', 'out', '--mode', 'dual-primary'], dir)).code).toBe(0);
    const res = readdirSync(join(dir, 'out/vm1/etc/drbd.d')).find((f) => f.endsWith('.res'))!;
    copyFileSync(join(HOSTILE, 'secret-code-frame.res'), join(dir, 'out/vm1/etc/drbd.d', res));
    expect(readFileSync(join(dir, 'out/vm1/etc/drbd.d', res), 'utf8')).toMatch(SECRET);
    const check = await ftkit(['lab', 'check', 'out'], dir);
    expect(check.out).toContain('«redacted»');
    expect(check.out).not.toMatch(SECRET);
    const dry = await ftkit(
      ['lab', 'generate', '-o', 'out', '--mode', 'dual-primary', '--dry-run', '--force'],
      dir,
    );
    expect(dry.out).toContain('-    shared-secret "«redacted»";\n');
    expect(dry.out).not.toMatch(SECRET);
  });

  it('lab check frames and lab generate --dry-run diffs hide a secret shorter than four characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-short-secret-'));
    expect((await ftkit(['lab', 'generate', '-o', 'out', '--mode', 'dual-primary'], dir)).code).toBe(0);
    const res = join(dir, 'out/vm1/etc/drbd.d/r0.res');
    writeFileSync(res, readFileSync(res, 'utf8').replace(/shared-secret [^;]*;/, 'shared-secret "k9Z";'));
    const check = await ftkit(['lab', 'check', 'out'], dir);
    expect(check.out).toContain('shared-secret "«redacted»"');
    expect(check.out).not.toContain('k9Z');
    const dry = await ftkit(
      ['lab', 'generate', '-o', 'out', '--mode', 'dual-primary', '--dry-run', '--force'],
      dir,
    );
    expect(dry.out).toMatch(/^- +shared-secret "«redacted»";$/m);
    expect(dry.out).not.toContain('k9Z');
  });
});

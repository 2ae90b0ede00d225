import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtkitError, memoryReader } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { calculateConfigForFile, type LintFileResult, lintFiles, lintText } from '../../src/index.js';

const fixtureRepo = join(import.meta.dirname, '../e2e/fixtures/ci-repo');

/** A fresh copy of the e2e fixture repository (see test/e2e/fixtures/SOURCES.md). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-api-'));
  cpSync(fixtureRepo, dir, { recursive: true });
  return dir;
}

const lines = (results: readonly LintFileResult[], cwd: string) =>
  results.flatMap((r) =>
    r.diagnostics.map((d) => `${r.filePath.slice(cwd.length + 1)}:${d.position.start.line} ${d.code}`),
  );

describe('lintFiles', () => {
  it('honours the config found upward: ignores, overrides, settings and inline directives', async () => {
    const cwd = repo();
    const r = await lintFiles(['.'], { cwd, sysroot: 'etc/..' });
    const files = r.results.map((x) => x.filePath.slice(cwd.length + 1));
    // vendor/ is ignored; each file once; the config file itself is not linted.
    expect(files).toEqual(['etc/drbd.conf', 'etc/drbd.d/r0.res', 'legacy/old.res']);
    expect(r.ignored.map((p) => p.slice(cwd.length + 1))).toEqual(['vendor/broken.res']);
    expect(r.notRecognised).toEqual([]);
    // r0.res: split-brain-handler-missing is off by config, verify-alg-missing silenced inline.
    // legacy/old.res is read as 8.4 (override) with verify-alg-missing off.
    expect(lines(r.results, cwd)).toMatchInlineSnapshot(`
      [
        "legacy/old.res:2 fencing-handler-missing",
        "legacy/old.res:2 outdate-peer-handler",
      ]
    `);
    // The directive in r0.res is what keeps it clean.
    const raw = await lintFiles(['etc/drbd.d/r0.res'], { cwd, noInlineConfig: true });
    expect(lines(raw.results, cwd)).toEqual(['etc/drbd.d/r0.res:2 verify-alg-missing']);
  });

  it('reports an included file as a result of its own, named by its real path (sysroot)', async () => {
    const cwd = repo();
    const r = await lintFiles(['etc/drbd.conf'], { cwd, sysroot: '.' });
    expect(
      r.results.map((x) => [x.filePath.slice(cwd.length + 1), x.includedBy?.slice(cwd.length + 1)]),
    ).toEqual([
      ['etc/drbd.conf', undefined],
      ['etc/drbd.d/r0.res', 'etc/drbd.conf'],
    ]);
    // Without --sysroot the absolute include points at this machine's /etc, outside the root.
    const plain = await lintFiles(['etc/drbd.conf'], { cwd });
    expect(plain.results).toHaveLength(1);
    expect(plain.results[0]!.diagnostics.map((d) => d.message)).toEqual([
      'Include `/etc/drbd.d/*.res` points outside the allowed root `' + join(cwd, 'etc') + '`',
    ]);
  });

  it('keeps --root confinement inside the sysroot', async () => {
    const cwd = repo();
    await expect(lintFiles(['etc/drbd.conf'], { cwd, sysroot: 'etc', root: '.' })).rejects.toThrow(
      /lies outside --sysroot/,
    );
    const r = await lintFiles(['etc/drbd.conf'], { cwd, sysroot: '.', root: 'etc/drbd.d' });
    expect(r.results.map((x) => x.diagnostics.length)).toEqual([0, 0]);
    const outside = await lintFiles(['etc/drbd.conf'], { cwd, sysroot: '.', root: 'legacy' });
    expect(outside.results[0]!.diagnostics.map((d) => d.message)).toEqual([
      'Include `/etc/drbd.d/*.res` points outside the allowed root `/legacy`',
    ]);
  });

  it('expands globs and says when nothing matched or everything is ignored', async () => {
    const cwd = repo();
    const r = await lintFiles(['**/*.res'], { cwd });
    expect(r.results.map((x) => x.filePath.slice(cwd.length + 1))).toEqual([
      'etc/drbd.d/r0.res',
      'legacy/old.res',
    ]);
    await expect(lintFiles(['*.nothing'], { cwd })).rejects.toMatchObject({ code: 'lab/no-files-matched' });
    await expect(lintFiles(['vendor'], { cwd })).rejects.toThrow(/are ignored by the config/);
    await expect(lintFiles(['missing.res'], { cwd })).rejects.toMatchObject({ code: 'lab/file-not-found' });
  });

  it('rejects unknown rule ids, settings and values with a did-you-mean, in the config and in options', async () => {
    const cwd = repo();
    writeFileSync(
      join(cwd, 'ftkit.config.yaml'),
      'rules:\n  verify-alg-misssing: warn\nsettings:\n  drbdVerison: "9"\noverrides:\n  - files: ["x"]\n    settings: { drbdVersion: "8.5" }\n',
    );
    const err = await lintFiles(['etc'], { cwd }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtkitError);
    expect((err as FtkitError).message).toContain('ftkit.config.yaml');
    expect((err as FtkitError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.verify-alg-misssing', expect.stringContaining('did you mean `verify-alg-missing`?')],
      ['settings.drbdVerison', expect.stringContaining('did you mean `drbdVersion`?')],
      ['overrides.0.settings.drbdVersion', '`drbdVersion` must be one of `9`, `8.4`, `8.3`, not "8.5"'],
    ]);
    await expect(lintText('', { cwd, config: false, rules: { 'no-such-rule': 'off' } })).rejects.toThrow(
      /No rule `no-such-rule`/,
    );
    writeFileSync(join(cwd, 'ftkit.config.yaml'), 'rules: [1]\n');
    await expect(lintFiles(['etc'], { cwd })).rejects.toMatchObject({ code: 'lab/invalid-config' });
  });

  it('reads JSON and ES module configs, and refuses two in one directory', async () => {
    const cwd = repo();
    writeFileSync(join(cwd, 'ftkit.config.json'), '{"rules":{"shared-secret-weak":"off"}}');
    await expect(lintFiles(['etc'], { cwd })).rejects.toMatchObject({ code: 'lab/ambiguous-config' });
    const sub = join(cwd, 'mod');
    mkdirSync(sub);
    writeFileSync(
      join(sub, 'ftkit.config.mjs'),
      'export default { rules: { "verify-alg-missing": "error" } };\n',
    );
    cpSync(join(cwd, 'legacy/old.res'), join(sub, 'old.res'));
    const r = await lintFiles(['old.res'], { cwd: sub });
    expect(r.results[0]!.diagnostics.find((d) => d.code === 'verify-alg-missing')?.severity).toBe('error');
    const none = await lintFiles(['old.res'], { cwd: sub, config: false });
    expect(none.results[0]!.diagnostics.find((d) => d.code === 'verify-alg-missing')?.severity).toBe('info');
  });
});

describe('lintText', () => {
  it('lints text as the file it names, with that file’s config and directives', async () => {
    const cwd = repo();
    const text = readFileSync(join(cwd, 'etc/drbd.d/r0.res'), 'utf8');
    const r = await lintText(text, { cwd, filePath: 'etc/drbd.d/r0.res' });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      filePath: join(cwd, 'etc/drbd.d/r0.res'),
      format: 'drbd-conf',
      errorCount: 0,
    });
    expect(await lintText(text, { cwd, filePath: 'vendor/x.res' })).toEqual([]);
  });

  it('reads includes through the reader it is given (an editor’s open documents)', async () => {
    const reader = { ...memoryReader({ '/w/drbd.d/r0.res': 'resource r0 {\n  bogus;\n}\n' }), root: '/w' };
    const r = await lintText('include "drbd.d/*.res";\n', {
      filePath: '/w/drbd.conf',
      config: false,
      reader,
    });
    expect(r.map((x) => [x.filePath, x.includedBy])).toEqual([
      ['/w/drbd.conf', undefined],
      ['/w/drbd.d/r0.res', '/w/drbd.conf'],
    ]);
    expect(r[1]!.errorCount).toBeGreaterThan(0);
  });

  it('reports a directive that silences nothing', async () => {
    const r = await lintText('# ftkit-disable-next-line shared-secret-weak\n' + 'resource r0 {}\n', {
      config: false,
      filePath: '/tmp/x.res',
    });
    expect(r[0]!.diagnostics.map((d) => d.code)).toContain('drbd/unused-directive');
  });
});

describe('calculateConfigForFile', () => {
  it('shows the rules and settings an override gives a file', async () => {
    const cwd = repo();
    const c = await calculateConfigForFile('legacy/old.res', { cwd });
    expect(c).toEqual({
      filePath: join(cwd, 'legacy/old.res'),
      configFile: join(cwd, 'ftkit.config.yaml'),
      ignored: false,
      format: 'drbd-conf',
      rules: { 'split-brain-handler-missing': 'off', 'verify-alg-missing': 'off' },
      settings: { drbdVersion: '8.4' },
    });
  });
});

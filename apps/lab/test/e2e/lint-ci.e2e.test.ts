import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtures, ftkit, nodesUnderTest, root, tempDir } from './helpers.js';

// Each test starts several Node processes; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 240_000 });

// `ftkit lint` as a CI job runs it: the built binary over a repository of configuration files
// (fixtures/ci-repo: a config file with an ignore and an override, an inline directive, an
// absolute include resolved through --sysroot), every reporter's output checked with a real
// parser or schema, and the exit codes CI depends on.

const node = nodesUnderTest()[0]!;
let repo: string;

beforeAll(() => {
  repo = tempDir('ftkit-ci-repo-');
  cpSync(join(fixtures, 'ci-repo'), repo, { recursive: true });
});

const lint = (args: string[], input?: string) =>
  ftkit(node, ['lint', ...args], { cwd: repo, ...(input !== undefined ? { input } : {}) });

const sarifSchema = JSON.parse(
  readFileSync(join(root, 'packages/core/test/fixtures/sarif-schema-2.1.0.json'), 'utf8'),
);

describe('ftkit lint in CI (built binary)', () => {
  it('sarif: valid SARIF 2.1.0, relative URIs, each finding once', () => {
    const r = lint(['.', '--sysroot', '.', '--format', 'sarif']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    // The schema's `language` pattern is not a valid Unicode-mode regexp; ajv must compile it plainly.
    const schema = { ...sarifSchema };
    delete schema.$schema;
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/`);
    const locations = run.results.map(
      (x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) =>
        x.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      expect(l.uriBaseId).toBe('%SRCROOT%');
      expect(l.uri).not.toMatch(/^(file:|\/)/);
    }
    const keys = run.results.map(
      (x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) =>
        `${x.ruleId}@${JSON.stringify(x.locations[0])}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const fingerprints = run.results.map(
      (x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['ftkit/v1'],
    );
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    for (const rule of run.tool.driver.rules)
      expect(rule.helpUri).toMatch(/docs\/rules\/drbd-conf\/[a-z-]+\.md$/);
  });

  it('junit: valid XML with one test case per linted file', () => {
    const r = lint(['.', '--sysroot', '.', '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testcase' }).parse(r.stdout);
    const names = doc.testsuites.testsuite.testcase.map((c: Record<string, string>) => c['@_name']);
    expect(names).toEqual(['etc/drbd.conf', 'etc/drbd.d/r0.res', 'legacy/old.res']);
  });

  it('checkstyle: valid XML with one file element per linted file', () => {
    const r = lint(['.', '--sysroot', '.', '--format', 'checkstyle']);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'file' }).parse(r.stdout);
    expect(doc.checkstyle.file.map((f: Record<string, string>) => f['@_name'])).toEqual([
      'etc/drbd.conf',
      'etc/drbd.d/r0.res',
      'legacy/old.res',
    ]);
  });

  it('github: one parseable workflow command per finding', () => {
    const r = lint(['.', '--sysroot', '.', '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const re =
      /^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;
    for (const l of lines) {
      const m = re.exec(l);
      expect(m, l).not.toBeNull();
      expect(m![2]).toBe('legacy/old.res');
    }
  });

  it('exit codes: clean 0, warnings under and over --max-warnings, errors 1, usage 2', () => {
    const clean = lint(['etc', '--sysroot', '.']);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    // legacy/old.res has warnings and no errors.
    const json = JSON.parse(lint(['legacy', '--format', 'json']).stdout) as { severity: string }[];
    const warnings = json.filter((f) => f.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(json.some((f) => f.severity === 'error')).toBe(false);
    expect(lint(['legacy', '--max-warnings', String(warnings)]).code).toBe(0);
    const over = lint(['legacy', '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`too many warnings (${warnings})`);
    // The vendored file the config ignores has errors when linted without the config.
    expect(lint(['vendor/broken.res', '--no-config']).code).toBe(1);
    for (const args of [
      ['vendor'],
      ['*.nothing'],
      ['--rule', 'verify-alg-misssing=off', 'etc'],
      ['--set', 'drbdVersoin=9', 'etc'],
      ['--max-warnings', 'x', 'etc'],
      ['--format', 'nope', 'etc'],
    ]) {
      const r = lint(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^(ftkit: |error: )/);
    }
    expect(lint(['vendor']).stderr).toBe('ftkit: All files matched by `vendor` are ignored by the config\n');
    expect(lint(['--rule', 'verify-alg-misssing=off', 'etc']).stderr).toContain(
      'did you mean `verify-alg-missing`?',
    );
  });

  it('a config error in the file is exit 2 with a did-you-mean', () => {
    const dir = tempDir('ftkit-ci-bad-');
    cpSync(join(fixtures, 'ci-repo'), dir, { recursive: true });
    writeFileSync(join(dir, 'ftkit.config.yaml'), 'settings:\n  drbdVersion: "8.5"\n  hostnme: a\n');
    const r = ftkit(node, ['lint', 'etc'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.hostnme: No setting `hostnme`; did you mean `hostname`?');
    expect(r.stderr).toContain(
      'settings.drbdVersion: `drbdVersion` must be one of `9`, `8.4`, `8.3`, not "8.5"',
    );
  });

  it('reads a TypeScript config file (Node strips the types)', () => {
    const dir = tempDir('ftkit-ci-ts-');
    cpSync(join(fixtures, 'ci-repo'), dir, { recursive: true });
    cpSync(join(dir, 'legacy/old.res'), join(dir, 'old.res'));
    rmSync(join(dir, 'ftkit.config.yaml'));
    writeFileSync(
      join(dir, 'ftkit.config.ts'),
      "type Level = 'off' | 'warn' | 'error';\nconst level: Level = 'error';\nexport default { rules: { 'outdate-peer-handler': level } };\n",
    );
    const r = ftkit(node, ['lint', 'old.res', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as { code: string; severity: string }[];
    expect(found.find((f) => f.code === 'outdate-peer-handler')?.severity).toBe('error');
  });

  it('--stdin-filename, --output-file and --print-config', () => {
    const text = readFileSync(join(repo, 'legacy/old.res'), 'utf8');
    const piped = lint(['-', '--stdin-filename', 'legacy/old.res', '--format', 'json'], text);
    const fromFile = lint(['legacy/old.res', '--format', 'json']);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const out = join(tempDir(), 'reports', 'ftkit.sarif');
    const written = lint(['.', '--sysroot', '.', '--format', 'sarif', '--output-file', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    const printed = JSON.parse(lint(['--print-config', 'legacy/old.res']).stdout);
    expect(printed).toMatchObject({ format: 'drbd-conf', settings: { drbdVersion: '8.4' } });
  });

  it('ftkit rules lists every rule with its docs page', () => {
    const r = ftkit(node, ['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { format: string; id: string; docs: string; fixable: boolean }[];
    expect(list.some((x) => x.format === 'drbd-conf' && x.id === 'verify-alg-missing')).toBe(true);
    for (const x of list) expect(x.docs).toContain(`docs/rules/${x.format}/${x.id}.md`);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DiagnosticCollector,
  defineRule,
  type FormatModule,
  fixUntilStable,
  reporters,
  runRules,
  sortDiagnostics,
} from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { reporterNames } from '../src/commands/reporter-names.js';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

// A toy format so the CLI can be driven end to end: `key=value` lines, keys must be lower case.
type Doc = { lines: { key: string; start: number; end: number }[] };
const parseDoc = (text: string): Doc => ({
  lines: [...text.matchAll(/^(\w+)=/gm)].map((m) => ({
    key: m[1]!,
    start: m.index,
    end: m.index + m[1]!.length,
  })),
});
const lowerKeys = defineRule<Doc>()({
  meta: {
    id: 'key-lower-case',
    description: 'Keys are lower case',
    defaultSeverity: 'error',
    fixable: true,
    url: 'https://example.test/key-lower-case',
    messages: { upper: 'Expected `{{lower}}`, found `{{key}}`' },
  },
  check(ctx) {
    for (const l of ctx.doc.lines) {
      if (l.key !== l.key.toLowerCase())
        ctx.report({
          messageId: 'upper',
          data: { key: l.key, lower: l.key.toLowerCase() },
          span: l,
          fix: [{ ...l, text: l.key.toLowerCase() }],
        });
    }
  },
});
const lintText = (text: string, fileName?: string, rules = {}) =>
  runRules({ rules: [lowerKeys], doc: parseDoc(text), text, source: 'toy', file: fileName, config: rules });
const toy: FormatModule<string, Doc, Doc> = {
  name: 'toy',
  codePrefix: 'toy',
  ruleIds: ['key-lower-case'],
  settings: {},
  description: 'key=value files',
  filePatterns: ['**/*.toy'],
  detect: (_p, text) => (text.startsWith('#toy') ? 1 : 0),
  parse: (text) => ({ cst: text, model: parseDoc(text), diagnostics: [] }),
  parseCst: (t) => t,
  print: (t) => t,
  emit: (m) => m.lines.map((l) => `${l.key}=`).join('\n'),
  rules: { 'key-lower-case': lowerKeys },
  lint(text, o = {}) {
    const secret = /secret=(\S+)/.exec(text)?.[1];
    const extra = new DiagnosticCollector(text, 'toy', o.fileName);
    if (secret) extra.warning('SECRET_WEAK', `Secret \`${secret}\` is weak`, { start: 0, end: 1 });
    const diagnostics = sortDiagnostics([...lintText(text, o.fileName, o.rules), ...extra.items]);
    const output = o.fix ? fixUntilStable(text, (t) => lintText(t, o.fileName, o.rules)).text : undefined;
    return {
      diagnostics,
      ...(output !== undefined ? { output } : {}),
      ...(secret ? { secrets: [secret] } : {}),
    };
  },
  format: (text) => ({ text: text.replace(/[ \t]+$/gm, ''), diagnostics: [] }),
};

function workdir() {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-cli-'));
  writeFileSync(join(dir, 'good.toy'), 'a=1\n');
  writeFileSync(join(dir, 'bad.toy'), 'ok=1\nBAD=2\n');
  writeFileSync(join(dir, 'other.txt'), 'hello\n');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'x.toy'), 'X=1\n');
  return dir;
}

describe('ftkit CLI shell', () => {
  it('prints help and version with exit 0', async () => {
    const m = memoryIo('/');
    expect(await run(['--help'], m.io)).toBe(0);
    expect(m.stdout()).toContain('Usage: ftkit');
    expect(m.stdout()).toContain('lint');
    const v = memoryIo('/');
    expect(await run(['--version'], v.io)).toBe(0);
    expect(v.stdout().trim()).toBe(pkg.version);
  });

  it('offers every reporter of @ftkit/core as --format (a copy, so registering needs no core)', () => {
    expect(reporterNames).toEqual(Object.keys(reporters));
  });

  it('exits 2 with one line for usage errors and missing files', async () => {
    const m = memoryIo('/');
    expect(await run(['lint'], m.io)).toBe(2);
    expect(m.stderr()).toBe('ftkit: Missing paths to lint (`-` reads standard input)\n');
    const n = memoryIo('/');
    expect(await run(['lint', '/definitely/not/here'], n.io)).toBe(2);
    expect(n.stderr()).toBe('ftkit: Cannot read `/definitely/not/here`: no such file or directory\n');
    const u = memoryIo('/');
    expect(await run(['nonsense'], u.io)).toBe(2);
  });

  it('reports an unknown file kind as such', async () => {
    const dir = workdir();
    const m = memoryIo(dir);
    expect(await run(['lint', 'other.txt'], m.io, { formats: [toy] })).toBe(1);
    expect(m.stdout()).toContain('Unknown file kind: no ftkit format recognises `other.txt`');
  });

  it('lints files and directories end to end with exit 1 on errors', async () => {
    const dir = workdir();
    const m = memoryIo(dir);
    expect(await run(['lint', 'good.toy', 'bad.toy', 'sub'], m.io, { formats: [toy] })).toBe(1);
    expect(m.stdout()).toContain('bad.toy\n  2:1  error  Expected `bad`, found `BAD`  key-lower-case');
    expect(m.stdout()).toContain(join('sub', 'x.toy'));
    expect(m.stdout()).toContain('✖ 2 problems (2 errors, 0 warnings)');
    const ok = memoryIo(dir);
    expect(await run(['lint', 'good.toy'], ok.io, { formats: [toy] })).toBe(0);
    expect(ok.stdout()).toBe('');
  });

  it('detects by content, reads stdin and honours --rule', async () => {
    const m = memoryIo('/', '#toy\nUP=1\n');
    expect(
      await run(['lint', '-', '--format', 'json', '--rule', 'key-lower-case=warn'], m.io, { formats: [toy] }),
    ).toBe(0);
    expect(JSON.parse(m.stdout())).toMatchObject([
      { file: '<stdin>', line: 2, column: 1, severity: 'warning' },
    ]);
  });

  it('writes SARIF', async () => {
    const dir = workdir();
    const m = memoryIo(dir);
    await run(['lint', 'bad.toy', '-f', 'sarif'], m.io, { formats: [toy] });
    const log = JSON.parse(m.stdout());
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules[0]).toMatchObject({
      id: 'key-lower-case',
      helpUri: 'https://example.test/key-lower-case',
    });
  });

  it('redacts secrets by default', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 's.toy'), 'secret=hunter2\n');
    const m = memoryIo(dir);
    await run(['lint', 's.toy'], m.io, { formats: [toy] });
    expect(m.stdout()).not.toContain('hunter2');
    const plain = memoryIo(dir);
    await run(['lint', 's.toy', '--no-redact'], plain.io, { formats: [toy] });
    expect(plain.stdout()).toContain('hunter2');
  });

  it('fixes files in place with --fix', async () => {
    const dir = workdir();
    const m = memoryIo(dir);
    expect(await run(['lint', 'bad.toy', '--fix'], m.io, { formats: [toy] })).toBe(1);
    expect(readFileSync(join(dir, 'bad.toy'), 'utf8')).toBe('ok=1\nbad=2\n');
    expect(await run(['lint', 'bad.toy'], memoryIo(dir).io, { formats: [toy] })).toBe(0);
  });

  it('fmt prints, checks and writes', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'ws.toy'), 'a=1   \n');
    const p = memoryIo(dir);
    expect(await run(['fmt', 'ws.toy'], p.io, { formats: [toy] })).toBe(0);
    expect(p.stdout()).toBe('a=1\n');
    const c = memoryIo(dir);
    expect(await run(['fmt', '--check', 'ws.toy', 'good.toy'], c.io, { formats: [toy] })).toBe(1);
    expect(c.stdout()).toBe('ws.toy: not formatted\n');
    expect(await run(['fmt', '--write', 'ws.toy'], memoryIo(dir).io, { formats: [toy] })).toBe(0);
    expect(readFileSync(join(dir, 'ws.toy'), 'utf8')).toBe('a=1\n');
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkSettings,
  defineFormat,
  defineRule,
  FtkitError,
  formatIssuePath,
  issuesFromSchema,
  LineIndex,
  makeDiagnostic,
  type SettingsOf,
} from '../src/index.js';

interface Doc {
  readonly lines: readonly string[];
}

const noTabs = defineRule<Doc>()({
  meta: {
    id: 'no-tabs',
    description: 'Lines do not contain tabs.',
    defaultSeverity: 'warning',
    fixable: true,
    url: 'docs/rules/t/no-tabs.md',
    messages: { tab: 'A tab in line {{line}}' },
  },
  check(ctx) {
    let offset = 0;
    ctx.doc.lines.forEach((line, i) => {
      const at = line.indexOf('\t');
      if (at >= 0)
        ctx.report({
          messageId: 'tab',
          data: { line: i + 1 },
          span: { start: offset + at, end: offset + at + 1 },
          fix: [{ start: offset + at, end: offset + at + 1, text: ' ' }],
        });
      offset += line.length + 1;
    });
  },
});

const crashes = defineRule<Doc>()({
  meta: {
    id: 'crashes',
    description: 'Always crashes.',
    defaultSeverity: 'off',
    fixable: false,
    url: 'docs/rules/t/crashes.md',
    messages: {},
  },
  check() {
    throw new Error('boom');
  },
});

const lines = defineFormat({
  name: 'lines',
  codePrefix: 'lines',
  source: '@ftkit/lines',
  description: 'Test format',
  filePatterns: ['**/*.lines'],
  detect: (path) => (path.endsWith('.lines') ? 1 : 0),
  parse: (text) => ({ cst: text, model: text.split('\n'), diagnostics: [] }),
  parseCst: (text) => text,
  print: (cst: string) => cst,
  emit: (model: string[]) => model.join('\n'),
  rules: [noTabs, crashes],
  settings: {
    mode: { type: 'string', values: ['strict', 'loose'], description: 'How strict' },
    limit: { type: 'number', description: 'A limit' },
  },
  prepareLint(text) {
    const lineIndex = new LineIndex(text);
    const diagnostics = text.startsWith('!')
      ? [
          makeDiagnostic(lineIndex, {
            code: 'lines/bang',
            severity: 'error',
            message: 'Bang',
            span: { start: 0, end: 1 },
            source: '@ftkit/lines',
          }),
        ]
      : [];
    return { doc: { lines: text.split('\n') }, diagnostics, lineIndex };
  },
});

describe('defineFormat', () => {
  it('keys rules by their literal ids and types rule configs and settings', () => {
    expect(Object.keys(lines.rules)).toEqual(['no-tabs', 'crashes']);
    expect(lines.ruleIds).toEqual(['no-tabs', 'crashes']);
    expect(Object.getPrototypeOf(lines.rules)).toBeNull();
    expectTypeOf(lines.ruleIds).toEqualTypeOf<readonly ('no-tabs' | 'crashes')[]>();
    type Opts = NonNullable<Parameters<typeof lines.lint>[1]>;
    expectTypeOf<{ 'no-tabz': 'off' }>().not.toMatchTypeOf<NonNullable<Opts['rules']>>();
    expectTypeOf<{ mode: 'strict' }>().toMatchTypeOf<NonNullable<Opts['settings']>>();
    expectTypeOf<{ mode: 'medium' }>().not.toMatchTypeOf<NonNullable<Opts['settings']>>();
  });

  it('runs parse diagnostics and rules through one pipeline, sorted', () => {
    const r = lines.lint('!a\n\tb', { fileName: 'x.lines' });
    expect(r.diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.code}`)).toEqual(
      ['1:1 lines/bang', '2:1 no-tabs'],
    );
    expect(r.diagnostics[1]?.file).toBe('x.lines');
  });

  it('fixes until stable with fix: true', () => {
    const r = lines.lint('\ta\n\tb', { fix: true });
    expect(r.output).toBe(' a\n b');
    expect(r.diagnostics).toEqual([]);
  });

  it('turns a crashing rule into <prefix>/rule-crashed', () => {
    const r = lines.lint('a', { rules: { crashes: 'error' } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['lines/rule-crashed']);
  });

  it('caps diagnostics with <prefix>/too-many-problems', () => {
    const r = lines.lint('\t\n'.repeat(1500));
    expect(r.diagnostics).toHaveLength(1001);
    expect(r.diagnostics.at(-1)?.code).toBe('lines/too-many-problems');
  });

  it('throws one FtkitError naming every unknown rule id and bad setting', () => {
    const call = () =>
      lines.lint('a', {
        // @ts-expect-error misspelled rule id
        rules: { 'no-tab': 'off' },
        // @ts-expect-error value outside the enum
        settings: { mode: 'medium', limt: 3 },
      });
    expect(call).toThrow(FtkitError);
    try {
      call();
    } catch (e) {
      const err = e as FtkitError;
      expect(err.code).toBe('core/unknown-rule');
      expect(err.path).toEqual(['rules', 'no-tab']);
      expect(err.issues.map((i) => [i.code, formatIssuePath(i.path)])).toEqual([
        ['core/unknown-rule', 'rules.no-tab'],
        ['core/invalid-setting', 'settings.mode'],
        ['core/unknown-setting', 'settings.limt'],
      ]);
      expect(err.message).toContain('did you mean `no-tabs`?');
      expect(err.message).toContain('did you mean `limit`?');
    }
  });
});

describe('FtkitError', () => {
  it('formats paths and converts schema issues', () => {
    expect(formatIssuePath(['resources', 0, 'port'])).toBe('resources[0].port');
    expect(formatIssuePath([])).toBe('(root)');
    const issues = issuesFromSchema('t/invalid', [{ path: ['a', 1], message: 'Expected string' }], ['input']);
    expect(issues).toEqual([{ code: 't/invalid', path: ['input', 'a', 1], message: 'Expected string' }]);
    const e = FtkitError.fromIssues(issues);
    expect(e.message).toBe('input.a[1]: Expected string');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FtkitError');
  });

  it('checkSettings accepts valid values', () => {
    expect(checkSettings('f', { a: { type: 'string[]', description: '' } }, { a: ['x'] })).toEqual([]);
    expect(checkSettings('f', { a: { type: 'boolean', description: '' } }, { a: 'yes' })[0]?.code).toBe(
      'core/invalid-setting',
    );
  });

  it('checkSettings takes true, false or a list for a `boolean | string[]` setting', () => {
    const specs = { allow: { type: 'boolean | string[]', description: '' } } as const;
    expect(checkSettings('f', specs, { allow: true })).toEqual([]);
    expect(checkSettings('f', specs, { allow: ['r0', 'r1'] })).toEqual([]);
    expect(checkSettings('f', specs, { allow: 'r0' })).toEqual([
      {
        code: 'core/invalid-setting',
        path: ['settings', 'allow'],
        message: '`allow` must be true, false or a list of strings, not "r0"',
      },
    ]);
    expect(checkSettings('f', specs, { allow: [1] })[0]?.code).toBe('core/invalid-setting');
    expectTypeOf<SettingsOf<typeof specs>>().toEqualTypeOf<{
      readonly allow?: boolean | readonly string[];
    }>();
  });
});

import { describe, expect, it } from 'vitest';
import { defineFormat, defineRule, LineIndex, makeDiagnostic, scanDirectives } from '../src/index.js';

interface Doc {
  readonly lines: readonly string[];
}

/** Reports every tab, as `no-tabs`, with a fix. */
const noTabs = defineRule<Doc>()({
  meta: {
    id: 'no-tabs',
    description: 'Lines do not contain tabs.',
    defaultSeverity: 'warning',
    fixable: true,
    url: 'docs/rules/t/no-tabs.md',
    messages: { tab: 'Unexpected tab' },
  },
  check(ctx) {
    let offset = 0;
    for (const line of ctx.doc.lines) {
      const at = line.indexOf('\t');
      if (at >= 0)
        ctx.report({
          messageId: 'tab',
          span: { start: offset + at, end: offset + at + 1 },
          fix: [{ start: offset + at, end: offset + at + 1, text: ' ' }],
        });
      offset += line.length + 1;
    }
  },
});

/** Reports every `X`, as `no-x`. */
const noX = defineRule<Doc>()({
  meta: {
    id: 'no-x',
    description: 'Lines do not contain X.',
    defaultSeverity: 'error',
    fixable: false,
    url: 'docs/rules/t/no-x.md',
    messages: { x: 'Unexpected `X`' },
  },
  check(ctx) {
    let offset = 0;
    for (const line of ctx.doc.lines) {
      const at = line.indexOf('X');
      if (at >= 0) ctx.report({ messageId: 'x', span: { start: offset + at, end: offset + at + 1 } });
      offset += line.length + 1;
    }
  },
});

const hashLines = defineFormat({
  name: 'hash-lines',
  codePrefix: 'hl',
  source: '@ftkit/hash-lines',
  description: 'Test format with # comments',
  filePatterns: ['**/*.hl'],
  detect: () => 0,
  parse: (text) => ({ cst: text, model: text.split('\n'), diagnostics: [] }),
  parseCst: (text) => text,
  print: (cst: string) => cst,
  emit: (model: string[]) => model.join('\n'),
  rules: [noTabs, noX],
  settings: {},
  comments: { line: '#' },
  prepareLint(text) {
    const lineIndex = new LineIndex(text);
    // `!` on the first line is a parse error, as a format's own syntax check would report it
    const diagnostics = text.startsWith('!')
      ? [
          makeDiagnostic(lineIndex, {
            code: 'hl/bang',
            severity: 'error',
            message: 'Unexpected `!`',
            span: { start: 0, end: 1 },
            source: '@ftkit/hash-lines',
          }),
        ]
      : [];
    return { doc: { lines: text.split('\n') }, diagnostics, lineIndex };
  },
});

const found = (text: string, options: Parameters<typeof hashLines.lint>[1] = {}) =>
  hashLines
    .lint(text, options)
    .diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.code} ${d.message}`);

describe('scanDirectives', () => {
  it('finds directives at the start of a comment, with rule lists and reasons', () => {
    const text =
      'a # ftkit-disable-line no-x, no-tabs -- legacy\n  #ftkit-enable\nb "#ftkit-disable"\n# see ftkit-disable\n';
    const d = scanDirectives(text, { line: '#' });
    expect(
      d.map((x) => [x.kind, x.line, x.rules.map((r) => r.id), text.slice(x.span.start, x.span.end)]),
    ).toEqual([
      ['disable-line', 0, ['no-x', 'no-tabs'], 'ftkit-disable-line no-x, no-tabs'],
      ['enable', 1, [], 'ftkit-enable'],
    ]);
  });

  it('never throws on arbitrary text', () => {
    for (const t of [
      '',
      '#',
      '# ftkit-',
      'ftkit-disable',
      '#ftkit-disable-next-line\r\n',
      '\n\n#ftkit-enable x',
    ]) {
      expect(() => scanDirectives(t, { line: '#' })).not.toThrow();
    }
  });
});

describe('inline directives in the shared lint', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    expect(found('# ftkit-disable-next-line no-x\nX\nX')).toEqual(['3:1 no-x Unexpected `X`']);
  });

  it('disable-line silences findings on its own line', () => {
    expect(found('X # ftkit-disable-line no-x\n\tX # ftkit-disable-line')).toEqual([]);
  });

  it('disable … enable silences a block; without enable, to the end of the file', () => {
    expect(found('# ftkit-disable no-x\nX\nX\n# ftkit-enable no-x\nX')).toEqual(['5:1 no-x Unexpected `X`']);
    expect(found('X\n# ftkit-disable\nX\n\tX')).toEqual(['1:1 no-x Unexpected `X`']);
  });

  it('reports a directive, or a rule id of one, that silences nothing, with a did-you-mean', () => {
    expect(found('# ftkit-disable-next-line no-x, no-tabs\nX')).toEqual([
      '1:33 hl/unused-directive Unused `ftkit-disable-next-line` for `no-tabs`: no such problem was reported there',
    ]);
    const typo = hashLines.lint('# ftkit-disable-next-line no-y\nX').diagnostics;
    expect(typo.map((d) => [d.code, d.note])).toEqual([
      ['hl/unused-directive', 'No rule `no-y`; did you mean `no-x`?'],
      ['no-x', undefined],
    ]);
    expect(found('# ftkit-enable\n')).toEqual([
      '1:3 hl/unused-directive Unused `ftkit-enable`: no `ftkit-disable` before it is open',
    ]);
  });

  it('silences parse errors only when named by code', () => {
    expect(found('! # ftkit-disable-line')).toEqual([
      '1:1 hl/bang Unexpected `!`',
      '1:5 hl/unused-directive Unused `ftkit-disable-line`: no problem was reported there',
    ]);
    expect(found('! # ftkit-disable-line hl/bang')).toEqual([]);
  });

  it('does not apply the fix of a silenced finding', () => {
    const r = hashLines.lint('\ta # ftkit-disable-line no-tabs\n\tb', { fix: true });
    expect(r.output).toBe('\ta # ftkit-disable-line no-tabs\n b');
  });

  it('noInlineConfig ignores directives', () => {
    const r = hashLines.lint('X # ftkit-disable-line', { noInlineConfig: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['no-x']);
    expect(hashLines.comments).toEqual({ line: '#' });
  });
});

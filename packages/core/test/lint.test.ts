import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  checkRuleDocs,
  defineRule,
  extractRuleExamples,
  fixUntilStable,
  type Rule,
  runRules,
} from '../src/index.js';

// A toy format: lines of words; the rule flags upper-case words and lower-cases them.
type Doc = { words: { text: string; start: number; end: number }[] };
const parse = (text: string): Doc => ({
  words: [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length })),
});

const noUpper = defineRule<Doc>()({
  meta: {
    id: 'word-no-upper-case',
    description: 'Words are lower case',
    defaultSeverity: 'warning',
    fixable: true,
    url: 'https://example.test/rules/word-no-upper-case',
    messages: { upper: 'Expected `{{lower}}`, found `{{word}}`' },
  },
  check(ctx) {
    for (const w of ctx.doc.words) {
      if (w.text !== w.text.toLowerCase()) {
        ctx.report({
          messageId: 'upper',
          data: { word: w.text, lower: w.text.toLowerCase() },
          span: w,
          fix: [{ start: w.start, end: w.end, text: w.text.toLowerCase() }],
        });
      }
    }
  },
});

const crashing: Rule<Doc> = {
  meta: { ...noUpper.meta, id: 'always-crashes', fixable: false },
  check() {
    throw new Error('boom');
  },
};

const lint = (text: string, config = {}) =>
  runRules({ rules: [noUpper], doc: parse(text), text, source: 'test', file: 'f.txt', config });

describe('lint runner', () => {
  it('reports with positions, rule id, url and default severity', () => {
    const [d] = lint('ok\nNOT ok');
    expect(d).toMatchObject({
      code: 'word-no-upper-case',
      ruleId: 'word-no-upper-case',
      severity: 'warning',
      message: 'Expected `not`, found `NOT`',
      file: 'f.txt',
      position: { start: { line: 2, column: 1 }, end: { line: 2, column: 4 } },
    });
  });

  it('honours off, error and [level, options]', () => {
    expect(lint('A', { 'word-no-upper-case': 'off' })).toEqual([]);
    expect(lint('A', { 'word-no-upper-case': 'error' })[0]?.severity).toBe('error');
    expect(lint('A', { 'word-no-upper-case': ['warn', {}] })[0]?.severity).toBe('warning');
  });

  it('turns a crashing rule into a diagnostic instead of throwing', () => {
    const out = runRules({ rules: [crashing], doc: parse('x'), text: 'x', source: 'test' });
    expect(out).toMatchObject([{ code: 'core/rule-crashed', ruleId: 'always-crashes', severity: 'error' }]);
  });

  it('applies non-overlapping fixes and skips clashing ones', () => {
    const text = 'AB cd EF';
    const diags = lint(text);
    const clash = { ...diags[0]!, fix: { description: 'x', edits: [{ start: 0, end: 1, text: 'z' }] } };
    const r = applyFixes(text, [...diags, clash]);
    expect(r.text).toBe('ab cd ef');
    expect(r.applied).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
    expect(fixUntilStable('AA BB', (t) => lint(t))).toMatchObject({ text: 'aa bb', diagnostics: [] });
  });
});

describe('rule docs', () => {
  const page = [
    '# word-no-upper-case',
    '',
    '```words valid',
    'all lower',
    '```',
    '',
    '```words invalid {"x":1}',
    'one TWO',
    '```',
    '',
    '```text expect',
    '1:5-1:8 warning word-no-upper-case Expected `two`, found `TWO`',
    '```',
    '',
    '```words fixed',
    'one two',
    '```',
    '',
  ].join('\n');

  it('extracts tagged examples with settings, expectations and fixed text', () => {
    const ex = extractRuleExamples(page);
    expect(ex).toHaveLength(2);
    expect(ex[1]).toMatchObject({
      kind: 'invalid',
      settings: { x: 1 },
      expect: ['1:5-1:8 warning word-no-upper-case Expected `two`, found `TWO`'],
      fixed: 'one two\n',
    });
  });

  const run = (code: string) => {
    const diagnostics = lint(code);
    return { diagnostics, fixed: applyFixes(code, diagnostics).text };
  };

  it('passes a complete page and executes its examples', () => {
    expect(checkRuleDocs(noUpper, page, run)).toEqual([]);
  });

  it('reports missing pages, examples and wrong expectations', () => {
    expect(checkRuleDocs(noUpper, undefined, run)).toContain('word-no-upper-case: no docs page');
    const wrong = page.replace('1:5-1:8', '1:1-1:8').replace('one two\n```', 'one TWO\n```');
    const problems = checkRuleDocs(noUpper, wrong, run);
    expect(
      problems.some((p) =>
        p.includes('expected ["1:1-1:8 warning word-no-upper-case Expected `two`, found `TWO`"]'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.includes('fixed text differs'))).toBe(true);
    expect(checkRuleDocs(noUpper, '# word-no-upper-case\n', run)).toEqual([
      'word-no-upper-case: docs page has no valid example',
      'word-no-upper-case: docs page has no invalid example',
      'word-no-upper-case: fixable rule has no `fixed` example',
    ]);
  });

  it.each([
    ['the end column', '1:5-1:8 warning', '1:5-1:9 warning'],
    ['the severity', '1:8 warning', '1:8 error'],
    ['the message', 'found `TWO`', 'found `two`'],
    ['the rule id', 'warning word-no-upper-case', 'warning word-upper-case'],
  ])('compares the whole expected line: a wrong %s fails', (_, from, to) => {
    const problems = checkRuleDocs(noUpper, page.replace(from, to), run);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^word-no-upper-case \(docs line 7\): expected \[.*\], got \[.*\]$/);
  });

  it('asks for a `text expect` block after every invalid example', () => {
    const bare = page.replace(/```text expect\n.*\n```\n/, '');
    expect(checkRuleDocs(noUpper, bare, run)).toEqual([
      'word-no-upper-case (docs line 7): invalid example has no `text expect` block',
    ]);
  });

  it('checks the page alone, without running the examples, when given no lint', () => {
    expect(checkRuleDocs(noUpper, page)).toEqual([]);
    // A wrong expectation passes the static check: only running the example finds it.
    expect(checkRuleDocs(noUpper, page.replace('1:5-1:8', '1:1-1:8'))).toEqual([]);
    expect(checkRuleDocs(noUpper, page.replace('```words fixed', '```words'))).toEqual([
      'word-no-upper-case: fixable rule has no `fixed` example',
    ]);
    expect(checkRuleDocs(noUpper, page.replace(/```text expect\n.*\n```\n/, ''))).toEqual([
      'word-no-upper-case (docs line 7): invalid example has no `text expect` block',
    ]);
  });

  it('wants exactly the findings listed: one too many or too few fails', () => {
    const extra = page
      .replace('one TWO\n```\n', 'one TWO THREE\n```\n')
      .replace('one two\n```', 'one two three\n```');
    const problems = checkRuleDocs(noUpper, extra, run);
    expect(problems).toEqual([
      expect.stringContaining(
        'got ["1:5-1:8 warning word-no-upper-case Expected `two`, found `TWO`","1:9-1:14',
      ),
    ]);
  });
});

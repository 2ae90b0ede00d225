import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Diagnostic, LintOptions, LintResult, Rule } from '@ftkit/core';
import { checkRuleDocs } from '@ftkit/core';
import { describe, expect, it } from 'vitest';

/**
 * The rule-docs suite of a format package: every rule has `docs/rules/<pkg>/<id>.md` and the
 * `https://github.com/ftkit/ftkit/blob/main/docs/rules/<pkg>/<id>.md` url, its examples behave as the page says (each rule run
 * alone at its default severity, `--fix` output compared), and no page is left without a rule.
 */
export function describeRuleDocs(
  pkg: string,
  // biome-ignore lint/suspicious/noExplicitAny: rules of any document type
  rules: Readonly<Record<string, Rule<any>>>,
  lint: (text: string, options: LintOptions) => LintResult,
): void {
  const docs = new URL(`../docs/rules/${pkg}/`, import.meta.url);
  const only = (id: string) =>
    Object.fromEntries(Object.keys(rules).map((r) => [r, r === id ? 'error' : 'off'])) as Record<
      string,
      'error' | 'off'
    >;
  describe('rule docs', () => {
    it.each(Object.keys(rules))('%s has a complete page whose examples behave as documented', (id) => {
      const rule = rules[id]!;
      const page = new URL(`${id}.md`, docs);
      const markdown = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.url).toBe(`https://github.com/ftkit/ftkit/blob/main/docs/rules/${pkg}/${id}.md`);
      const problems = checkRuleDocs(rule, markdown, (code, settings) => {
        // Rules run at their own severities; `only` keeps other rules quiet.
        const config = only(id);
        const level = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
        const fixed = lint(code, { rules: { ...config, [id]: level }, settings, fix: true }).output;
        const diagnostics: readonly Diagnostic[] = lint(code, { rules: config, settings }).diagnostics;
        return { diagnostics, fixed };
      });
      expect(problems).toEqual([]);
    });

    it('has no page without a rule', () => {
      const pages = readdirSync(docs)
        .filter((f) => f.endsWith('.md'))
        .map((f) => f.replace(/\.md$/, ''));
      expect(pages.sort()).toEqual(Object.keys(rules).sort());
    });
  });
}

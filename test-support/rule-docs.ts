import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AnyFormatModule, Diagnostic, Rule, RuleConfig, RuleLevel } from '@ftkit/core';
import { checkRuleDocs } from '@ftkit/core';
import { describe, expect, it } from 'vitest';

/**
 * The rule-docs suite of a format package, run on its descriptor so that the rules checked are
 * the ones the CLI runs (`format.rules`, linted with `format.lint`). Every registered rule has
 * `docs/rules/<format.name>/<id>.md` and the
 * `https://github.com/ftkit/ftkit/blob/main/docs/rules/<format.name>/<id>.md` url, a valid and an
 * invalid example, and a `fixed` example when fixable. Each example runs with only this rule on,
 * at its default severity (`error` for an opt-in rule), and each invalid example's `text expect`
 * block must list every finding as a whole line: span, severity, code and message. No page is
 * left without a rule.
 */
export function describeRuleDocs(format: Pick<AnyFormatModule, 'name' | 'rules' | 'lint'>): void {
  const { name, rules } = format;
  const docs = new URL(`../docs/rules/${name}/`, import.meta.url);
  describe('rule docs', () => {
    it('registers at least one rule', () => {
      expect(Object.keys(rules).length).toBeGreaterThan(0);
    });

    it.each(Object.keys(rules))('%s has a complete page whose examples behave as documented', (id) => {
      const rule = rules[id]!;
      const page = new URL(`${id}.md`, docs);
      const markdown = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.url).toBe(`https://github.com/ftkit/ftkit/blob/main/docs/rules/${name}/${id}.md`);
      // Every other rule off, this one at the severity a user gets without configuring it.
      const level: RuleLevel = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
      const config: RuleConfig = Object.fromEntries(
        Object.keys(rules).map((r) => [r, r === id ? level : 'off']),
      );
      const problems = checkRuleDocs(rule, markdown, (code, settings) => {
        const fixed = format.lint(code, { rules: config, settings, fix: true }).output;
        const diagnostics: readonly Diagnostic[] = format.lint(code, { rules: config, settings }).diagnostics;
        for (const d of diagnostics.filter((x) => x.ruleId === id)) {
          // A lint finding's code is its rule id, so the code in the expected line names the rule.
          expect(d.code, `${id}: code of ${d.message}`).toBe(id);
        }
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

/**
 * The meta-test over every rule registry at once (the CLI's formats and the lab): each registered
 * rule has its url and a page under `docs/rules/<name>/` with a valid and an invalid example, a
 * `text expect` block after every invalid example and a `fixed` example when fixable, and every
 * folder under `docs/rules/` belongs to a registry. The examples themselves run in each package's
 * {@link describeRuleDocs} suite; this one makes sure no registry is left out of the docs.
 */
export function describeRuleRegistries(
  // biome-ignore lint/suspicious/noExplicitAny: rules of any document type
  registries: readonly { readonly name: string; readonly rules: Readonly<Record<string, Rule<any>>> }[],
): void {
  const root = new URL('../docs/rules/', import.meta.url);
  describe('rule registries', () => {
    it('has a docs folder for each registry and a registry for each docs folder', () => {
      const folders = readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
      expect(folders.sort()).toEqual(registries.map((r) => r.name).sort());
    });

    it.each(registries.map((r) => [r.name, r] as const))(
      '%s: every rule has a complete page',
      (name, registry) => {
        const problems = Object.entries(registry.rules).flatMap(([id, rule]) => {
          const url = `https://github.com/ftkit/ftkit/blob/main/docs/rules/${name}/${id}.md`;
          const page = new URL(`${name}/${id}.md`, root);
          const own = [
            ...(rule.meta.id === id ? [] : [`${id}: registered under another id than ${rule.meta.id}`]),
            ...(rule.meta.url === url ? [] : [`${id}: url ${rule.meta.url} is not ${url}`]),
          ];
          return [...own, ...checkRuleDocs(rule, existsSync(page) ? readFileSync(page, 'utf8') : undefined)];
        });
        expect(Object.keys(registry.rules).length).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      },
    );
  });
}

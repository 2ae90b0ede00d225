import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRuleDocs, type RuleSetting } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, rules } from '../src/index.js';

const docsDir = join(import.meta.dirname, '../../../docs/rules/ocfs2-cluster-conf');

describe.each(Object.keys(rules))('rule %s', (id) => {
  const rule = rules[id]!;
  it('has metadata, a docs page and examples that behave as documented', () => {
    const page = join(docsDir, `${id}.md`);
    const markdown = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
    const problems = checkRuleDocs(rule, markdown, (code, settings) => {
      // Only this rule, at its default severity (opt-in rules at `warn`).
      const on: RuleSetting = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
      const config = Object.fromEntries(
        Object.keys(rules).map((r): [string, RuleSetting] => [r, r === id ? on : 'off']),
      );
      const r = lint(code, { rules: config, settings, fix: true });
      return { diagnostics: r.diagnostics, fixed: r.output };
    });
    expect(problems).toEqual([]);
  });

  it('follows the house conventions', () => {
    expect(rule.meta.id).toBe(id);
    expect(rule.meta.url).toBe(`https://ftkit.dev/rules/ocfs2-cluster-conf/${id}`);
  });
});

it('every docs page belongs to a rule', async () => {
  const { readdirSync } = await import('node:fs');
  const pages = readdirSync(docsDir).map((f) => f.replace(/\.md$/, ''));
  expect(pages.sort()).toEqual(Object.keys(rules).sort());
});

import { type Diagnostic, formatDiagnosticLine, sortDiagnostics } from '../diagnostic.js';
import type { Rule } from './rule.js';

/**
 * One example from a rule's docs page. Fenced blocks are tagged in their info string:
 * ```` ```drbd invalid ```` / ```` ```drbd valid ````, optionally followed by JSON settings
 * (```` ```drbd invalid {"hostname":"alice"} ````). An invalid example is followed by a
 * ```` ```text expect ```` block with one line per finding, written as
 * {@link formatDiagnosticLine} writes it (`3:9-3:25 warning rule-id Message`: 1-based start
 * line and column, end line and column with the end exclusive, severity, code, whole message),
 * and, for a fixable rule, a ```` ```drbd fixed ```` block with the text after autofix.
 */
export interface RuleExample {
  readonly kind: 'valid' | 'invalid';
  readonly lang: string;
  readonly code: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The findings the invalid example must produce, one {@link formatDiagnosticLine} line each. */
  readonly expect?: readonly string[];
  /** Text after applying fixes, when given. */
  readonly fixed?: string;
  /** 1-based line of the fence in the docs page, for error messages. */
  readonly docLine: number;
}

const fence = /^(```+|~~~+)[ \t]*([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;

/** Pulls the tagged examples out of a rule's Markdown page. Untagged blocks are ignored. */
export function extractRuleExamples(markdown: string): RuleExample[] {
  const out: RuleExample[] = [];
  let last: { -readonly [K in keyof RuleExample]: RuleExample[K] } | undefined;
  for (const m of markdown.matchAll(fence)) {
    const info = m[2]!.trim();
    const body = m[3]!;
    const docLine = markdown.slice(0, m.index).split('\n').length;
    const [lang = '', kind = '', ...rest] = info.split(/\s+/);
    const settingsText = rest.join(' ');
    if (kind === 'valid' || kind === 'invalid') {
      const settings = settingsText ? (JSON.parse(settingsText) as Record<string, unknown>) : {};
      last = { kind, lang, code: body, settings, docLine };
      out.push(last);
    } else if (kind === 'expect' && last?.kind === 'invalid') {
      last.expect = body
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    } else if (kind === 'fixed' && last?.kind === 'invalid') {
      last.fixed = body;
    }
  }
  return out;
}

/** What the format's lint gives back for one example. */
export interface ExampleLintResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The text after fixes were applied (only needed for fixable rules). */
  readonly fixed?: string;
}

/**
 * Checks a rule's metadata and docs page: an id, description, url and messages; a page with the
 * `# id` heading, a valid and an invalid example, a `text expect` block after every invalid
 * example, and a `fixed` example when the rule is fixable. With `lint` (which should enable only
 * this rule, or at least report it), it also runs every example and compares each invalid
 * example's findings with its `text expect` lines as whole lines. Returns human-readable
 * problems; empty means the page is complete (and every example behaves as documented).
 */
export function checkRuleDocs<TDoc, TOptions>(
  rule: Rule<TDoc, TOptions>,
  markdown: string | undefined,
  lint?: (code: string, settings: Readonly<Record<string, unknown>>) => ExampleLintResult,
): string[] {
  const id = rule.meta.id;
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`${id}: id is not kebab-case`);
  if (!rule.meta.description) problems.push(`${id}: no description`);
  if (!rule.meta.url) problems.push(`${id}: no url`);
  if (Object.keys(rule.meta.messages).length === 0) problems.push(`${id}: no messages`);
  for (const [key, msg] of Object.entries(rule.meta.messages)) {
    if (/\.$/.test(msg)) problems.push(`${id}: message ${key} ends with a period`);
  }
  if (markdown === undefined) return [...problems, `${id}: no docs page`];
  if (!markdown.includes(`# ${id}`)) problems.push(`${id}: docs page has no \`# ${id}\` heading`);
  const examples = extractRuleExamples(markdown);
  if (!examples.some((e) => e.kind === 'valid')) problems.push(`${id}: docs page has no valid example`);
  if (!examples.some((e) => e.kind === 'invalid')) problems.push(`${id}: docs page has no invalid example`);
  if (rule.meta.fixable && !examples.some((e) => e.fixed !== undefined)) {
    problems.push(`${id}: fixable rule has no \`fixed\` example`);
  }
  for (const ex of examples) {
    if (ex.kind === 'invalid' && ex.expect === undefined) {
      problems.push(`${id} (docs line ${ex.docLine}): invalid example has no \`text expect\` block`);
    }
  }
  if (lint === undefined) return problems;
  for (const ex of examples) {
    const where = `${id} (docs line ${ex.docLine})`;
    let result: ExampleLintResult;
    try {
      result = lint(ex.code, ex.settings);
    } catch (error) {
      problems.push(`${where}: lint threw ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const mine = result.diagnostics.filter((d) => d.ruleId === id);
    if (ex.kind === 'valid' && mine.length > 0) {
      problems.push(
        `${where}: valid example reports ${mine.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.message}`).join('; ')}`,
      );
    }
    if (ex.kind === 'invalid') {
      if (mine.length === 0) problems.push(`${where}: invalid example reports nothing`);
      if (ex.expect !== undefined) {
        // The whole line, as stylelint's rule tests compare message, line, column, end line
        // and end column: a message or span that drifts fails here, not only a moved start.
        const got = sortDiagnostics(mine).map(formatDiagnosticLine);
        if (JSON.stringify(got) !== JSON.stringify(ex.expect)) {
          problems.push(`${where}: expected ${JSON.stringify(ex.expect)}, got ${JSON.stringify(got)}`);
        }
      }
      if (ex.fixed !== undefined && result.fixed !== ex.fixed) {
        problems.push(
          `${where}: fixed text differs:\n--- expected\n${ex.fixed}--- got\n${result.fixed ?? '(no fix)'}`,
        );
      }
    }
  }
  return problems;
}

import { readFileSync } from 'node:fs';
import { checkRuleDocs, formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, rules } from '../src/lint/index.js';
import { fixture } from './helpers.js';

const DOCS = new URL('../../../docs/rules/borg-json/', import.meta.url);

describe('rules', () => {
  it.each(Object.keys(rules))('%s: meta and executable docs', (id) => {
    const rule = rules[id]!;
    expect(rule.meta.url).toBe(`https://ftkit.dev/rules/borg-json/${id}`);
    const markdown = readFileSync(new URL(`${id}.md`, DOCS), 'utf8');
    const problems = checkRuleDocs(rule, markdown, (code, settings) => ({
      diagnostics: lint(code, { settings }).diagnostics,
    }));
    expect(problems).toEqual([]);
  });
  it('repository-unencrypted fires on the real unencrypted captures only', () => {
    const none = lint(fixture('1.2/info-repo-none.json')).diagnostics.map(formatDiagnosticLine);
    expect(none).toEqual([
      '14:17-14:23 warning repository-unencrypted Unexpected encryption `none`: repository `/home/user/backups/borg12-none` stores backups unencrypted',
    ]);
    expect(lint(fixture('2.0.0b5/rinfo.json')).diagnostics).toEqual([]);
    expect(
      lint(fixture('1.2/info-repo-none.json'), { rules: { 'repository-unencrypted': 'off' } }).diagnostics,
    ).toEqual([]);
  });
});

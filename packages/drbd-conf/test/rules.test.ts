import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { drbdConfFormat } from '../src/descriptor.js';
import { lint, rules } from '../src/index.js';

describe('lint rules', () => {
  it('has at least 40 rules, each in its own file with a matching id and url', () => {
    const ids = Object.keys(rules);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    for (const id of ids) {
      expect(existsSync(join(import.meta.dirname, `../src/lint/rules/${id}.ts`)), id).toBe(true);
      expect(rules[id]!.meta.url).toBe(
        `https://github.com/ftkit/ftkit/blob/main/docs/rules/drbd-conf/${id}.md`,
      );
    }
  });
});

describeRuleDocs(drbdConfFormat);

describe('secrets', () => {
  const text = `resource r0 {
    net { cram-hmac-alg sha1; shared-secret "hunter2"; shared-secret "other-secret-value"; }
    on alice { device minor 0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }
    on bob { device minor 0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;
  it('never puts shared-secret values into messages and returns them for redaction', () => {
    const r = lint(text);
    expect(r.secrets).toEqual(['hunter2', 'other-secret-value']);
    const all = JSON.stringify(r.diagnostics.map((d) => [d.message, d.note, d.related]));
    expect(r.diagnostics.some((d) => d.ruleId === 'option-duplicate')).toBe(true);
    expect(r.diagnostics.some((d) => d.ruleId === 'shared-secret-weak')).toBe(true);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('other-secret-value');
  });

  it('does not echo a bad secret value in parse errors either', () => {
    const long = 'x'.repeat(70);
    const r = lint(text.replace('hunter2', long));
    expect(r.diagnostics.some((d) => d.code === 'drbd/bad-value')).toBe(true);
    expect(JSON.stringify(r.diagnostics.map((d) => d.message))).not.toContain(long);
  });
});

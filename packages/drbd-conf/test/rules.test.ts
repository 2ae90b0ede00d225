import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { drbdConfFormat } from '../src/descriptor.js';
import { type DrbdLintOptions, type DrbdRuleId, lint, rules } from '../src/index.js';

describe('lint rules', () => {
  it('has at least 40 rules, each in its own file with a matching id and url', () => {
    const ids = drbdConfFormat.ruleIds;
    expect(Object.keys(rules)).toEqual(ids);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    for (const id of ids) {
      expect(existsSync(join(import.meta.dirname, `../src/lint/rules/${id}.ts`)), id).toBe(true);
      expect(rules[id].meta.url).toBe(
        `https://github.com/ftkit/ftkit/blob/main/docs/rules/drbd-conf/${id}.md`,
      );
    }
  });
});

describe('typed rule ids and settings', () => {
  it('a misspelled rule id or setting is a type error', () => {
    expectTypeOf<'address-loopback'>().toMatchTypeOf<DrbdRuleId>();
    expectTypeOf<'adress-loopback'>().not.toMatchTypeOf<DrbdRuleId>();
    type Rules = NonNullable<DrbdLintOptions['rules']>;
    type Settings = NonNullable<DrbdLintOptions['settings']>;
    expectTypeOf<{ 'address-loopback': 'off' }>().toMatchTypeOf<Rules>();
    expectTypeOf<{ 'adress-loopback': 'off' }>().not.toMatchTypeOf<Rules>();
    expectTypeOf<{ drbdVersion: '8.4' }>().toMatchTypeOf<Settings>();
    expectTypeOf<{ drbdVersion: '8.5' }>().not.toMatchTypeOf<Settings>();
    expectTypeOf<{ drbdversion: '8.4' }>().not.toMatchTypeOf<Settings>();
  });

  it('throws one FtkitError naming a misspelled rule id and setting, with the right names', () => {
    const text = 'resource r0 { }\n';
    // @ts-expect-error misspelled rule id
    const badRule = () => lint(text, { rules: { 'adress-loopback': 'off' } });
    expect(badRule).toThrow(FtkitError);
    expect(badRule).toThrow(/did you mean `address-loopback`\?/);
    try {
      // @ts-expect-error misspelled setting, and a version drbd-conf does not know
      lint(text, { settings: { drbdversion: '8.4' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FtkitError);
      const err = e as FtkitError;
      expect([err.code, err.path]).toEqual(['core/unknown-setting', ['settings', 'drbdversion']]);
      expect(err.message).toContain('did you mean `drbdVersion`?');
    }
    // @ts-expect-error not one of '9', '8.4', '8.3'
    expect(() => lint(text, { settings: { drbdVersion: '8.2' } })).toThrow(/one of `9`, `8.4`, `8.3`/);
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

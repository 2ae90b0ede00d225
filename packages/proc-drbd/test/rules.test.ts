import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { lint, procDrbdFormat, rules, type StatusLintOptions, type StatusRuleId } from '../src/index.js';
import { fixtures, readFixture } from './helpers.js';

describeRuleDocs(procDrbdFormat);

describe('health-check rules', () => {
  it('the descriptor exposes the registry and lint', () => {
    expect(Object.keys(procDrbdFormat.rules).sort()).toEqual(Object.keys(rules).sort());
    expect(procDrbdFormat.detect('/proc/drbd', '')).toBe(1);
    expect(procDrbdFormat.detect('x.conf', 'resource r0 {\n}\n')).toBe(0);
    expect(procDrbdFormat.codePrefix).toBe('drbd-status');
    expect(procDrbdFormat.ruleIds).toEqual(Object.keys(rules));
    expect(Object.keys(procDrbdFormat.settings)).toEqual(['source', 'allowTwoPrimaries']);
    expect(lint).toBe(procDrbdFormat.lint);
  });

  it('types rule ids and settings: a misspelled one is a type error and throws FtkitError', () => {
    expectTypeOf<StatusRuleId>().toEqualTypeOf<
      | 'split-brain-suspected'
      | 'peer-disk-degraded'
      | 'resync-stalled'
      | 'out-of-sync-connected'
      | 'primary-diskless'
      | 'io-suspended'
      | 'dual-primary-unexpected'
      | 'replication-congested'
      | 'quorum-lost'
    >();
    expectTypeOf<{ 'quorum-lost': 'off' }>().toMatchTypeOf<NonNullable<StatusLintOptions['rules']>>();
    expectTypeOf<{ 'quorum-lots': 'off' }>().not.toMatchTypeOf<NonNullable<StatusLintOptions['rules']>>();
    expectTypeOf<{ allowTwoPrimaries: ['r0'] }>().toMatchTypeOf<NonNullable<StatusLintOptions['settings']>>();
    expectTypeOf<{ allowTwoPrimaries: 'r0' }>().not.toMatchTypeOf<
      NonNullable<StatusLintOptions['settings']>
    >();
    const text = readFixture('proc-8.4.3-srcversion-dual-primary.txt');
    // @ts-expect-error misspelled rule id
    expect(() => lint(text, { rules: { 'quorum-lots': 'off' } })).toThrow(FtkitError);
    // @ts-expect-error misspelled setting
    expect(() => lint(text, { settings: { allowTwoPrimary: true } })).toThrow(
      /proc-drbd has no setting `allowTwoPrimary`; did you mean `allowTwoPrimaries`\?/,
    );
    // @ts-expect-error a resource name where `true` or a list is expected
    expect(() => lint(text, { settings: { allowTwoPrimaries: 'drbd1' } })).toThrow(
      '`allowTwoPrimaries` must be true, false or a list of strings, not "drbd1"',
    );
  });

  it('findings of every fixture (snapshot)', async () => {
    const lines: string[] = [];
    for (const name of fixtures()) {
      for (const d of lint(readFixture(name)).diagnostics) {
        lines.push(
          `${name}:${d.position.start.line}:${d.position.start.column} ${d.severity} ${d.code} ${d.message}`,
        );
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/lint-findings.txt');
  });

  it('the source setting reads the text as that source instead of detecting it', () => {
    const text = readFixture('proc-8.4.3-srcversion-dual-primary.txt');
    const codes = (settings: StatusLintOptions['settings']) =>
      new Set(lint(text, settings ? { settings } : {}).diagnostics.map((d) => d.code));
    expect(codes(undefined).has('dual-primary-unexpected')).toBe(true);
    const asText = codes({ source: 'status-text' });
    expect(asText.has('drbd-status/invalid-status-line')).toBe(true);
    expect(asText.has('dual-primary-unexpected')).toBe(false);
    // @ts-expect-error not a source
    expect(() => lint(text, { settings: { source: 'json' } })).toThrow(FtkitError);
  });

  it('rules can be turned off and re-levelled', () => {
    const text = readFixture('proc-8.4.3-srcversion-dual-primary.txt');
    expect(
      lint(text).diagnostics.some((d) => d.code === 'dual-primary-unexpected' && d.severity === 'error'),
    ).toBe(true);
    expect(
      lint(text, { rules: { 'dual-primary-unexpected': 'off' } }).diagnostics.some(
        (d) => d.code === 'dual-primary-unexpected',
      ),
    ).toBe(false);
    expect(
      lint(text, { settings: { allowTwoPrimaries: ['drbd1'] } }).diagnostics.some(
        (d) => d.code === 'dual-primary-unexpected',
      ),
    ).toBe(false);
  });
});

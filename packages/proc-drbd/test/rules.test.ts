import { describe, expect, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { lintStatus, procDrbdFormat, rules } from '../src/index.js';
import { fixtures, readFixture } from './helpers.js';

describeRuleDocs(procDrbdFormat);

describe('health-check rules', () => {
  it('the descriptor exposes the registry and lint', () => {
    expect(Object.keys(procDrbdFormat.rules).sort()).toEqual(Object.keys(rules).sort());
    expect(procDrbdFormat.detect('/proc/drbd', '')).toBe(1);
    expect(procDrbdFormat.detect('x.conf', 'resource r0 {\n}\n')).toBe(0);
  });

  it('findings of every fixture (snapshot)', async () => {
    const lines: string[] = [];
    for (const name of fixtures()) {
      for (const d of lintStatus(readFixture(name)).diagnostics) {
        lines.push(
          `${name}:${d.position.start.line}:${d.position.start.column} ${d.severity} ${d.code} ${d.message}`,
        );
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/lint-findings.txt');
  });

  it('rules can be turned off and re-levelled', () => {
    const text = readFixture('proc-8.4.3-srcversion-dual-primary.txt');
    expect(
      lintStatus(text).diagnostics.some(
        (d) => d.code === 'dual-primary-unexpected' && d.severity === 'error',
      ),
    ).toBe(true);
    expect(
      lintStatus(text, { rules: { 'dual-primary-unexpected': 'off' } }).diagnostics.some(
        (d) => d.code === 'dual-primary-unexpected',
      ),
    ).toBe(false);
    expect(
      lintStatus(text, { settings: { allowTwoPrimaries: ['drbd1'] } }).diagnostics.some(
        (d) => d.code === 'dual-primary-unexpected',
      ),
    ).toBe(false);
  });
});

import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { borgJsonFormat, lint } from '../src/format.js';
import { fixture } from './helpers.js';

describeRuleDocs(borgJsonFormat);

describe('rules', () => {
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

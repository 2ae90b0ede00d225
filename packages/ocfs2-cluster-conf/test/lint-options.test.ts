import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { lint, type Ocfs2RuleId, ocfs2ClusterConfFormat } from '../src/index.js';

type Options = NonNullable<Parameters<typeof lint>[1]>;

const conf = 'cluster:\n\tname = web\n\tnode_count = 0\n\theartbeat_mode = local\n';

describe('lint options are typed and checked', () => {
  it('types rule ids and settings from the descriptor', () => {
    expectTypeOf<'node-local-missing'>().toMatchTypeOf<Ocfs2RuleId>();
    expectTypeOf<'node-local-mising'>().not.toMatchTypeOf<Ocfs2RuleId>();
    expectTypeOf(ocfs2ClusterConfFormat.ruleIds[0]!).toEqualTypeOf<Ocfs2RuleId>();
    expectTypeOf<{ 'indent-tab': 'off' }>().toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{ 'indent-tabs': 'off' }>().not.toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{
      hostname: 'node1';
      cluster: 'web';
      regionDevices: { A: '/dev/sdb' };
      peerFiles: { name: string; text: string }[];
    }>().toMatchTypeOf<NonNullable<Options['settings']>>();
    expectTypeOf<{ hostName: 'node1' }>().not.toMatchTypeOf<NonNullable<Options['settings']>>();
    expectTypeOf<{ hostname: 7 }>().not.toMatchTypeOf<NonNullable<Options['settings']>>();
  });

  it('declares every setting the rules read, with a description', () => {
    expect(Object.keys(ocfs2ClusterConfFormat.settings).sort()).toEqual([
      'cluster',
      'hostname',
      'peerFiles',
      'regionDevices',
    ]);
    for (const spec of Object.values(ocfs2ClusterConfFormat.settings)) expect(spec.description).not.toBe('');
    expect(ocfs2ClusterConfFormat.ruleIds).toHaveLength(34);
    expect(ocfs2ClusterConfFormat.codePrefix).toBe('ocfs2');
  });

  it('throws an FtkitError for a misspelled rule id or setting', () => {
    const call = () =>
      lint(conf, {
        // @ts-expect-error misspelled rule id
        rules: { 'indent-tabs': 'off' },
        // @ts-expect-error misspelled setting
        settings: { hostName: 'node1' },
      });
    expect(call).toThrow(FtkitError);
    try {
      call();
    } catch (e) {
      expect((e as FtkitError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['core/unknown-rule', 'rules.indent-tabs'],
        ['core/unknown-setting', 'settings.hostName'],
      ]);
      expect((e as FtkitError).message).toContain('did you mean `indent-tab`?');
      expect((e as FtkitError).message).toContain('did you mean `hostname`?');
    }
  });

  it('runs no rules on a file with more than 1000 syntax errors', () => {
    const garbage = ';\n'.repeat(1500);
    const r = lint(garbage, { settings: { hostname: 'node1' } });
    expect(r.diagnostics).toHaveLength(1001);
    expect(r.diagnostics.every((d) => d.ruleId === undefined)).toBe(true);
    expect(r.diagnostics.at(-1)?.code).toBe('ocfs2/too-many-problems');
    expect(r.diagnostics.at(-1)?.message).toBe(
      'Too many problems: 500 more after the first 1000 are not listed',
    );
  });
});

import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { lint, o2cbDefaultsFormat } from '../src/index.js';

type Options = NonNullable<Parameters<typeof lint>[1]>;

describe('lint options are typed and checked', () => {
  it('types rule ids and settings from the descriptor', () => {
    expectTypeOf(o2cbDefaultsFormat.ruleIds[0]!).toEqualTypeOf<
      | 'line-crlf'
      | 'enabled-literal'
      | 'stack-name'
      | 'bootcluster-missing'
      | 'bootcluster-format'
      | 'bootcluster-unknown'
      | 'value-kernel-rejected'
      | 'value-not-decimal'
      | 'threshold-below-minimum'
      | 'timeout-below-minimum'
      | 'keepalive-not-below-idle'
      | 'variable-unknown'
      | 'variable-duplicate'
      | 'debian-regenerated'
    >();
    expectTypeOf<{ 'line-crlf': 'off' }>().toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{ 'line-cr-lf': 'off' }>().not.toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{ clusterNames: string[]; debian: true }>().toMatchTypeOf<
      NonNullable<Options['settings']>
    >();
    expectTypeOf<{ debian: 'yes' }>().not.toMatchTypeOf<NonNullable<Options['settings']>>();
  });

  it('declares every setting the rules read, with a description', () => {
    expect(Object.keys(o2cbDefaultsFormat.settings).sort()).toEqual(['clusterNames', 'debian']);
    for (const spec of Object.values(o2cbDefaultsFormat.settings)) expect(spec.description).not.toBe('');
    expect(o2cbDefaultsFormat.codePrefix).toBe('o2cb');
  });

  it('throws an FtkitError for a misspelled rule id or setting', () => {
    const call = () =>
      lint('O2CB_ENABLED=true\n', {
        // @ts-expect-error misspelled rule id
        rules: { 'stack-names': 'off' },
        // @ts-expect-error misspelled setting
        settings: { clusternames: ['web'] },
      });
    expect(call).toThrow(FtkitError);
    try {
      call();
    } catch (e) {
      expect((e as FtkitError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['core/unknown-rule', 'rules.stack-names'],
        ['core/unknown-setting', 'settings.clusternames'],
      ]);
      expect((e as FtkitError).message).toContain('did you mean `stack-name`?');
    }
  });
});

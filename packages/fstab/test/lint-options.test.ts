import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fstabFormat, lint } from '../src/index.js';

type Options = NonNullable<Parameters<typeof lint>[1]>;

describe('lint options are typed and checked', () => {
  it('types rule ids and settings from the descriptor', () => {
    expectTypeOf(fstabFormat.ruleIds[0]!).toEqualTypeOf<
      | 'ocfs2-netdev'
      | 'network-device-netdev'
      | 'ocfs2-systemd-requires'
      | 'ocfs2-heartbeat-option'
      | 'ocfs2-datavolume'
      | 'ocfs2-nocluster'
      | 'ocfs2-passno'
      | 'ocfs2-device-name'
      | 'option-unknown'
      | 'option-value'
      | 'option-conflict'
      | 'ocfs2-errors-continue'
      | 'ocfs2-resv-level'
      | 'mount-point-duplicate'
      | 'mount-point-relative'
    >();
    expectTypeOf<{ 'ocfs2-netdev': 'off' }>().toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{ 'ocfs2-net-dev': 'off' }>().not.toMatchTypeOf<NonNullable<Options['rules']>>();
    expectTypeOf<{ heartbeatMode: 'global'; systemd: false }>().toMatchTypeOf<
      NonNullable<Options['settings']>
    >();
    expectTypeOf<{ heartbeatMode: 'disk' }>().not.toMatchTypeOf<NonNullable<Options['settings']>>();
    expectTypeOf<{ systemd: 'no' }>().not.toMatchTypeOf<NonNullable<Options['settings']>>();
  });

  it('declares every setting the rules read, with a description', () => {
    expect(Object.keys(fstabFormat.settings).sort()).toEqual(['heartbeatMode', 'systemd']);
    for (const spec of Object.values(fstabFormat.settings)) expect(spec.description).not.toBe('');
    expect(fstabFormat.codePrefix).toBe('fstab');
  });

  it('throws an FtkitError for a misspelled rule id or setting', () => {
    const call = () =>
      lint('/dev/sda1 / ext4 defaults 0 1\n', {
        // @ts-expect-error misspelled rule id
        rules: { 'ocfs2-net-dev': 'off' },
        // @ts-expect-error misspelled setting
        settings: { heartbeatmode: 'local' },
      });
    expect(call).toThrow(FtkitError);
    try {
      call();
    } catch (e) {
      expect((e as FtkitError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['core/unknown-rule', 'rules.ocfs2-net-dev'],
        ['core/unknown-setting', 'settings.heartbeatmode'],
      ]);
      expect((e as FtkitError).message).toContain('did you mean `ocfs2-netdev`?');
    }
  });
});

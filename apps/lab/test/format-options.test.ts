import { fstabFormat } from '@ftkit/fstab';
import { o2cbDefaultsFormat } from '@ftkit/o2cb-defaults';
import { describe, expect, it } from 'vitest';
import { optionsForFormat } from '../src/format-options.js';

describe('optionsForFormat', () => {
  it('gives each format only the rule ids and settings it declares', () => {
    const rules = {
      'ocfs2-netdev': 'off',
      'bootcluster-unknown': 'error',
      'hostname-not-in-cluster': 'off',
    } as const;
    const settings = { hostname: 'node1', clusterNames: 'web,db', heartbeatMode: 'global' };
    expect(optionsForFormat(fstabFormat, rules, settings)).toEqual({
      rules: { 'ocfs2-netdev': 'off' },
      settings: { heartbeatMode: 'global' },
    });
    expect(optionsForFormat(o2cbDefaultsFormat, rules, settings)).toEqual({
      rules: { 'bootcluster-unknown': 'error' },
      settings: { clusterNames: ['web', 'db'] },
    });
  });

  it('lets lint run with options meant for other formats', () => {
    const opts = optionsForFormat(
      fstabFormat,
      { 'bootcluster-unknown': 'off' },
      { hostname: 'x', systemd: false },
    );
    const r = fstabFormat.lint('/dev/drbd0 /srv ocfs2 defaults 0 0\n', opts);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ocfs2-netdev']);
  });
});

import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { effectiveHost, emit, parse, scaledValue } from '../src/index.js';
import { configArb } from './arbitraries.js';
import { strip } from './strip.js';

describe('units (drbdadm new_strtoll)', () => {
  it('keeps plain numbers in the option scale and converts suffixes, rounding up', () => {
    expect(scaledValue('100', 's')).toBe(100);
    expect(scaledValue('1M', 's')).toBe(2048);
    expect(scaledValue('1s', 'k')).toBe(1);
    expect(scaledValue('3s', 'k')).toBe(2);
    expect(scaledValue('10M', 'k')).toBe(10240);
    expect(scaledValue('5G', 'k')).toBe(5242880);
    expect(scaledValue('6s')).toBe(3072);
    expect(scaledValue('1.5M')).toBeUndefined();
    expect(scaledValue('10MB')).toBeUndefined();
  });
});

describe('emit', () => {
  test.prop([configArb], { numRuns: 50 })('parse(emit(m)) gives back m', (m) => {
    const back = parse(emit(m));
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(strip(back.model)).toEqual(strip(m));
  });
  it('quotes what drbdadm would misread', () => {
    const text = emit({
      drbdVersion: '8.4',
      includes: [],
      requires: [],
      resources: [
        {
          name: 'size',
          sections: [
            {
              kind: 'net',
              options: [
                { name: 'shared-secret', value: 'a "b" c' },
                { name: 'allow-two-primaries', value: 'yes' },
              ],
            },
          ],
          volumes: [{ device: { minor: 0 }, disk: '/dev/sdb', metaDisk: { kind: 'internal' } }],
          hosts: [
            { kind: 'on', names: ['on'], address: { ip: '10.1.1.31', port: '7789' }, volumes: [] },
            { kind: 'on', names: ['1.2.3'], address: { ip: '10.1.1.32', port: '7789' }, volumes: [] },
          ],
          connections: [],
          meshes: [],
        },
      ],
    });
    expect(text).toContain('resource "size" {');
    expect(text).toContain('shared-secret "a \\"b\\" c";');
    expect(text).toContain('allow-two-primaries yes;');
    expect(text).toContain('on "on" {');
    expect(text).toContain('on 1.2.3 {');
    expect(parse(text, { drbdVersion: '8.4' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('effectiveHost (inheritance)', () => {
  it('merges common, resource, syncer and defaults; fills volumes from the resource', () => {
    const text = `common { net { protocol A; } disk { resync-rate 10M; } }
resource r0 {
  syncer { rate 20M; verify-alg sha1; }
  device minor 0; disk /dev/sdb; meta-disk internal;
  on alice { address 10.1.1.31:7789; disk /dev/sdc; }
  on bob { address 10.1.1.32:7789; }
}
`;
    const m = parse(text, { drbdVersion: '8.4' }).model;
    const e = effectiveHost(m, 'r0', 'alice')!;
    expect(e.sections.get('net')!.get('protocol')).toMatchObject({ value: 'A', from: 'common' });
    expect(e.sections.get('disk')!.get('resync-rate')).toMatchObject({
      value: '20M',
      number: 20480,
      from: 'resource',
    });
    expect(e.sections.get('net')!.get('verify-alg')).toMatchObject({ value: 'sha1', from: 'resource' });
    expect(e.sections.get('net')!.get('timeout')).toMatchObject({ value: '60', number: 60, from: 'default' });
    expect(e.volumes.get(0)).toMatchObject({
      disk: '/dev/sdc',
      device: { minor: 0 },
      metaDisk: { kind: 'internal' },
    });
    expect(
      effectiveHost(parse(text.replace('syncer { rate 20M; verify-alg sha1; }', '')).model, 'r0', 'ALICE')!
        .nodeId,
    ).toBe(0);
    expect(effectiveHost(m, 'r0', 'carol')).toBeUndefined();
  });
});

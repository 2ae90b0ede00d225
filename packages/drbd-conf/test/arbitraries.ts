import { fc } from '@fast-check/vitest';
import { OPTION_TABLES, type OptionSpec, type SectionKind } from '../src/model/options.js';
import type { DrbdConfig, DrbdOption, DrbdResource, DrbdSection } from '../src/schema.js';

const SKIP = new Set([
  'resync-after',
  '_name',
  'become-primary-on',
  'stacked-timeouts',
  'transport',
  'cpu-mask',
]);
const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,15}$/);

function valueArb(spec: OptionSpec): fc.Arbitrary<string> | undefined {
  switch (spec.type) {
    case 'bool':
      return fc.constantFrom('yes', 'no');
    case 'enum':
      return fc.constantFrom(...spec.values!);
    case 'enumnum':
      return fc.oneof(
        fc.constantFrom(...spec.values!),
        fc.integer({ min: spec.min!, max: spec.max! }).map(String),
      );
    case 'num':
      return fc.integer({ min: spec.min!, max: Math.min(spec.max!, 2 ** 31) }).map(String);
    case 'str':
      return word;
    case 'cmd':
      return fc.constantFrom('/usr/lib/drbd/notify-split-brain.sh root', '/bin/true', 'echo "x"');
    default:
      return undefined;
  }
}

function section(kind: SectionKind): fc.Arbitrary<DrbdSection | undefined> {
  const specs = [...OPTION_TABLES['9'][kind]!.values()].filter((s) => !SKIP.has(s.name) && valueArb(s));
  return fc.subarray(specs, { maxLength: Math.min(6, specs.length) }).chain((chosen) =>
    chosen.length === 0
      ? fc.constant(undefined)
      : fc.tuple(...chosen.map((s) => valueArb(s)!)).map(
          (vals): DrbdSection => ({
            kind,
            options: chosen.map((s, i): DrbdOption => ({ name: s.name, value: vals[i]! })),
          }),
        ),
  );
}

/** Random valid DRBD 9 configs: two-host resources with random options, unique minors and ports. */
export const configArb: fc.Arbitrary<DrbdConfig> = fc
  .array(
    fc.record({
      sections: fc.tuple(
        section('net'),
        section('disk'),
        section('options'),
        section('startup'),
        section('handlers'),
      ),
      volumes: fc.integer({ min: 1, max: 3 }),
      explicitIds: fc.boolean(),
      ipv6: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map(
    (rs): DrbdConfig => ({
      drbdVersion: '9',
      includes: [],
      requires: [],
      resources: rs.map(
        (r, i): DrbdResource => ({
          name: `res${i}`,
          sections: r.sections.filter((s): s is DrbdSection => s !== undefined),
          volumes: Array.from({ length: r.volumes }, (_, v) => ({
            ...(r.volumes > 1 ? { number: v } : {}),
            device: { minor: i * 10 + v },
            disk: `/dev/vg/r${i}v${v}`,
            metaDisk: { kind: 'internal' as const },
          })),
          hosts: (['alice', 'bob'] as const).map((name, h) => ({
            kind: 'on' as const,
            names: [name],
            ...(r.explicitIds ? { nodeId: h } : {}),
            address: r.ipv6
              ? { family: 'ipv6' as const, ip: h === 0 ? 'fd00::31' : 'fd00::32', port: String(7000 + i) }
              : { ip: h === 0 ? '10.1.1.31' : '10.1.1.32', port: String(7000 + i) },
            volumes: [],
          })),
          connections: [],
          meshes: [],
        }),
      ),
    }),
  );

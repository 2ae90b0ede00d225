import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { generateConfig } from '../bench/generate.js';
import { dump, emit, parse, type QuickDumpOptions, quickDump } from '../src/index.js';
import { configArb } from './arbitraries.js';

const dir = join(import.meta.dirname, 'fixtures/corpus');
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .sort()
  .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

const OPTS = (host: string): QuickDumpOptions => ({
  host,
  configPath: '/etc/drbd.conf',
  definedAt: true,
  fileName: '/etc/drbd.conf',
});

/** What the full path prints for `text`, or `undefined` when `parse` reports an error. */
function fullDump(text: string, o: QuickDumpOptions): string | undefined {
  const r = parse(text, { fileName: o.fileName });
  if (r.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return dump(r.model, {
    ...(o.host !== undefined ? { host: o.host } : {}),
    ...(o.configPath !== undefined ? { configPath: o.configPath } : {}),
    ...(o.redact ? { redact: true } : {}),
    ...(o.definedAt ? { definedAt: (x: Parameters<typeof r.definedAt>[0]) => r.definedAt(x) } : {}),
  });
}

/** The quick path's promise: text only for a clean file, and then the full path's text. */
function agrees(text: string, o: QuickDumpOptions = OPTS('alice')): boolean {
  const quick = quickDump(text, o);
  if (quick === undefined) return false;
  expect(quick).toBe(fullDump(text, o));
  return true;
}

/**
 * Runs `quickDump` and the full path over `runs` texts (fixed seed, so the counts are stable):
 * whatever the quick path prints must be the full path's text, and it must print nothing for a
 * file the full parser rejects. Returns how many it took and how many the full parser rejected.
 */
function compareOver(texts: fc.Arbitrary<[string, string]>, runs: number, seed: number) {
  let taken = 0;
  let rejected = 0;
  fc.assert(
    fc.property(texts, fc.boolean(), ([text, host], redact) => {
      const o = { ...OPTS(host), redact };
      const quick = quickDump(text, o);
      const fullText = fullDump(text, o);
      if (fullText === undefined) rejected++;
      if (quick === undefined) return;
      taken++;
      expect(quick).toBe(fullText);
    }),
    { numRuns: runs, seed },
  );
  return { taken, rejected };
}

describe('quickDump', () => {
  it('prints what parse + dump print for every corpus file it takes, and takes many', () => {
    let taken = 0;
    for (const [, text] of corpus) if (agrees(text)) taken++;
    expect(taken).toBeGreaterThanOrEqual(20);
  });

  it('takes the benchmark configuration, as every host', () => {
    const text = generateConfig(60);
    for (const host of ['alice', 'bob', 'carol', 'ALICE']) expect(agrees(text, OPTS(host))).toBe(true);
    expect(agrees(text, { host: 'alice' })).toBe(true);
    expect(agrees(text, { ...OPTS('alice'), redact: true })).toBe(true);
  });

  fcTest.prop([configArb], { numRuns: 150 })('agrees on generated configurations', (model) => {
    const text = emit(model);
    agrees(text);
  });

  it('redacts shared secrets when asked, as dump does', () => {
    const text = generateConfig(2).replace(
      'verify-alg sha256;',
      'verify-alg sha256;\n        cram-hmac-alg sha256;\n        shared-secret "not-for-logs";',
    );
    expect(agrees(text, { ...OPTS('alice'), redact: true })).toBe(true);
    expect(agrees(text, OPTS('alice'))).toBe(true);
    expect(quickDump(text, { ...OPTS('alice'), redact: true })).not.toContain('not-for-logs');
    expect(quickDump(text, OPTS('alice'))).toContain('not-for-logs');
    const inResource = generateConfig(2).replace(
      'al-extents 3389; }',
      'al-extents 3389; }\n    net { cram-hmac-alg sha256; shared-secret "per-resource"; }',
    );
    expect(agrees(inResource, { ...OPTS('alice'), redact: true })).toBe(true);
    expect(quickDump(inResource, { ...OPTS('alice'), redact: true })).not.toContain('per-resource');
  });

  it('takes the generated configurations (so the property above tests something)', () => {
    const texts = fc.sample(configArb, { numRuns: 60, seed: 7 }).map((m) => emit(m));
    expect(texts.filter((t) => agrees(t)).length).toBe(texts.length);
  });

  // Mutations of a clean file: whatever the quick path prints must be what the full path prints,
  // and a file the full parser rejects must never get a quick dump.
  const base = generateConfig(4);
  const pieces = [
    '',
    '\t',
    '\n# a comment; with { braces }\n',
    ';',
    '{',
    '}',
    ' ',
    '\n',
    '#',
    '"x"',
    ':',
    '[0]',
    'minor 1',
    'minor 0',
    'r1',
    'alice',
    'node-id 1;',
    'node-id 40;',
    'device /dev/drbd1;',
    'device /dev/drbd_x minor 3;',
    'device /dev/drbd9 minor 8;',
    'disk /dev/x;',
    'disk { al-extents 7; }',
    'meta-disk /dev/m;',
    'volume 0 { device minor 5; disk /dev/a; meta-disk internal; }',
    'on carol { address 10.1.1.33:7000; }',
    'address 10.1.1.31:7000;',
    'address 127.0.0.1:7000;',
    'address ipv4 10.0.0.1:0;',
    'net { protocol D; }',
    'net { max-buffers 1; }',
    'options { quorum majority; }',
    'startup { wfc-timeout 10s; }',
    'handlers { split-brain "/bin/true"; }',
    'net { resync-after r0; }',
    'disk { resync-after r0; }',
    'include "x.res";',
    'resource r0 { }',
    'common { net { protocol A; } }',
    'common { disk { resync-after r1; } }',
    'global { usage-count yes; }',
    '7000',
    '10.1.1.31',
    'fd00::1',
  ];
  it('never prints for a file the full parser rejects, and agrees otherwise', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.oneof(fc.constant(0), fc.nat({ max: 30 })),
      piece: fc.constantFrom(...pieces),
    });
    const mutated = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits): [string, string] => {
      let text = base;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.cut));
      }
      return [text, 'alice'];
    });
    const { taken, rejected } = compareOver(mutated, 1000, 20261125);
    // both sides of the promise were exercised
    expect(taken).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(100);
  });

  // Texts made of the statements the quick path reads, with collisions on purpose: the same
  // minors, ports, host names and node-ids come up often, so both checks are compared.
  const volArb = (numbered: boolean) =>
    fc.record({
      number: numbered ? fc.integer({ min: 0, max: 2 }) : fc.constant(undefined),
      device: fc.oneof(
        fc.constant(undefined),
        fc
          .integer({ min: 0, max: 6 })
          .chain((m) =>
            fc.constantFrom(
              `device /dev/drbd${m};`,
              `device minor ${m};`,
              `device /dev/drbd${m} minor ${m};`,
              `device drbd${m};`,
              `device /dev/drbd_v${m} minor ${m};`,
            ),
          ),
      ),
      disk: fc.constantFrom(undefined, 'disk /dev/vg/a;', 'disk none;'),
      meta: fc.constantFrom(undefined, 'meta-disk internal;', 'meta-disk /dev/vg/meta;'),
    });
  type GenVol = {
    number?: number | undefined;
    device?: string | undefined;
    disk?: string | undefined;
    meta?: string | undefined;
  };
  const volText = (v: GenVol) => {
    const body = [v.device, v.disk, v.meta].filter((x) => x !== undefined).join(' ');
    return v.number === undefined ? body : `volume ${v.number} { ${body} }`;
  };
  const volsArb: fc.Arbitrary<GenVol[]> = fc.oneof(
    fc.constant<GenVol[]>([]),
    volArb(false).map((v) => [v]),
    fc.array(volArb(true), { minLength: 1, maxLength: 2 }),
  );
  const hostArb = fc.record({
    names: fc.array(fc.constantFrom('alice', 'bob', 'carol', 'Bob', 'alice.example.com'), {
      minLength: 1,
      maxLength: 2,
    }),
    nodeId: fc.constantFrom(undefined, 0, 1, 2),
    address: fc.oneof(
      fc.constant(undefined),
      fc
        .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 7000, max: 7002 }))
        .chain(([n, port]) =>
          fc.constantFrom(
            `address 10.0.0.${n}:${port};`,
            `address ipv4 10.0.0.${n}:${port};`,
            `address ipv6 [fd00::${n}]:${port};`,
            `address 127.0.0.1:${port};`,
          ),
        ),
    ),
    volumes: volsArb,
  });
  const resourceArb = fc.record({
    name: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'data'),
    volumes: volsArb,
    hosts: fc.array(hostArb, { minLength: 1, maxLength: 3 }),
    sections: fc
      .tuple(
        fc.constantFrom(
          [],
          ['disk { al-extents 3389; resync-rate 40M; }'],
          ['disk { resync-after r1; }'],
          ['disk { resync-after elsewhere/0; }'],
        ),
        fc.constantFrom(
          [],
          ['net { protocol C; allow-two-primaries yes; }'],
          ['net { cram-hmac-alg sha256; shared-secret "s3cret-42"; }'],
        ),
        fc.subarray([
          'options { quorum majority; }',
          'startup { wfc-timeout 10; become-primary-on alice; }',
          'handlers { split-brain "/usr/lib/drbd/notify-split-brain.sh root"; }',
        ]),
      )
      .map(([disk, net, others]) => [...disk, ...net, ...others]),
  });
  const headArb = fc.constantFrom(
    '',
    'global { usage-count no; }\n',
    'common { net { protocol C; } }\n',
    'common { disk { resync-after r1; } }\n',
    'common { startup { wfc-timeout 5; } }\nglobal { usage-count yes; }\n',
  );
  const subsetText = fc
    .tuple(headArb, fc.array(resourceArb, { minLength: 1, maxLength: 4 }))
    .map(
      ([head, rs]) =>
        head +
        rs
          .map(
            (r) =>
              `resource ${r.name} {\n  ${r.volumes.map(volText).join('\n  ')}\n${r.hosts
                .map(
                  (h) =>
                    `  on ${h.names.join(' ')} {\n    ${h.nodeId !== undefined ? `node-id ${h.nodeId};` : ''} ${h.address ?? ''}\n    ${h.volumes.map(volText).join('\n    ')}\n  }`,
                )
                .join('\n')}\n  ${r.sections.join('\n  ')}\n}\n`,
          )
          .join('\n'),
    );

  it('agrees with the full path on texts full of collisions', () => {
    const hosts = fc.constantFrom('alice', 'bob', 'Alice', 'alice.example.com');
    const { taken, rejected } = compareOver(fc.tuple(subsetText, hosts), 5000, 11);
    expect(taken).toBeGreaterThan(40);
    expect(rejected).toBeGreaterThan(2000);
  });

  it.each([
    ['duplicate minor', (t: string) => t.replace('minor 1;', 'minor 0;').replace('drbd1 ', 'drbd0 ')],
    ['duplicate address', (t: string) => t.replace('10.1.1.31:7001', '10.1.1.31:7000')],
    ['duplicate resource', (t: string) => t.replace('resource r1 ', 'resource r0 ')],
    ['device name and minor differ', (t: string) => t.replace('minor 1;', 'minor 2;')],
    ['port out of range', (t: string) => t.replace(':7001', ':70000')],
    ['unknown option', (t: string) => t.replace('al-extents 3389', 'al-extent 3389')],
    ['option out of range', (t: string) => t.replace('al-extents 3389', 'resync-rate 0')],
    ['node-id too big', (t: string) => t.replace('on alice {', 'on alice {\n node-id 33;')],
    ['one host', (t: string) => t.replace(/on bob \{[^}]*\}/, '')],
    ['the same host twice', (t: string) => t.replace('on bob {', 'on alice {')],
    ['the same host twice, in another case', (t: string) => t.replace('on bob {', 'on ALICE {')],
    ['a host name twice in one section', (t: string) => t.replace('on bob {', 'on bob bob {')],
    [
      'a volume on one host only',
      (t: string) => t.replace('on bob {', 'on bob {\n volume 1 { device minor 99; }'),
    ],
    ['a meta-disk without a disk', (t: string) => t.replace('disk /dev/vg0/lv1;', '')],
    ['no device', (t: string) => t.replace('device /dev/drbd1 minor 1;', '')],
    [
      'duplicate node-ids',
      (t: string) =>
        t.replace('on alice {', 'on alice { node-id 1;').replace('on bob {', 'on bob { node-id 1;'),
    ],
    ['one node-id of two', (t: string) => t.replace('on alice {', 'on alice { node-id 1;')],
    [
      'three hosts without node-ids',
      (t: string) => t.replace('on bob {', 'on carol { address 10.9.9.9:7001; }\n on bob {'),
    ],
    ['equal addresses, no node-ids', (t: string) => t.replace('10.0.0.1:7001', '10.1.1.31:7001')],
    ['a missing `;`', (t: string) => t.replace('meta-disk internal;', 'meta-disk internal')],
    ['a stray `}`', (t: string) => `${t}}\n`],
    ['DRBD 8.4', (t: string) => t, '8.4'],
  ] as const)('declines a file with %s', (_name, change, version?: '9' | '8.4') => {
    const text = change(generateConfig(3));
    // each is a file the full parser rejects (so declining it is required, not a choice)
    if (!version) expect(fullDump(text, OPTS('alice'))).toBeUndefined();
    expect(
      quickDump(text, { ...OPTS('alice'), ...(version ? { drbdVersion: version } : {}) }),
    ).toBeUndefined();
  });

  it('declines what it does not read itself, and the full path prints it', () => {
    const text = generateConfig(2);
    for (const changed of [
      text.replace('on bob {', 'floating 10.9.9.9:7001 {'),
      text.replace('10.1.1.31:7001', '"10.1.1.31":7001'),
      `include "/etc/drbd.d/*.res";\n${text}`,
      text.replace('resource r1 {', 'resource r1 {\n    connection-mesh { hosts alice bob; }'),
    ]) {
      expect(quickDump(changed, OPTS('alice'))).toBeUndefined();
    }
    // one the full parser accepts: the caller's fallback still has something to print
    expect(fullDump(`include "/etc/drbd.d/*.res";\n${text}`, OPTS('alice'))).toContain('resource r1');
  });

  it('prints `resync-after` as the full path does: kept for a resource of the file, even a later one, dropped otherwise', () => {
    let n = 0;
    const text = generateConfig(3)
      .replace('resource r0 {\n    device', 'resource r0 {\n    net { protocol C; }\n    device')
      .replace(/resync-rate 40M;/g, () => (++n % 2 ? 'resync-after r2;' : 'resync-after gone/0;'));
    expect(text).toContain('resync-after r2');
    expect(text).toContain('resync-after gone');
    expect(agrees(text)).toBe(true);
    const out = quickDump(text, OPTS('alice'))!;
    expect(out).toContain('resync-after');
    expect(out).not.toContain('gone');
    // in `common`, printed before the resources: the full path decides
    const inCommon = generateConfig(2).replace(
      'verify-alg sha256;',
      'verify-alg sha256;\n    }\n    disk {\n        resync-after r1;',
    );
    expect(fullDump(inCommon, OPTS('alice'))).toContain('resync-after');
    expect(quickDump(inCommon, OPTS('alice'))).toBeUndefined();
  });

  it('counts `# defined at` lines like the line index (CRLF, and declines lone CRs)', () => {
    const text = generateConfig(3);
    expect(agrees(text.replaceAll('\n', '\r\n'))).toBe(true);
    expect(quickDump(text.replace('# resource 1', '#\rresource 1'), OPTS('alice'))).toBeUndefined();
    expect(quickDump(text.replace('# resource 1', '#\rresource 1'), { host: 'alice' })).toBe(
      fullDump(text.replace('# resource 1', '#\rresource 1'), { host: 'alice' }),
    );
  });
});

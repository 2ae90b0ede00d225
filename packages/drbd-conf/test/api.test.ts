import { applyEdits, FtkitError, formatDiagnosticLine, formatIssuePath, memoryReader } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lex } from '../src/cst/lexer.js';
import { addHost, addVolume, removeHost, removeOption, setOption } from '../src/edit.js';
import { drbdConfFormat, dump, edit, emit, parse } from '../src/index.js';
// The unvalidated model constructors behind the builders, to hand `drbd.config` bad resources.
import { resourceModel } from '../src/model/build.js';
import { drbd } from '../src/schema-entry.js';

const two = (extra = '', name = 'r0') => `resource ${name} {
${extra}    on alice {
        device /dev/drbd0;
        disk /dev/sdb;
        meta-disk internal;
        address 10.1.1.31:7789;
    }
    on bob {
        device /dev/drbd0;
        disk /dev/sdb;
        meta-disk internal;
        address 10.1.1.32:7789;
    }
}
`;
const lines = (text: string, v: '9' | '8.4' = '9') =>
  parse(text, { drbdVersion: v }).diagnostics.map(formatDiagnosticLine);

describe('lexer', () => {
  it('follows flex longest match: numbers, words, addresses, versions', () => {
    const kinds = (s: string) =>
      lex(s)
        .filter((t) => t.kind !== 'ws')
        .map((t) => `${t.kind}:${t.text}`);
    expect(kinds('10K 10k 123456789 10.1.1.256 1.2.3 disk-barrier abc#x')).toEqual([
      'int:10K',
      'word:10k',
      'word:123456789',
      'ipv4:10.1.1.256',
      'kmodvers:1.2.3',
      'word:disk-barrier',
      'word:abc',
      'comment:#x',
    ]);
    expect(kinds('[fd00::1]:7789')).toEqual(['[:[', 'ipv6:fd00::1', ']:]', ':::', 'int:7789']);
    expect(kinds(`"a\\"b"`)).toEqual(['string:"a\\"b"']);
    expect(lex('"abc\nx')[0]).toMatchObject({ kind: 'bad', error: 'unterminated-string' });
  });
});

describe('diagnostics', () => {
  it('says what was expected and what was found, at the real position', () => {
    expect(lines(two('    net { protocol C }\n'))).toEqual([
      '2:22-2:23 error drbd/syntax Expected `;`, found `}`',
    ]);
  });
  it('suggests the option name and the right section or version', () => {
    const d = parse(two('    net { protocoll C; }\n')).diagnostics[0]!;
    expect(d.message).toBe('Unknown option `protocoll` in `net` options');
    expect(d.note).toBe('Did you mean `protocol`?');
    const f = parse(two('    disk { fencing resource-only; }\n')).diagnostics[0]!;
    expect(f.note).toBe('DRBD 9 moved `fencing` to the `net` section');
    const q = parse(two('    options { quorum majority; }\n'), { drbdVersion: '8.4' }).diagnostics[0]!;
    expect(q.note).toBe('`quorum` exists only in DRBD 9');
    const w = parse(two('    net { resync-rate 10M; }\n')).diagnostics[0]!;
    expect(w.note).toBe('`resync-rate` belongs in `disk { }`');
  });
  it('explains values and ranges', () => {
    expect(parse(two('    disk { on-io-error pass-on; }\n')).diagnostics[0]!.note).toBe(
      'Did you mean `pass_on`?',
    );
    expect(lines(two('    disk { c-max-rate 5G; }\n'), '8.4')).toEqual([
      '2:23-2:25 error drbd/range Invalid `c-max-rate` `5G` (5242880k): expected 250k to 4194304k',
    ]);
  });
  it('reports several problems in one file and names keywords that need quotes', () => {
    const d = parse(`resource on {\n}\nresource r1 {\n    net { a; b; }\n}\n`).diagnostics;
    expect(d.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        'Expected a resource name, found `on`',
        'Unknown option `a` in `net` options',
        'Unknown option `b` in `net` options',
      ]),
    );
    expect(d[0]!.note).toBe('Quote the name (`"on"`): it is a keyword');
  });
  it('reports a block without a keyword in any section (found by the 10^5-run property test)', () => {
    const cases = [
      'global {{ minor-count 256; }\n',
      'resource r { on a { { } } }\n',
      'resource r { connection { path { {} } } }\n',
    ];
    for (const [s, v] of [
      ...cases.map((c) => [c, '9'] as const),
      [cases[0]!, '8.4'] as const,
      [cases[1]!, '8.4'] as const,
    ]) {
      const d = parse(s, { drbdVersion: v }).diagnostics;
      expect(d.some((x) => x.code === 'drbd/internal')).toBe(false);
      expect(d.some((x) => x.message === 'Expected a keyword, found `{`')).toBe(true);
    }
  });
  it('reports semantic problems with positions drbdadm does not give', () => {
    const text = `${two('', 'r0')}${two('', 'r1').replace(/drbd0/g, 'drbd1')}`;
    const d = parse(text).diagnostics.filter((x) => x.severity === 'error');
    expect(d.map(formatDiagnosticLine)).toEqual([
      '20:17-20:31 error drbd/duplicate Duplicate address `10.1.1.31:7789` (also used by resource `r0`)',
      '26:17-26:31 error drbd/duplicate Duplicate address `10.1.1.32:7789` (also used by resource `r0`)',
    ]);
  });
});

describe('includes', () => {
  const files = {
    '/etc/drbd.conf': 'global { usage-count no; }\ninclude "drbd.d/*.res";\ninclude "/etc/drbd.conf";\n',
    '/etc/drbd.d/a.res': two('', 'a'),
    '/etc/drbd.d/b.res': `${two('', 'b').replace(/drbd0/g, 'drbd1').replace(/7789/g, '7790')}include "../drbd.conf";\n`,
    '/etc/drbd.d/bad.res': 'resource x { net { nope; } }\n',
    '/etc/shadow': 'secret',
  };
  const reader = memoryReader(files);
  it('reads globs relative to the including file, each file once, with per-file diagnostics', () => {
    const r = parse(files['/etc/drbd.conf'], { fileName: '/etc/drbd.conf', reader, root: '/etc' });
    expect(r.model.resources.map((x) => x.name)).toEqual(['a', 'b', 'x']);
    expect(r.files.map((f) => f.fileName)).toEqual([
      '/etc/drbd.conf',
      '/etc/drbd.d/a.res',
      '/etc/drbd.d/b.res',
      '/etc/drbd.d/bad.res',
    ]);
    const bad = r.diagnostics.find((d) => d.code === 'drbd/unknown-option')!;
    expect(bad.file).toBe('/etc/drbd.d/bad.res');
    expect(bad.position.start).toMatchObject({ line: 1, column: 20 });
    expect(r.diagnostics.filter((d) => d.code === 'drbd/include-cycle')).toHaveLength(2);
  });
  it('refuses paths outside the root and reports missing literal includes', () => {
    const r = parse('include "../shadow";\ninclude "missing.res";\ninclude "none/*.res";\n', {
      fileName: '/etc/drbd/x.conf',
      reader,
      root: '/etc/drbd',
    });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Include `../shadow` points outside the allowed root `/etc/drbd`',
      'Failed to open include file `missing.res`',
    ]);
  });
});

describe('security', () => {
  it('treats __proto__ and constructor as plain names', () => {
    const text = `${two('', '__proto__')}${two('', 'constructor').replace(/drbd0/g, 'drbd1').replace(/7789/g, '7790')}`;
    const r = parse(text.replace(/alice/g, '__proto__'));
    expect(r.model.resources.map((x) => x.name)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).device).toBeUndefined();
    expect(dump(r.model, { host: '__proto__' })).toContain('on __proto__ {');
  });
});

describe('edits keep the file', () => {
  const text = `# top comment\n${two('    net {\n        protocol C; # keep me\n    }\n')}`;
  it('setOption replaces, adds to a section, or adds the section', () => {
    expect(
      applyEdits(text, setOption(text, { resource: 'r0', section: 'net', name: 'protocol', value: 'A' })),
    ).toContain('protocol A; # keep me');
    const added = applyEdits(
      text,
      setOption(text, { resource: 'r0', section: 'net', name: 'max-buffers', value: '8000' }),
    );
    expect(added).toContain('        protocol C; # keep me\n        max-buffers 8000;\n    }');
    const sec = applyEdits(
      text,
      setOption(text, { resource: 'r0', section: 'disk', name: 'resync-rate', value: '40M' }),
    );
    expect(sec).toContain('    disk {\n        resync-rate 40M;\n    }\n}\n');
    expect(parse(sec).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('removeOption, addHost, removeHost and addVolume', () => {
    expect(
      applyEdits(text, removeOption(text, { resource: 'r0', section: 'net', name: 'protocol' })),
    ).not.toContain('protocol');
    const carol = applyEdits(
      text,
      addHost(text, {
        resource: 'r0',
        host: { kind: 'on', names: ['carol'], address: { ip: '10.1.1.33', port: '7789' }, volumes: [] },
      }),
    );
    expect(carol).toContain('    on carol {\n        address 10.1.1.33:7789;\n    }\n}');
    expect(carol).toContain('# top comment');
    const nobob = applyEdits(text, removeHost(text, { resource: 'r0', name: 'bob' }));
    expect(nobob).not.toContain('bob');
    expect(nobob.endsWith('    }\n}\n')).toBe(true);
    const vol = applyEdits(
      text,
      addVolume(text, {
        resource: 'r0',
        volume: { number: 1, device: { minor: 5 }, disk: '/dev/sdc', metaDisk: { kind: 'internal' } },
      }),
    );
    expect(vol).toContain(
      '    volume 1 {\n        device minor 5;\n        disk /dev/sdc;\n        meta-disk internal;\n    }\n}',
    );
  });
});

describe('builders', () => {
  it('build a model that emit writes and parse reads back', () => {
    const input = {
      name: 'r0',
      device: '/dev/drbd0',
      disk: '/dev/sdb',
      metaDisk: 'internal',
      net: { protocol: 'C', 'allow-two-primaries': false },
      hosts: [
        { name: 'alice', address: '10.1.1.31:7789' },
        { name: 'bob', address: '[fd00::32]:7789' },
      ],
    } as const;
    const r0 = drbd.resource(input);
    const text = emit(drbd.config({ resources: [r0] }));
    expect(text).toBe(
      'resource r0 {\n    device /dev/drbd0;\n    disk /dev/sdb;\n    meta-disk internal;\n    net {\n        protocol C;\n        allow-two-primaries no;\n    }\n    on alice {\n        address 10.1.1.31:7789;\n    }\n    on bob {\n        address ipv6 [fd00::32]:7789;\n    }\n}\n',
    );
    expect(parse(text).diagnostics).toEqual([]);
    expect(drbd.option('allow-two-primaries', false)).toEqual({ name: 'allow-two-primaries', value: 'no' });
  });
  it('refuse what drbdadm refuses', () => {
    const bad = { name: 'r0', hosts: [{ name: 'a', address: '10.1.1.1:x' }] };
    expect(() => drbd.resource(bad)).toThrow(FtkitError);
  });
  it('name the offending field path', () => {
    expect(() =>
      drbd.resource({
        name: 'r0',
        hosts: [
          { name: 'a', address: '10.1.1.1:77' },
          { name: 'b', address: '10.1.1.2' },
        ],
      }),
    ).toThrow(FtkitError);
    const e = thrown(() =>
      drbd.resource({
        name: 'r0',
        hosts: [
          { name: 'a', address: '10.1.1.1:77' },
          { name: 'b', address: '10.1.1.2:x' },
        ],
      }),
    );
    expect(e.issues.map((i) => [i.code, formatIssuePath(i.path)])).toEqual([
      ['drbd/invalid-shape', 'hosts[1].address.port'],
    ]);
    expect(e.code).toBe('drbd/invalid-shape');
    expect(e.path).toEqual(['hosts', 1, 'address', 'port']);
  });
  const base = {
    name: 'r0',
    device: '/dev/drbd0',
    disk: '/dev/sdb',
    metaDisk: 'internal',
    hosts: [
      { name: 'alice', address: '10.1.1.31:7789' },
      { name: 'bob', address: '10.1.1.32:7789' },
    ],
  } as const;
  it('check meaning with the option tables and checks of parse, listing every problem', () => {
    const e = thrown(() =>
      drbd.resource({
        ...base,
        net: { protocol: 'D', 'bogus-opt': 1 },
        hosts: [{ name: 'alice', address: '10.1.1.31:99999' }, base.hosts[1]],
      }),
    );
    expect(e.issues).toEqual([
      {
        code: 'drbd/bad-value',
        path: ['sections', 0, 'options', 0, 'value'],
        message: 'Invalid value `D` for `protocol`: expected `A`, `B` or `C`',
      },
      {
        code: 'drbd/unknown-option',
        path: ['sections', 0, 'options', 1, 'name'],
        message: 'Unknown option `bogus-opt` in `net` options',
      },
      {
        code: 'drbd/range',
        path: ['hosts', 0, 'address', 'port'],
        message: 'Invalid port `99999`: expected 1 to 65535',
      },
    ]);
    expect(e.message).toContain('hosts[0].address.port: Invalid port `99999`');
  });
  it('require node-ids with more than two hosts, as drbdadm does', () => {
    const three = {
      ...base,
      hosts: [...base.hosts, { name: 'carol', address: '10.1.1.33:7789' }],
      mesh: true,
    };
    expect(thrown(() => drbd.resource(three)).issues.map((i) => [i.code, formatIssuePath(i.path)])).toEqual([
      ['drbd/semantic', 'hosts[0].nodeId'],
      ['drbd/semantic', 'hosts[1].nodeId'],
      ['drbd/semantic', 'hosts[2].nodeId'],
    ]);
    const ids = { ...three, hosts: three.hosts.map((h, nodeId) => ({ ...h, nodeId })) };
    expect(drbd.resource(ids).hosts.map((h) => h.nodeId)).toEqual([0, 1, 2]);
  });
  it('name the second of two sections of a kind, not the implicit volume around it', () => {
    const r = resourceModel({ ...base, startup: { 'wfc-timeout': 10 } });
    r.sections.push({ kind: 'startup', options: [] });
    expect(thrown(() => drbd.config({ resources: [r] })).issues).toEqual([
      {
        code: 'drbd/duplicate',
        path: ['resources', 0, 'sections', 1],
        message: 'Duplicate `startup` section in resource `r0`',
      },
    ]);
  });
  it('name strings that drbd.conf cannot hold', () => {
    const e = thrown(() =>
      drbd.resource({
        ...base,
        name: 'r\n0',
        hosts: [base.hosts[0], { name: 'b'.repeat(300), address: '10.1.1.32:7789' }],
      }),
    );
    expect(e.issues).toEqual([
      {
        code: 'drbd/lexical',
        path: ['name'],
        message: 'Invalid text: a drbd.conf string cannot hold a newline',
      },
      {
        code: 'drbd/lexical',
        path: ['hosts', 1, 'names', 0],
        message: 'Invalid text: longer than 255 characters',
      },
    ]);
  });
  it('never print a secret in an FtkitError', () => {
    const secret = 'S3cretValue'.repeat(8);
    const e = thrown(() =>
      drbd.resource({ ...base, net: { 'cram-hmac-alg': 'sha1', 'shared-secret': secret } }),
    );
    expect(e.issues.map((i) => [i.code, formatIssuePath(i.path)])).toEqual([
      ['drbd/bad-value', 'sections[0].options[1].value'],
    ]);
    expect(JSON.stringify(e.issues) + e.message).not.toContain('S3cret');
  });
  it('write resource-level disk options once', () => {
    const r = drbd.resource({ ...base, diskOptions: { 'on-io-error': 'detach' } });
    const text = emit(drbd.config({ resources: [r] }));
    expect(text.match(/disk \{/g)).toHaveLength(1);
    expect(parse(text).diagnostics).toEqual([]);
  });
  it('check options against the tables of the DRBD version asked for', () => {
    // `quorum` is a DRBD 9 resource option; drbdadm-84 does not know it
    const input = { ...base, options: { quorum: 'majority' } };
    expect(drbd.resource(input).sections[0]!.options[0]!.name).toBe('quorum');
    expect(thrown(() => drbd.resource(input, { drbdVersion: '8.4' })).issues[0]).toMatchObject({
      code: 'drbd/unknown-option',
      path: ['sections', 0, 'options', 0, 'name'],
    });
    const r84 = drbd.resource({ ...base, net: { protocol: 'C' } }, { drbdVersion: '8.4' });
    expect(drbd.config({ drbdVersion: '8.4', resources: [r84] }).drbdVersion).toBe('8.4');
  });
  it('config paths start at the config', () => {
    const r = resourceModel({
      ...base,
      name: 'r1',
      device: '/dev/drbd1',
      hosts: [base.hosts[0], { name: 'bob', address: '10.1.1.32:70000' }],
    });
    const e = thrown(() => drbd.config({ resources: [resourceModel(base), r] }));
    expect(e.issues.map((i) => i.path)).toEqual([['resources', 1, 'hosts', 1, 'address', 'port']]);
  });
});

function thrown(f: () => unknown): FtkitError {
  try {
    f();
  } catch (e) {
    if (e instanceof FtkitError) return e;
    throw e;
  }
  throw new Error('expected an FtkitError');
}

describe('one error class: FtkitError with a drbd/ code and the field path', () => {
  const caught = (f: () => unknown): FtkitError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FtkitError);
      return e as FtkitError;
    }
    throw new Error('expected an FtkitError');
  };
  const codePath = (e: FtkitError) => [e.code, e.path];
  const text = two();

  it('builders given values of the wrong kind (from JavaScript) throw no TypeError or ZodError', () => {
    expect(codePath(caught(() => drbd.resource({ name: 'r0', hosts: 5 } as never)))).toEqual([
      'drbd/invalid-shape',
      [],
    ]);
    expect(
      codePath(
        caught(() => drbd.resource({ name: 7, hosts: [{ name: 'a', address: '10.1.1.1:1' }] } as never)),
      ),
    ).toEqual(['drbd/invalid-shape', ['name']]);
    expect(codePath(caught(() => drbd.config({ resources: 5 } as never)))).toEqual([
      'drbd/invalid-shape',
      [],
    ]);
    expect(codePath(caught(() => drbd.option('no spaces allowed', 1)))).toEqual([
      'drbd/invalid-shape',
      ['name'],
    ]);
    const e = caught(() => drbd.config({ resources: [{ name: 'r0' }] } as never));
    expect(e.issues.every((i) => i.code === 'drbd/invalid-shape' && i.path[0] === 'resources')).toBe(true);
    expect(e.issues.length).toBeGreaterThan(1);
    expect(e.message).toMatch(/^Invalid config: \d+ problems:\n {2}- resources\[0\]\./);
  });

  it('edits name the field of the target that is not in the text', () => {
    expect(
      codePath(
        caught(() => setOption(text, { resource: 'r9', section: 'net', name: 'protocol', value: 'C' })),
      ),
    ).toEqual(['drbd/edit-unknown-resource', ['resource']]);
    expect(codePath(caught(() => removeOption(text, { section: 'net', name: 'protocol' })))).toEqual([
      'drbd/edit-no-common',
      ['resource'],
    ]);
    expect(codePath(caught(() => removeHost(text, { resource: 'r0', name: 'carol' })))).toEqual([
      'drbd/edit-unknown-host',
      ['name'],
    ]);
    expect(
      codePath(
        caught(() =>
          addVolume(text, { resource: 'r0', host: 'carol', volume: { number: 1, disk: '/dev/sdc' } }),
        ),
      ),
    ).toEqual(['drbd/edit-unknown-host', ['host']]);
    expect(
      codePath(
        caught(() => setOption(text, { resource: 'r0', section: 'net', name: 'protocol', value: 'C\nD' })),
      ),
    ).toEqual(['drbd/lexical', ['value']]);
  });

  it('emit and edit.quote refuse text drbd.conf cannot hold with drbd/lexical', () => {
    const model = parse(text).model;
    const bad = { ...model, resources: [{ ...model.resources[0]!, name: 'r\n0' }] };
    expect(caught(() => emit(bad)).code).toBe('drbd/lexical');
    expect(caught(() => emit(bad)).message).toBe('Invalid text: a drbd.conf string cannot hold a newline');
    expect(caught(() => edit.quote('x'.repeat(300))).code).toBe('drbd/lexical');
  });
});

describe('schema and descriptor', () => {
  it('detects drbd files by name and content', () => {
    expect(drbdConfFormat.detect('/etc/drbd.conf', '')).toBe(1);
    expect(drbdConfFormat.detect('/etc/drbd.d/r0.res', '')).toBe(1);
    expect(drbdConfFormat.detect('/etc/drbd.d/global_common.conf', '')).toBe(0.9);
    expect(drbdConfFormat.detect('/tmp/x', 'resource r0 {\n')).toBe(0.6);
    expect(drbdConfFormat.detect('/tmp/x', 'key=value\n')).toBe(0);
  });
});

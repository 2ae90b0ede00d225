import { memoryReader, ParseError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { dump, parse } from '../src/index.js';

const TEXT = `resource r {
    on alice {
        device /dev/drbd1;
        disk /dev/sdb1;
        address 10.1.1.31:7789;
        meta-disk internal;
        node-id 0;
    }
    on bob {
        device /dev/drbd1;
        disk /dev/sdb1;
        address 10.1.1.32:7789;
        meta-disk internal;
        node-id 1;
    }
    net { shared-secret "not-for-logs"; }
}
`;

describe('dump of a text or a model', () => {
  it('prints the same text from the text as from the parsed model', () => {
    const r = parse(TEXT, { fileName: '/etc/drbd.conf' });
    expect(r.diagnostics).toEqual([]);
    const opts = { host: 'alice', configPath: '/etc/drbd.conf' };
    const fromModel = dump(r.model, { ...opts, definedAt: (x) => r.definedAt(x) });
    expect(fromModel).toContain('# defined at /etc/drbd.conf:1');
    expect(dump(TEXT, { ...opts, fileName: '/etc/drbd.conf', definedAt: true })).toBe(fromModel);
    expect(dump(TEXT, opts)).toBe(dump(r.model, opts));
    expect(dump(TEXT, opts)).not.toContain('defined at');
  });

  it('reads the text with the version given, 9 by default', () => {
    const old =
      'resource r { syncer { rate 10M; } on a { device /dev/drbd0; disk /dev/sda; address 10.0.0.1:7788; meta-disk internal; } on b { device /dev/drbd0; disk /dev/sda; address 10.0.0.2:7788; meta-disk internal; } }\n';
    expect(() => dump(old, { host: 'a' })).toThrow(ParseError);
    expect(dump(old, { host: 'a', drbdVersion: '8.4' })).toBe(
      dump(parse(old, { drbdVersion: '8.4' }).model, { host: 'a', drbdVersion: '8.4' }),
    );
  });

  it('follows includes through the reader, as parse does', () => {
    const reader = memoryReader({ '/etc/drbd.d/r.res': TEXT });
    const main = 'include "drbd.d/*.res";\n';
    const out = dump(main, { host: 'alice', fileName: '/etc/drbd.conf', reader });
    expect(out).toContain('resource r {');
  });

  it('throws a ParseError carrying every diagnostic where drbdadm refuses the text', () => {
    const bad = TEXT.replace('node-id 1;', 'node-id 0;');
    let caught: unknown;
    try {
      dump(bad, { host: 'alice' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).diagnostics).toEqual(parse(bad).diagnostics);
    expect((caught as ParseError).diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('redacts shared secrets on request', () => {
    expect(dump(TEXT, { host: 'alice', redact: true })).not.toContain('not-for-logs');
    expect(dump(TEXT, { host: 'alice' })).toContain('not-for-logs');
  });
});

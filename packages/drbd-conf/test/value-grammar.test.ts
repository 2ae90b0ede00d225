import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAddress } from '../src/model/build.js';
import { addressTextGrammar, readValue } from '../src/model/value-grammar.js';
import { drbd } from '../src/schema-entry.js';

// The code the grammar replaced, kept here as the differential oracle: the parsimmon grammar
// must read every string exactly as it did.
function oldParseAddress(a: string) {
  const v6 = /^\[([^\]]+)\]:(.+)$/.exec(a);
  if (v6) return { family: 'ipv6', ip: v6[1]!, port: v6[2]! };
  const i = a.lastIndexOf(':');
  return { ip: i < 0 ? a : a.slice(0, i), port: i < 0 ? '' : a.slice(i + 1) };
}

// Strings built from the characters that matter to the grammar, plus anything at all.
const addressText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abf:[]%. \n'.split('')), maxLength: 16 }),
  fc.string({ maxLength: 16 }),
  fc
    .tuple(fc.constantFrom('[', ''), fc.string({ maxLength: 8 }), fc.constantFrom(']:', ':', ']', ''))
    .map(([a, b, c]) => `${a}${b}${c}${b}`),
);

describe('builder address strings', () => {
  test('IPv4, IPv6 in brackets, several colons, and a missing port', () => {
    expect(readValue(addressTextGrammar, '10.0.0.1:7789')).toEqual({ ip: '10.0.0.1', port: '7789' });
    expect(readValue(addressTextGrammar, '[fd00::1]:7789')).toEqual({
      family: 'ipv6',
      ip: 'fd00::1',
      port: '7789',
    });
    expect(parseAddress('fd00::1:7789')).toEqual({ ip: 'fd00::1', port: '7789' });
    expect(parseAddress('alice')).toEqual({ ip: 'alice', port: '' });
    expect(parseAddress('[::1]:')).toEqual({ ip: '[::1]', port: '' });
    expect(parseAddress('')).toEqual({ ip: '', port: '' });
    // fast-check found it: a port with a line break is not the bracketed form
    expect(parseAddress('[0]:\n')).toEqual({ ip: '[0]', port: '\n' });
  });

  test('a model address passes through as the same object', () => {
    const a = { family: 'ipv4' as const, ip: '10.0.0.1', port: '7789' };
    expect(parseAddress(a)).toBe(a);
  });

  test('reads every string exactly as the replaced code did', () => {
    fc.assert(
      fc.property(addressText, (t) => {
        expect(parseAddress(t)).toEqual(oldParseAddress(t));
      }),
      { numRuns: 5000 },
    );
  });

  test('drbd.resource reads its address strings through the grammar', () => {
    const r = drbd.resource({
      name: 'r0',
      device: '/dev/drbd0',
      disk: '/dev/sdb',
      metaDisk: 'internal',
      hosts: [
        { name: 'alice', address: '[fd00::1]:7789' },
        { name: 'bob', address: '10.1.1.32:7789' },
      ],
    });
    expect(r.hosts.map((h) => h.address)).toEqual([
      { family: 'ipv6', ip: 'fd00::1', port: '7789' },
      { ip: '10.1.1.32', port: '7789' },
    ]);
  });
});

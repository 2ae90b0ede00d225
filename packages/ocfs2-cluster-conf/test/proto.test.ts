import { applyEdits } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { addNode, emit, format, lint, listCluster, parse, rules, summarize } from '../src/index.js';

const evil = `cluster:
\tname = __proto__
\theartbeat_mode = local
\tnode_count = 2

node:
\tcluster = __proto__
\tnumber = 1
\tip_port = 7777
\tip_address = 10.0.0.1
\tname = constructor

node:
\tcluster = __proto__
\tnumber = 2
\tip_port = 7777
\tip_address = 10.0.0.2
\tname = __proto__

__proto__:
\t__proto__ = 1
\tconstructor = x
`;

describe('names such as __proto__ and constructor', () => {
  it('are plain data and never reach a prototype', () => {
    const r = parse(evil);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const c = r.model.clusters[0]!;
    expect(c.name).toBe('__proto__');
    expect(c.nodes.map((n) => n.name)).toEqual(['constructor', '__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('1');
    expect(listCluster(r.model, '__proto__')).toContain('name = __proto__');
    expect(summarize(r.model)[0]!.nodes).toHaveLength(2);
    expect(parse(emit(r.model)).model).toEqual(r.model);
    const l = lint(evil);
    expect(l.diagnostics.map((d) => d.code)).toContain('stanza-unknown');
    expect(l.diagnostics.map((d) => d.code)).toContain('cluster-name-format');
    expect(
      applyEdits(evil, addNode(evil, '__proto__', { name: 'toString', ipAddress: '10.0.0.3' })),
    ).toContain('name = toString');
    expect(Object.getPrototypeOf(rules)).toBeNull();
    expect(Object.hasOwn(rules, '__proto__')).toBe(false);
  });

  it('lint settings with a __proto__ key are harmless', () => {
    const settings = JSON.parse(
      '{"regionDevices": {"__proto__": "/dev/nvme0n1"}, "hostname": "constructor"}',
    );
    expect(() => lint(evil, { settings })).not.toThrow();
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe('a stanza named after an Object.prototype member', () => {
  // Reproduction: /work/shared/reliability/ocfs2-constructor-stanza.conf made format() throw
  // `order.indexOf is not a function` and two rules fail with `keys.includes is not a function`.
  const names = [
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__proto__',
    '__defineGetter__',
    'isPrototypeOf',
  ];
  it.each(names)('`%s:` is an unknown stanza for format() and every rule', (name) => {
    const text = `cluster:\n\tnode_count = 1\n\tname = c\n\n${name}:\n\tname = x\n\tnumber = 1\n\t${name} = 2\n`;
    const f = format(text);
    expect(f.text).toContain(`${name}:\n`);
    const codes = lint(text).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes.filter((c) => c.includes('failed'))).toEqual([]);
    expect(codes.some((c) => c.startsWith('stanza-unknown'))).toBe(true);
    // The same names in the other case spelling reach keyword-case's lower-casing path.
    const upper = text.replace(`${name}:`, `${name[0]!.toUpperCase()}${name.slice(1)}:`);
    expect(lint(upper).diagnostics.filter((d) => d.message.includes('failed'))).toEqual([]);
  });
});

import { fc, test } from '@fast-check/vitest';
import { FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type ClusterConf,
  clusterNames,
  emit,
  heartbeatModeOf,
  listCluster,
  parse,
  summarize,
} from '../src/index.js';
import { strtoul } from '../src/model/compose.js';
import {
  ClusterConfCommandSchema,
  ClusterConfKernelSchema,
  ClusterConfSchema,
  clusterConfJsonSchema,
  defineClusterConf,
  TIER_SCHEMAS,
} from '../src/schema.js';

const nodeArb = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/),
  number: fc.integer({ min: 0, max: 2147483646 }),
  ipAddress: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.')),
  ipPort: fc.integer({ min: 0, max: 4294967295 }),
});
const modelArb = fc
  .uniqueArray(
    fc.record({
      name: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
      heartbeatMode: fc.constantFrom('local' as const, 'global' as const),
      nodeCount: fc.integer({ min: 0, max: 4294967295 }),
      nodes: fc.uniqueArray(nodeArb, { selector: (n) => n.name, maxLength: 5 }),
      heartbeats: fc.uniqueArray(fc.record({ region: fc.stringMatching(/^[0-9A-F]{32}$/) }), {
        selector: (h) => h.region,
        maxLength: 3,
      }),
    }),
    { selector: (c) => c.name, maxLength: 3 },
  )
  .map((clusters) => ({ clusters }));

describe('emit', () => {
  test.prop([modelArb])('parse(emit(m)).model equals m, without diagnostics', (m) => {
    const r = parse(emit(m));
    expect(r.diagnostics).toEqual([]);
    expect(r.model).toEqual(m);
  });

  it('writes an empty file for no clusters and o2cb bytes for values', () => {
    expect(emit({ clusters: [] })).toBe('');
    const m = defineClusterConf({
      clusters: [{ name: '', nodes: [{ name: 'a\nb', number: 1, ipAddress: '1.2.3.4' }] }],
    });
    expect(emit(m)).toBe(
      'cluster:\n\tname =\n\theartbeat_mode = local\n\tnode_count = 1\n\nnode:\n\tcluster =\n\tnumber = 1\n\tip_port = 7777\n\tip_address = 1.2.3.4\n\tname = a\\\nb\n\n',
    );
    expect(parse(emit(m)).model).toEqual(m);
  });
});

describe('schemas', () => {
  it('JSON Schema is generated and shipped as a file', async () => {
    await expect(`${JSON.stringify(clusterConfJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../schema/cluster-conf.schema.json',
    );
  });

  it('parse to the model types of the main entry', () => {
    expectTypeOf<z.output<typeof ClusterConfSchema>>().toEqualTypeOf<ClusterConf>();
  });

  it('each tier is stricter than the one before', () => {
    const m = defineClusterConf({
      clusters: [
        {
          name: 'web-prod',
          nodes: [
            { name: 'a', number: 300, ipAddress: '10.0.0.1', ipPort: 0 },
            { name: 'b', number: 300, ipAddress: '10.0.0.1' },
          ],
        },
      ],
    });
    expect(ClusterConfSchema.safeParse(m).success).toBe(true);
    const cmd = ClusterConfCommandSchema.safeParse(m);
    expect(cmd.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'clusters.0.name',
      'clusters.0.nodes.0.number',
      'clusters.0.nodes.1.number',
      'clusters.0.nodes.1.number',
    ]);
    const kernel = ClusterConfKernelSchema.safeParse(m);
    expect(kernel.error?.issues.map((i) => i.path.join('.'))).toContain('clusters.0.nodes.0.ipPort');
    expect(kernel.error?.issues.map((i) => i.path.join('.'))).toContain('clusters.0.nodes.1.ipAddress');
    expect(Object.keys(TIER_SCHEMAS)).toEqual(['load', 'command', 'kernel']);
  });

  it('defineClusterConf refuses what o2cb cannot load', () => {
    expect(() => defineClusterConf({ clusters: [{ name: 'a' }, { name: 'a' }] })).toThrow(
      /Duplicate cluster name/,
    );
    const bad = () =>
      defineClusterConf({
        clusters: [{ name: 'a', nodes: [{ name: 'n', number: 1, ipAddress: '010.0.0.1' }] }],
      });
    expect(bad).toThrow(FtkitError);
    expect(bad).toThrow(/IPv4/);
    try {
      bad();
    } catch (e) {
      expect([(e as FtkitError).code, (e as FtkitError).path]).toEqual([
        'ocfs2/invalid-model',
        ['clusters', 0, 'nodes', 0, 'ipAddress'],
      ]);
    }
    expect(() => defineClusterConf({} as never)).toThrow(FtkitError);
  });
});

describe('o2cb number reading', () => {
  it.each([
    ['3', 3n],
    ['+3', 3n],
    ['010', 10n],
    ['-0', 0n],
    ['-1', 18446744073709551615n],
    ['99999999999999999999999', 18446744073709551615n],
  ])('%s', (s, v) => {
    expect(strtoul(s)).toEqual({ ok: true, value: v });
  });
  it.each(['', 'x', '0x10', '3 # c', '1 2', '+'])('%j is not a number', (s) => {
    expect(strtoul(s).ok).toBe(false);
  });
});

describe('helpers for other files', () => {
  const r = parse(
    'cluster:\n\tname = web\n\theartbeat_mode = GLOBAL\n\tnode_count = 1\nnode:\n\tname = w1\n\tcluster = web\n\tnumber = 1\n\tip_address = 10.0.0.1\n\tip_port = 4294967295\n',
  );
  it('summarize, clusterNames, heartbeatModeOf', () => {
    expect(clusterNames(r.model)).toEqual(['web']);
    expect(heartbeatModeOf(r.model, 'web')).toBe('global');
    expect(heartbeatModeOf(r.model, 'nope')).toBeUndefined();
    expect(summarize(r.model)).toEqual([
      {
        name: 'web',
        heartbeatMode: 'global',
        nodes: [{ name: 'w1', number: 1, ipAddress: '10.0.0.1', ipPort: 4294967295 }],
        regions: [],
      },
    ]);
  });
  it('listCluster prints o2cb numbers as signed 32-bit, and the --oneline form', () => {
    expect(listCluster(r.model, 'web')).toContain('\tip_port = -1\n');
    expect(listCluster(r.model, 'web', { oneline: true })).toBe(
      'node: 1 w1 10.0.0.1:-1 web\ncluster: 1 global web\n',
    );
  });
});

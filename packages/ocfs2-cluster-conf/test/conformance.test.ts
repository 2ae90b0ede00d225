import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, type TextEdit } from '@ftkit/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addCluster,
  addHeartbeat,
  addNode,
  ClusterConfEditError,
  emit,
  format,
  parse,
  removeNode,
  setHeartbeatMode,
  simulateO2cbListCluster,
} from '../src/index.js';
import { clusterConfFile, Scratch } from './support/o2cb.js';

// Conformance against the real o2cb (ocfs2-tools 1.8.7). These fail, never skip, without o2cb.
const scratch = new Scratch();
afterAll(() => scratch.dispose());

/** The cluster a generated file is most interesting to list: its first cluster name, else `a`. */
function pickName(text: string): string {
  return (
    /^cluster:[^\n]*\n(?:[ \t#][^\n]*\n)*?[ \t]+name[ \t]*=[ \t]*([^\n]*?)[ \t]*$/m.exec(text)?.[1] ?? 'a'
  );
}

function compare(text: string, name: string) {
  scratch.write(text);
  const real = scratch.o2cb('list-cluster', name);
  const ours = simulateO2cbListCluster(text, name, 'cluster.conf');
  return { real, ours };
}

describe('list-cluster agrees with o2cb', () => {
  const dir = join(import.meta.dirname, 'fixtures');
  const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  it.each(cases.map((d) => d.name))('fixture %s', (c) => {
    const text = readFileSync(join(dir, c, 'cluster.conf'), 'latin1');
    for (const f of readdirSync(join(dir, c)).filter((x) => x.endsWith('.list.txt'))) {
      const { real, ours } = compare(text, f.replace(/\.list\.txt$/, ''));
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stderr).toBe(real.stderr);
      expect(ours.exitCode).toBe(real.status);
    }
  });

  it('on 250 generated files: same output, and o2cb accepts exactly the files without o2cb-tier errors', () => {
    let accepted = 0;
    fc.assert(
      fc.property(clusterConfFile, (text) => {
        const name = pickName(text);
        const { real, ours } = compare(text, name);
        expect({ text, out: ours.stdout, err: ours.stderr, code: ours.exitCode }).toEqual({
          text,
          out: real.stdout,
          err: real.stderr,
          code: real.status,
        });
        // "free of errors" ⇔ o2cb loads the file.
        const parsed = parse(text);
        expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(real.status !== 0);
        if (real.status === 0) accepted++;
      }),
      { numRuns: 250 },
    );
    // The generator must reach both outcomes, or the agreement says little.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(230);
  });
});

describe('format --check passes on files o2cb wrote', () => {
  it.each(['o2cb-local-2node', 'o2cb-global-3node', 'o2cb-two-clusters', 'o2cb-5node-custom-port'])(
    '%s',
    (c) => {
      const text = readFileSync(join(import.meta.dirname, 'fixtures', c, 'cluster.conf'), 'utf8');
      expect(format(text).text).toBe(text);
    },
  );
});

// Random o2cb command sequences; the same commands as ftkit text edits on our own copy.
type Op =
  | { op: 'add-cluster'; cluster: string }
  | { op: 'add-node'; cluster: string; name: string; ip: string; number?: number; port?: number }
  | { op: 'add-heartbeat'; cluster: string; region: string }
  | { op: 'heartbeat-mode'; cluster: string; mode: 'local' | 'global' }
  | { op: 'remove-node'; cluster: string; name: string };

const cl = fc.constantFrom('alpha', 'beta', 'c3');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: cl.map((cluster) => ({ op: 'add-cluster' as const, cluster })) },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        op: fc.constant('add-node' as const),
        cluster: cl,
        name: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'db5'),
        ip: fc.integer({ min: 1, max: 6 }).map((i) => `10.0.0.${i}`),
        number: fc.integer({ min: 0, max: 8 }),
        port: fc.constantFrom(7777, 7778, 1),
      },
      { requiredKeys: ['op', 'cluster', 'name', 'ip'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add-heartbeat' as const),
      cluster: cl,
      region: fc.constantFrom('77D95EF51C0149D2823674FCC162CF8B', 'DCDA2845177F4D59A0F2DCD8DE507CC3', 'R3'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('heartbeat-mode' as const),
      cluster: cl,
      mode: fc.constantFrom('local' as const, 'global' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('remove-node' as const),
      cluster: cl,
      name: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'db5'),
    }),
  },
);

function argsOf(o: Op): string[] {
  switch (o.op) {
    case 'add-cluster':
      return ['add-cluster', o.cluster];
    case 'add-node':
      return [
        'add-node',
        o.cluster,
        o.name,
        '--ip',
        o.ip,
        ...(o.number !== undefined ? ['--number', String(o.number)] : []),
        ...(o.port !== undefined ? ['--port', String(o.port)] : []),
      ];
    case 'add-heartbeat':
      return ['add-heartbeat', o.cluster, o.region];
    case 'heartbeat-mode':
      return ['heartbeat-mode', o.cluster, o.mode];
    case 'remove-node':
      return ['remove-node', o.cluster, o.name];
  }
}

function editsOf(text: string, o: Op): TextEdit[] {
  switch (o.op) {
    case 'add-cluster':
      return addCluster(text, o.cluster);
    case 'add-node':
      return addNode(text, o.cluster, {
        name: o.name,
        ipAddress: o.ip,
        ...(o.number !== undefined ? { number: o.number } : {}),
        ...(o.port !== undefined ? { ipPort: o.port } : {}),
      });
    case 'add-heartbeat':
      return addHeartbeat(text, o.cluster, o.region);
    case 'heartbeat-mode':
      return setHeartbeatMode(text, o.cluster, o.mode);
    case 'remove-node':
      return removeNode(text, o.cluster, o.name);
  }
}

/** Runs a sequence through o2cb and through ftkit's edits; returns both files after each step. */
export function replay(ops: readonly Op[]): { o2cb: string; ours: string; failed: boolean[] } {
  scratch.remove();
  let ours = '';
  const failed: boolean[] = [];
  for (const o of ops) {
    const r = scratch.o2cb(...argsOf(o));
    let ok = true;
    try {
      ours = applyEdits(ours, editsOf(ours, o));
    } catch (e) {
      if (!(e instanceof ClusterConfEditError)) throw e;
      ok = false;
    }
    // o2cb exits 0 for `add-cluster` of an existing name (it prints an error but changes nothing).
    const o2cbChanged = r.status === 0 && r.stderr === '';
    expect({ op: o, ok }).toEqual({ op: o, ok: o2cbChanged });
    failed.push(!ok);
  }
  return { o2cb: scratch.read(), ours, failed };
}

describe('o2cb command sequences', () => {
  it('our emit of the resulting model, and our text edits, equal o2cb byte for byte (40 sequences)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
        const { o2cb, ours } = replay(ops);
        const parsed = parse(o2cb);
        expect(parsed.diagnostics).toEqual([]);
        expect(emit(parsed.model)).toBe(o2cb);
        expect(ours).toBe(o2cb);
      }),
      { numRuns: 40 },
    );
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, FtkitError, type TextEdit } from '@ftkit/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { addCluster, addHeartbeat, addNode, removeNode, setHeartbeatMode } from '../../src/index.js';

/** Path of the real o2cb; the conformance tests fail (never skip) without it. */
export function o2cbPath(): string {
  for (const p of ['/usr/sbin/o2cb', '/sbin/o2cb', '/usr/bin/o2cb']) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v o2cb'], { encoding: 'utf8' });
  const found = r.stdout.trim();
  if (r.status === 0 && found) return found;
  throw new Error(
    'o2cb not found: install ocfs2-tools (apt-get install ocfs2-tools) to run the conformance tests',
  );
}

/** A scratch directory holding one `cluster.conf`. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'ftkit-o2cb-'));
  readonly file = join(this.dir, 'cluster.conf');
  write(text: string): void {
    writeFileSync(this.file, text, 'latin1');
  }
  read(): string {
    return existsSync(this.file) ? readFileSync(this.file, 'latin1') : '';
  }
  remove(): void {
    rmSync(this.file, { force: true });
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
  /** Runs `o2cb --config-file=cluster.conf ARGS…` inside the directory (relative path in messages). */
  o2cb(...args: string[]): { stdout: string; stderr: string; status: number } {
    const r = spawnSync(o2cbPath(), ['--config-file=cluster.conf', ...args], {
      cwd: this.dir,
      encoding: 'latin1',
      timeout: 10_000,
    });
    if (r.error) throw r.error;
    const status = r.status ?? (r.signal === 'SIGSEGV' ? 139 : 128);
    return { stdout: r.stdout, stderr: r.stderr, status };
  }
}

// Arbitrary cluster.conf files: mostly well-formed stanzas built from values near every edge o2cb
// checks (numbers, addresses, modes, names), with a sprinkle of lines that break the syntax.
const clusterNames = ['a', 'b', 'web', 'Web', '', 'web # x', '"a"', 'x=y', 'a\tb'];
const numbers = [
  '0',
  '1',
  '7',
  '254',
  '300',
  '+3',
  '010',
  '-0',
  '-1',
  '0x10',
  '3 # c',
  '2147483646',
  '2147483647',
  '4294967295',
  '4294967296',
  '',
  'x',
];
const ips = ['10.0.0.1', '10.0.0.2', '192.168.1.254', '010.0.0.1', '10.1', '10.0.0.256', 'host', '::1', ''];
const modes = ['local', 'global', 'Local', 'GLOBAL', 'none', ''];
const regions = ['77D95EF51C0149D2823674FCC162CF8B', 'DCDA2845177F4D59A0F2DCD8DE507CC3', 'abc', ''];
const nodeNames = ['n1', 'n2', 'N1', 'n1.example.com', 'a b', '', 'n\\\nb', 'n3\\', 'é'];

const indent = fc.constantFrom('\t', '\t', '\t', '  ', ' \t', '        ');
const sep = fc.constantFrom(' = ', ' = ', '=', ' =  ', '\t=\t');
const trail = fc.constantFrom('', '', '', ' ', '\t ', '\r');

function attrLine(key: string, values: readonly string[]) {
  return fc
    .tuple(indent, sep, fc.constantFrom(...values), trail)
    .map(([i, s, v, t]) => `${i}${key}${v === '' ? s.trimEnd() : s}${v}${t}\n`);
}

const keysOf: Record<string, fc.Arbitrary<string>[]> = {
  cluster: [
    attrLine('name', clusterNames),
    attrLine('node_count', numbers),
    attrLine('heartbeat_mode', modes),
  ],
  node: [
    attrLine('name', nodeNames),
    attrLine('cluster', clusterNames),
    attrLine('number', numbers),
    attrLine('ip_address', ips),
    attrLine('ip_port', numbers),
  ],
  heartbeat: [attrLine('region', regions), attrLine('cluster', clusterNames)],
};

/** One stanza: each known key present with high probability, sometimes twice, plus rare extras. */
function stanza(type: string) {
  const keys = keysOf[type]!;
  return fc
    .tuple(
      fc.tuple(...keys.map((k) => fc.option(k, { freq: 8, nil: '' }))),
      fc.option(fc.oneof(...keys), { freq: 6, nil: '' }),
      fc.option(attrLine('owner', ['ops']), { freq: 8, nil: '' }),
    )
    .chain(([lines, dup, extra]) =>
      fc
        .constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '  \n', '\r\n')
        .map((nl) => `${type}:${nl}${lines.join('')}${dup}${extra}`),
    );
}

const noise = fc.constantFrom(
  '# comment\n',
  '# windows\r\n',
  '\r\n',
  ' \r\n',
  '\t# indented comment\n',
  '\n',
  ' \n',
  'cluster :\n',
  'node-x:\n',
  '\tip port = 1\n',
  '\tname web\n',
  ';x\n',
  'Cluster:\n',
  'site_info:\n',
);

/** Whole files: 0–4 clusters' worth of stanzas in any order, separators, occasional noise. */
export const clusterConfFile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: stanza('cluster') },
      { weight: 5, arbitrary: stanza('node') },
      { weight: 2, arbitrary: stanza('heartbeat') },
    ),
    { minLength: 0, maxLength: 7 },
  )
  .chain((stanzas) =>
    fc.tuple(
      fc.constant(stanzas),
      fc.array(fc.constantFrom('\n', '\n', '', '# between\n'), {
        minLength: stanzas.length,
        maxLength: stanzas.length,
      }),
      fc.array(fc.option(noise, { freq: 12, nil: '' }), {
        minLength: stanzas.length,
        maxLength: stanzas.length,
      }),
      fc.boolean(),
    ),
  )
  .map(([stanzas, seps, noises, chopLast]) => {
    let text = stanzas.map((s, i) => s + noises[i] + seps[i]).join('');
    if (chopLast && text.endsWith('\n')) text = text.slice(0, -1);
    return text;
  });

// Random o2cb command sequences; the same commands as ftkit text edits on our own copy.
export type Op =
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
export function replay(
  scratch: Scratch,
  ops: readonly Op[],
): { o2cb: string; ours: string; failed: boolean[] } {
  scratch.remove();
  let ours = '';
  const failed: boolean[] = [];
  for (const o of ops) {
    const r = scratch.o2cb(...argsOf(o));
    let ok = true;
    try {
      ours = applyEdits(ours, editsOf(ours, o));
    } catch (e) {
      if (!(e instanceof FtkitError)) throw e;
      ok = false;
    }
    // o2cb exits 0 for `add-cluster` of an existing name (it prints an error but changes nothing).
    const o2cbChanged = r.status === 0 && r.stderr === '';
    expect({ op: o, ok }).toEqual({ op: o, ok: o2cbChanged });
    failed.push(!ok);
  }
  return { o2cb: scratch.read(), ours, failed };
}

/** Sequences of 1–12 o2cb commands. */
export const opsArb = fc.array(opArb, { minLength: 1, maxLength: 12 });

/** The cluster a generated file is most interesting to list: its first cluster name, else `a`. */
export function pickName(text: string): string {
  return (
    /^cluster:[^\n]*\n(?:[ \t#][^\n]*\n)*?[ \t]+name[ \t]*=[ \t]*([^\n]*?)[ \t]*$/m.exec(text)?.[1] ?? 'a'
  );
}

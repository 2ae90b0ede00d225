import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { staticImports } from '../../../test-support/imports.js';
import { commands } from '../src/commands/index.js';
import { run } from '../src/program.js';
import { memoryIo } from './helpers.js';

// `ftkit --version` and one command should load only what that command uses: registering commands
// must not import a format package, the lab engine or a heavy library (all six formats with zod
// and @ftkit/core cost about 0.25 s of CPU on a cold start; `node -e 0` about 0.05 s). Two
// guards: the static import graph of the CLI entry, and runs that record what was imported.

const src = join(import.meta.dirname, '../src');

/** Packages and local modules the eager CLI path must not import (actions import them lazily). */
const heavy = [
  /^@ftkit\/(?:drbd-conf|ocfs2-cluster-conf|borg-json|borg|proc-drbd|fstab|o2cb-defaults)(?:\/|$)/,
  /^@ftkit\/core(?:\/|$)/,
  /^(?:yaml|diff|tinyglobby|picomatch|write-file-atomic|zod)(?:\/|$)/,
  /^src\/lab\//,
  /^src\/actions\//,
  /^src\/formats\.ts$/,
  /^src\/files\.ts$/,
];

/** Every module reached from `entry` through static imports: local files (relative to the app) and packages. */
function eagerGraph(entry: string): { files: string[]; edges: { from: string; to: string }[] } {
  const files: string[] = [];
  const edges: { from: string; to: string }[] = [];
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    const name = relative(join(src, '..'), file);
    if (files.includes(name)) continue;
    files.push(name);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        // JSON (package.json) is data, not code with imports.
        if (!target.endsWith('.ts')) continue;
        edges.push({ from: name, to: relative(join(src, '..'), target) });
        todo.push(target);
      } else edges.push({ from: name, to: spec });
    }
  }
  return { files, edges };
}

describe('CLI start-up', () => {
  it('finds the imports it has to find (the scanner itself)', () => {
    expect(
      staticImports(
        [
          "import type { A } from '@ftkit/drbd-conf';",
          "import {\n  type B,\n  c,\n} from 'yaml';",
          "import { type D } from 'diff';",
          "export { e } from './e.js';",
          "export type { F } from './f.js';",
          "import 'side-effect';",
          "const g = await import('zod');",
          "export function h(x: string) { return x; } // from 'nowhere'",
        ].join('\n'),
      ),
    ).toEqual(['yaml', 'diff', './e.js', 'side-effect']);
  });

  it('registers commands without a static import of formats, the lab engine or heavy libraries', () => {
    const graph = eagerGraph(join(src, 'cli.ts'));
    // The walk really covers every command registration.
    expect(graph.files).toEqual(
      expect.arrayContaining(['src/program.ts', 'src/commands/index.ts', 'src/commands/lab.ts']),
    );
    const offending = graph.edges.filter((e) => heavy.some((re) => re.test(e.to)));
    expect(offending.map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
    // cli.ts is the CLI, not the library: it does not go through index.ts.
    expect(graph.files).not.toContain('src/index.ts');
  });
});

// Imports of these modules are recorded (the real module is still used), so the runs below can
// tell what a command loaded. vi.mock is hoisted, so the specifiers are written out one by one.
// This relies on vitest's default per-file module isolation: nothing here is loaded before.
const { loaded, record } = vi.hoisted(() => {
  const loaded = new Set<string>();
  const record = (name: string) => async (importOriginal: () => Promise<unknown>) => {
    loaded.add(name);
    return importOriginal();
  };
  return { loaded, record };
});
vi.mock('@ftkit/core', record('@ftkit/core'));
vi.mock('@ftkit/borg-json', record('@ftkit/borg-json'));
vi.mock('@ftkit/borg', record('@ftkit/borg'));
vi.mock('@ftkit/drbd-conf', record('@ftkit/drbd-conf'));
vi.mock('@ftkit/fstab', record('@ftkit/fstab'));
vi.mock('@ftkit/o2cb-defaults', record('@ftkit/o2cb-defaults'));
vi.mock('@ftkit/ocfs2-cluster-conf', record('@ftkit/ocfs2-cluster-conf'));
vi.mock('@ftkit/proc-drbd', record('@ftkit/proc-drbd'));
vi.mock('yaml', record('yaml'));
vi.mock('diff', record('diff'));
vi.mock('zod', record('zod'));
vi.mock('../src/formats.js', record('src/formats.ts'));
vi.mock('../src/lab/spec/load-spec.js', record('src/lab/spec/load-spec.ts'));
vi.mock('../src/lab/spec/spec.js', record('src/lab/spec/spec.ts'));
vi.mock('../src/lab/spec/validate-spec.js', record('src/lab/spec/validate-spec.ts'));

/** `ftkit … --help` for every command and subcommand the CLI registers. */
function helpCommands(): string[][] {
  const program = new Command('ftkit');
  const context = {
    program,
    io: memoryIo('/').io,
    loadFormats: () => Promise.reject(new Error('not while registering')),
    state: { exitCode: 0, color: false, version: '0' },
  };
  for (const register of commands) register(context);
  const paths: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      paths.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program, []);
  return [[], ...paths].map((p) => [...p, '--help']);
}

describe('CLI start-up, recorded', () => {
  it('loads no format package, @ftkit/core, zod, yaml or diff for --version and any --help', async () => {
    const runs = [['--version'], ...helpCommands()];
    expect(runs.length).toBeGreaterThan(15);
    for (const argv of runs) {
      const m = memoryIo('/');
      expect(await run(argv, m.io), argv.join(' ')).toBe(0);
      expect(m.stdout(), argv.join(' ')).not.toBe('');
    }
    expect([...loaded]).toEqual([]);
  });

  it('loads only the format package a command uses', async () => {
    const dir = join(
      import.meta.dirname,
      '../../../packages/ocfs2-cluster-conf/test/fixtures/o2cb-local-2node',
    );
    const m = memoryIo(dir);
    expect(await run(['ocfs2', 'list-cluster', 'cluster.conf', 'ocfs2'], m.io)).toBe(0);
    expect(m.stdout()).toContain('cluster:');
    expect([...loaded].filter((n) => n.startsWith('@ftkit/') && n !== '@ftkit/core')).toEqual([
      '@ftkit/ocfs2-cluster-conf',
    ]);
    expect(loaded.has('src/formats.ts')).toBe(false);
    // The package's main entry loads no zod.
    expect(loaded.has('zod')).toBe(false);
  });

  it('generates the built-in lab with the zod-free entries and @ftkit/borg, no spec schema', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ftkit-startup-'));
    expect(await run(['lab', 'generate', '--out', out], memoryIo('/').io)).toBe(0);
    // Every format package's main entry is zod-free and is what the lab loads.
    for (const name of [
      '@ftkit/drbd-conf',
      '@ftkit/fstab',
      '@ftkit/o2cb-defaults',
      '@ftkit/ocfs2-cluster-conf',
    ])
      expect(loaded.has(name), name).toBe(true);
    expect([...loaded].filter((n) => n.startsWith('@ftkit/') && n.includes('/', 7))).toEqual([]);
    // The borg argv builders live in @ftkit/borg, which reads versions and timestamps from
    // @ftkit/borg-json's main entry; that entry validates documents with zod, so zod is loaded
    // (docs/performance.md, "lab generate and zod"). The spec schema still is not.
    expect(loaded.has('@ftkit/borg')).toBe(true);
    for (const name of ['src/lab/spec/spec.ts', 'src/lab/spec/validate-spec.ts', 'src/formats.ts'])
      expect(loaded.has(name), name).toBe(false);
  });

  it('reads YAML only for YAML and JSON specs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ftkit-startup-'));
    expect(await run(['lab', 'generate', '--out', out], memoryIo('/').io)).toBe(0);
    expect(await run(['lab', 'check', out], memoryIo('/').io)).toBe(0);
    expect(loaded.has('src/lab/spec/load-spec.ts')).toBe(false);
    writeFileSync(join(out, 'lab.yaml'), 'nodes: []\n');
    expect(await run(['lab', 'generate', 'lab.yaml', '--out', 'x'], memoryIo(out).io)).toBe(1);
    expect(loaded.has('src/lab/spec/load-spec.ts')).toBe(true);
    // A spec file is validated with the schema: the recording does see zod when it is loaded.
    expect(loaded.has('src/lab/spec/validate-spec.ts')).toBe(true);
    expect(loaded.has('zod')).toBe(true);
  });
});

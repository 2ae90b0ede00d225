import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

/** The repository root (this file is apps/lab/test/e2e/helpers.ts). */
export const root = resolve(import.meta.dirname, '../../../..');

/** The `ftkit` that `npm ci` links, run the way a shell runs it (its `#!/usr/bin/env node` line picks the Node). */
export const bin = join(root, 'node_modules/.bin/ftkit');

/** The e2e fixtures (see fixtures/SOURCES.md). */
export const fixtures = join(import.meta.dirname, 'fixtures');

/** A Node the suite runs `ftkit` on: its directory goes first on PATH. */
export interface NodeUnderTest {
  readonly label: string;
  readonly dir: string;
  readonly version: string;
}

const versionOf = (node: string) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

const supported = (version: string) => {
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
};

/**
 * The Nodes to run on: the repository's own Node 22 (the `node` devDependency, which `npm run`
 * puts first on PATH) and the machine's Node, the first `node` on PATH outside any node_modules
 * (Node 20.19 or later; the engines floor). A missing repository Node is a failure, not a skip.
 */
export function nodesUnderTest(): NodeUnderTest[] {
  const repoNode = join(root, 'node_modules/node/bin/node');
  if (!existsSync(repoNode)) throw new Error(`${repoNode} is missing: run \`npm ci\` at the repository root`);
  const nodes: NodeUnderTest[] = [
    { label: 'repository Node', dir: dirname(repoNode), version: versionOf(repoNode) },
  ];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = versionOf(candidate);
    if (version !== nodes[0]!.version && supported(version))
      nodes.push({ label: 'machine Node', dir, version });
    break;
  }
  return nodes;
}

/** PATH with `node.dir` first, as a shell would find it. */
export function pathFor(node: NodeUnderTest): string {
  return [node.dir, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter);
}

/** The environment of a run: the caller's, without colour settings that would change the output. */
export function envFor(node: NodeUnderTest, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathFor(node), ...extra };
  for (const key of ['NO_COLOR', 'FORCE_COLOR']) if (!(key in extra)) delete env[key];
  return env;
}

/** The result of one run of the shipped binary. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link ftkit}. */
export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly env?: Record<string, string>;
  readonly uid?: number;
  readonly gid?: number;
}

/** Runs node_modules/.bin/ftkit with `args` on `node`, as a child process. */
export function ftkit(node: NodeUnderTest, args: readonly string[], options: RunOptions = {}): Run {
  const result = spawnSync(bin, [...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: envFor(node, options.env),
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `script` with /bin/sh, `ftkit` on PATH through node_modules/.bin (for pipes such as `| head -1`). */
export function shell(node: NodeUnderTest, script: string, cwd: string): Run {
  const result = spawnSync('/bin/sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...envFor(node), PATH: [dirname(bin), pathFor(node)].join(delimiter) },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'ftkit-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

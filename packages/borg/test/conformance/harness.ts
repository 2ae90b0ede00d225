import { execFileSync, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCreate, buildInit, buildPrune } from '../../src/command/build.js';
import type { PrunePolicy } from '../../src/prune/plan.js';

/** The real tools under test; tests fail (not skip) when one is missing. */
export const TOOLS = { borg: 'borg', borg2: 'borg2' } as const;

/** Fails with an install hint when `tool` is not on PATH. */
export function requireTool(tool: string): void {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `\`${tool}\` is not installed: install it (Debian: apt-get install borgbackup borgbackup2) to run the borg conformance tests`,
    );
}

/** A scratch place for repositories, with borg's state kept inside it. */
export function scratch(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `ftkit-${prefix}-`));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    LANG: 'C.UTF-8',
    TZ: 'Europe/Berlin',
    BORG_BASE_DIR: join(root, 'base'),
    BORG_PASSPHRASE: 'secret123',
    BORG_DISPLAY_PASSPHRASE: 'no',
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
  };
  return { root, env };
}

/** Runs argv; returns stdout, stderr and status (never throws for a non-zero exit). */
export function runTool(argv: readonly string[], env: Record<string, string>, cwd?: string) {
  const r = spawnSync(argv[0]!, argv.slice(1), { env, cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

/** Writes the tree of the fixture README: unicode, spaces, symlinks, a hard link, empty files, a fifo. */
export function makeTree(root: string): string {
  const d = join(root, 'data');
  mkdirSync(join(d, 'subdir'), { recursive: true });
  mkdirSync(join(d, 'emptydir'));
  writeFileSync(join(d, 'hello.txt'), 'hello world\n');
  linkSync(join(d, 'hello.txt'), join(d, 'hardlink-to-hello.txt'));
  writeFileSync(join(d, 'empty.txt'), '');
  writeFileSync(join(d, 'file with spaces.txt'), 'spaces\n');
  writeFileSync(join(d, 'ünïcødé-文件.txt'), 'unicode\n');
  writeFileSync(join(d, 'quote"and\\backslash.txt'), 'q\n');
  writeFileSync(join(d, 'script.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  writeFileSync(join(d, 'subdir', 'nested.txt'), 'nested\n');
  symlinkSync('hello.txt', join(d, 'link-to-hello'));
  symlinkSync('does-not-exist', join(d, 'broken-link'));
  execFileSync('mkfifo', [join(d, 'fifo')]);
  const t = new Date('2024-05-06T07:08:09.123Z');
  utimesSync(join(d, 'hello.txt'), t, t);
  return d;
}

/** Creates a repository and archives with given UTC times (`--timestamp`). */
export function makeHistory(
  tool: 'borg' | 'borg2',
  repo: string,
  env: Record<string, string>,
  cwd: string,
  archives: readonly { name: string; utc: Date }[],
): void {
  const v = tool === 'borg' ? '1.2' : '2.0';
  const init = runTool(buildInit({ repo, encryption: 'none', borgVersion: v, binary: tool }), env, cwd);
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  for (const a of archives) {
    const ts = `${a.utc.toISOString().slice(0, 19)}${tool === 'borg' ? '' : '+00:00'}`;
    const r = runTool(
      buildCreate({
        repo,
        archive: a.name,
        paths: ['data/subdir'],
        timestamp: ts,
        borgVersion: v,
        binary: tool,
      }),
      env,
      cwd,
    );
    if (r.status !== 0) throw new Error(`create ${a.name} failed: ${r.stderr}`);
  }
}

/** A small deterministic PRNG (mulberry32) so failures reproduce from the seed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random archive times over two years before `end`, with extras on the Berlin DST nights and
 * around New Year, ISO-week borders and two archives in one hour; sorted, unique seconds.
 */
export function randomTimes(rand: () => number, count: number, end: Date): Date[] {
  const two = 2 * 365 * 86_400_000;
  const set = new Set<number>();
  const special = [
    '2025-03-30T00:30:00Z',
    '2025-10-26T00:30:00Z',
    '2025-10-26T01:30:00Z',
    '2024-12-31T23:30:00Z',
    '2025-12-28T22:59:59Z',
  ];
  for (const s of special) if (rand() < 0.7) set.add(Date.parse(s));
  while (set.size < count) {
    const r = rand();
    // Dense near the end (like real backups), sparse further back.
    const back = r < 0.5 ? rand() * 14 * 86_400_000 : r < 0.8 ? rand() * 120 * 86_400_000 : rand() * two;
    set.add(Math.floor((end.getTime() - back) / 1000) * 1000);
  }
  return [...set].sort((a, b) => a - b).map((t) => new Date(t));
}

/** A random retention policy for the classic engine (always at least one rule). */
export function randomPolicy(rand: () => number, withQuarterly = false): PrunePolicy {
  const p: Record<string, unknown> = {};
  const pick = (n: number) => 1 + Math.floor(rand() * n);
  if (rand() < 0.25) p.keepWithin = `${pick(20)}${['H', 'd', 'w', 'm'][Math.floor(rand() * 4)]}`;
  if (rand() < 0.2) p.keepLast = pick(4);
  if (rand() < 0.15) p.keepMinutely = pick(5);
  if (rand() < 0.3) p.keepHourly = pick(10);
  if (rand() < 0.6) p.keepDaily = pick(10);
  if (rand() < 0.5) p.keepWeekly = pick(8);
  if (rand() < 0.5) p.keepMonthly = pick(12);
  if (withQuarterly && rand() < 0.3) p.keep13weekly = pick(4);
  if (withQuarterly && rand() < 0.3) p.keep3monthly = pick(4);
  if (rand() < 0.4) p.keepYearly = pick(3);
  if (Object.keys(p).length === 0) p.keepDaily = pick(7);
  return p as PrunePolicy;
}

/** `borg prune --dry-run --list` lines for a policy (stderr, one line each). */
export function realPruneLines(
  tool: 'borg' | 'borg2',
  repo: string,
  env: Record<string, string>,
  policy: PrunePolicy,
  glob?: string,
): { lines: string[]; now: number } {
  const now = Date.now();
  const argv = buildPrune({
    repo,
    policy,
    dryRun: true,
    list: true,
    borgVersion: tool === 'borg' ? '1.2' : '2.0',
    binary: tool,
    ...(glob !== undefined ? { glob } : {}),
  });
  const r = runTool(argv, env);
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { lines: r.stderr.split('\n').filter((l) => l !== ''), now };
}

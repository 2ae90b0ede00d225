import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCreate, buildInit } from '../../src/command/build.js';
import { scratch } from './harness.js';

/** One recorded run: what borg printed and how it ended. */
export interface RecordedRun {
  readonly name: string;
  readonly argv: readonly string[];
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The cases every tool is recorded with (file names under test/fixtures/outcome/<tool>/). */
export const OUTCOME_CASES = [
  'success',
  'file-changed',
  'permission-denied',
  'lock-timeout',
  'passphrase-wrong',
  'sigterm',
] as const;

/** Runs argv to completion, optionally starting `during` once the child is up. */
function run(
  argv: readonly string[],
  env: Record<string, string>,
  cwd: string,
  options: { uid?: number; gid?: number } = {},
): { rc: number; stdout: string; stderr: string } {
  const r = spawnSync(argv[0]!, argv.slice(1), {
    env,
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  });
  const rc = r.status ?? (r.signal ? 128 + (r.signal === 'SIGTERM' ? 15 : 9) : -1);
  return { rc, stdout: r.stdout, stderr: r.stderr };
}

/** Runs argv asynchronously, resolving with rc (128+N for a signal, as a shell reports it). */
function runAsync(
  argv: readonly string[],
  env: Record<string, string>,
  cwd: string,
  onStderr?: (chunk: string, child: ChildProcess) => void,
): Promise<{ rc: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      onStderr?.(c, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // borg catches SIGTERM and exits 143 itself; a signal that kills it is 128+N too.
      const n = signal
        ? ({ SIGTERM: 15, SIGKILL: 9, SIGINT: 2, SIGHUP: 1 } as Record<string, number>)[signal]
        : 0;
      resolve({ rc: code ?? 128 + (n ?? 0), stdout, stderr });
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records the outcome cases against the real `tool` in a scratch directory: a success, a file
 * that changes while borg reads it, a file borg may not read (borg runs as `nobody`), a lock
 * held by another borg, a wrong passphrase, and SIGTERM during `create --progress`.
 */
export async function recordOutcomes(tool: 'borg' | 'borg2'): Promise<RecordedRun[]> {
  const v = tool === 'borg' ? '1.2' : '2.0';
  const { root, env } = scratch(`${tool}-outcome`);
  // Readable for `nobody` (the permission case), like a shared backup source.
  chmodSync(root, 0o755);
  const data = join(root, 'data');
  mkdirSync(join(data, 'sub'), { recursive: true });
  writeFileSync(join(data, 'hello.txt'), 'hello\n');
  writeFileSync(join(data, 'sub', 'notes.txt'), 'notes\n');
  const big = join(root, 'big');
  mkdirSync(big);
  // Random (incompressible, undeduplicable) data so reading takes long enough to change or kill.
  spawnSync('dd', ['if=/dev/urandom', `of=${join(big, 'big.bin')}`, 'bs=1M', 'count=96'], {
    stdio: 'ignore',
  });
  const repo = join(root, 'repo');
  const base = { repo, borgVersion: v, binary: tool, logJson: true };
  const out: RecordedRun[] = [];
  const init = run(
    buildInit({ ...base, encryption: tool === 'borg' ? 'repokey' : 'repokey-aes-ocb' }),
    env,
    root,
  );
  if (init.rc !== 0) throw new Error(`${tool} init failed: ${init.stderr}`);

  const create = (archive: string, paths: string[], extra: Partial<Parameters<typeof buildCreate>[0]> = {}) =>
    buildCreate({ ...base, archive, paths, json: true, ...extra });

  let argv = create('ok', ['data']);
  out.push({ name: 'success', argv, ...run(argv, env, root) });

  // A writer touching the file while borg reads it: borg compares the stat before and after.
  for (let attempt = 0; ; attempt++) {
    const toucher = spawn('sh', ['-c', `while :; do echo x >> '${join(big, 'big.bin')}'; done`], {
      stdio: 'ignore',
    });
    argv = create(`changed-${attempt}`, ['big'], { compression: 'none' });
    const r = await runAsync(argv, env, root);
    toucher.kill('SIGKILL');
    if (r.rc === 1 || attempt === 4) {
      out.push({ name: 'file-changed', argv, ...r });
      break;
    }
  }

  // Permission denied: borg as `nobody` with its own repository, one file only root may read.
  const nobody = { uid: 65534, gid: 65534 };
  const home = join(root, 'nobody');
  mkdirSync(home);
  chownSync(home, nobody.uid, nobody.gid);
  writeFileSync(join(data, 'secret.txt'), 'root only\n', { mode: 0o600 });
  const envNobody = { ...env, HOME: home, BORG_BASE_DIR: join(home, 'base') };
  const repoN = join(home, 'repo');
  const baseN = { ...base, repo: repoN };
  const initN = run(buildInit({ ...baseN, encryption: 'none' }), envNobody, home, nobody);
  if (initN.rc !== 0) throw new Error(`${tool} init as nobody failed: ${initN.stderr}`);
  argv = buildCreate({ ...baseN, archive: 'perm', paths: [data], json: true });
  out.push({ name: 'permission-denied', argv, ...run(argv, envNobody, home, nobody) });

  // A lock held by another borg process.
  const holder = spawn(
    tool,
    tool === 'borg' ? ['with-lock', repo, 'sleep', '60'] : ['-r', repo, 'with-lock', 'sleep', '60'],
    { env, cwd: root, stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !existsSync(join(repo, 'lock.exclusive')); i++) await sleep(100);
  argv = create('locked', ['data'], { lockWait: 1 });
  out.push({ name: 'lock-timeout', argv, ...run(argv, env, root) });
  holder.kill('SIGTERM');
  await new Promise((r) => holder.once('close', r));

  argv = create('wrong-pass', ['data']);
  out.push({ name: 'passphrase-wrong', argv, ...run(argv, { ...env, BORG_PASSPHRASE: 'wrong' }, root) });

  // SIGTERM once borg reports progress: it stops and exits 128 + 15.
  argv = create('killed', ['big'], { progress: true, compression: 'none' });
  let sent = false;
  const killed = await runAsync(argv, env, root, (chunk, child) => {
    if (!sent && chunk.includes('"archive_progress"')) {
      sent = true;
      child.kill('SIGTERM');
    }
  });
  out.push({ name: 'sigterm', argv, ...killed });
  return out;
}

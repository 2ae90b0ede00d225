import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type LabTree, labFiles } from '../tree.js';

/**
 * What happened (or, with `dryRun`, would happen) to one file: `removed` is a file an earlier run
 * generated that this run does not (another mode's files); `conflict` is a file left alone (it
 * differs from what was generated last time, or a symlink is in the way), and then nothing at all
 * is written.
 */
export type WriteStatus = 'created' | 'updated' | 'unchanged' | 'removed' | 'conflict';

/** One file's outcome, with a unified diff for new and changed files. */
export interface WriteResult {
  readonly path: string;
  readonly status: WriteStatus;
  /** Unified diff from the file on disk (or nothing) to the generated text; empty when unchanged. */
  readonly diff: string;
  /** Why a file is a conflict or is removed, in words. */
  readonly reason?: string;
}

/** Options of {@link writeLab}. */
export interface WriteOptions {
  /** Overwrite files that exist and differ, and remove stale ones that were edited (default: report them as conflicts and write nothing). */
  readonly force?: boolean;
  /** Write nothing; only report. */
  readonly dryRun?: boolean;
}

/** The manifest of a written lab: every generated path with the SHA-256 of its text. */
export const MANIFEST_FILE = '.ftkit-lab-manifest.json';

/** Temp files of this writer (and of the versions that named them by process id). */
const TEMP = /^\..+\.ftkit-[0-9a-f]+\.tmp$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readManifest(dir: string): Record<string, string> {
  try {
    // A symlinked manifest could name files anywhere: it is ignored (and replaced on write).
    if (lstatSync(join(dir, MANIFEST_FILE)).isSymbolicLink()) return {};
    const value = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const files = (value as { files?: unknown }).files;
      if (files && typeof files === 'object')
        return Object.fromEntries(
          Object.entries(files as Record<string, unknown>).filter(
            (e): e is [string, string] => typeof e[1] === 'string' && !e[0].split('/').includes('..'),
          ),
        );
    }
  } catch {
    // No manifest (a first run, or a directory written before manifests): nothing is stale.
  }
  return {};
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Why writing `rel` under `dir` would go through a symlink that leaves `dir`, or `undefined`.
 * Every existing component is checked with `lstat`; a symlinked directory inside `dir` that
 * resolves inside `dir` is allowed, one that resolves outside is not. A symlink at the file itself
 * is reported too: its target would be read for the diff.
 */
function symlinkProblem(root: string, rel: string): string | undefined {
  const parts = rel.split('/');
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    cur = join(cur, parts[i]!);
    const st = lstatOrUndefined(cur);
    if (!st) return undefined;
    if (!st.isSymbolicLink()) continue;
    if (i === parts.length - 1) return 'a symlink is in the way';
    let real: string;
    try {
      real = realpathSync(cur);
    } catch {
      return 'a dangling symlink is in the way';
    }
    const inside = relative(root, real);
    if (inside === '' || inside.startsWith('..') || inside.startsWith(sep) || inside.includes(`..${sep}`))
      return `\`${parts.slice(0, i + 1).join('/')}\` is a symlink that leaves the output directory`;
  }
  return undefined;
}

/**
 * The regular files of the node trees of a lab directory (`NODE/…` with an `etc` or `home`
 * directory, also inside `phase-N-…/`) and its `pacemaker-cib.xml` files, as POSIX paths relative
 * to `root`. Symlinks are neither followed nor listed.
 */
function nodeTreeFiles(root: string): string[] {
  const out: string[] = [];
  const dirs = (abs: string) => {
    try {
      return readdirSync(abs).filter((n) => lstatOrUndefined(join(abs, n))?.isDirectory());
    } catch {
      return [];
    }
  };
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const st = lstatOrUndefined(join(abs, name));
      if (st?.isDirectory()) walk(join(abs, name), `${rel}/${name}`);
      else if (st?.isFile() && !TEMP.test(name)) out.push(`${rel}/${name}`);
    }
  };
  const nodes = (abs: string, rel: string) => {
    for (const d of dirs(abs)) {
      const sub = dirs(join(abs, d));
      if (sub.includes('etc') || sub.includes('home')) walk(join(abs, d), `${rel}${d}`);
    }
    if (lstatOrUndefined(join(abs, 'pacemaker-cib.xml'))?.isFile()) out.push(`${rel}pacemaker-cib.xml`);
  };
  nodes(root, '');
  for (const d of dirs(root)) if (/^phase-\d+-[a-z-]+$/.test(d)) nodes(join(root, d), `${d}/`);
  return out.sort();
}

function readExisting(path: string): string | undefined {
  const st = lstatOrUndefined(path);
  if (!st || st.isSymbolicLink()) return undefined;
  return readFileSync(path, 'utf8');
}

/** Removes this writer's temp files left by a crashed run in `dir` (never following links). */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMP.test(name)) continue;
    const st = lstatOrUndefined(join(dir, name));
    if (st && (st.isFile() || st.isSymbolicLink())) unlinkSync(join(dir, name));
  }
}

/**
 * Writes `text` to `target` atomically: a temp file with an unpredictable name created
 * exclusively (`O_CREAT|O_EXCL`, which never follows a symlink) in the same directory, its mode
 * set, then `rename` over the target (which replaces a symlink instead of following it).
 */
function writeAtomic(target: string, text: string, mode: number): void {
  const tmp = join(
    dirname(target),
    `.${target.split(sep).pop()}.ftkit-${randomBytes(8).toString('hex')}.tmp`,
  );
  const fd = openSync(tmp, 'wx', mode);
  try {
    try {
      writeSync(fd, text);
      fchmodSync(fd, mode);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes a lab tree under `dir`, each file at its `path`. Every file is written atomically (see `writeAtomic`), so a
 * crash never leaves half a config behind, and temp files a crashed run left are removed. Files an
 * earlier run generated (listed in {@link MANIFEST_FILE}) that this run does not generate are
 * removed when they are as generated; edited ones are conflicts. When any file is a conflict and
 * `force` is not set, nothing at all is written. A symlink that leaves `dir` is always a conflict,
 * `force` or not.
 */
export function writeLab(dir: string, lab: LabTree, options: WriteOptions = {}): WriteResult[] {
  const files = labFiles(lab);
  if (!options.dryRun) mkdirSync(dir, { recursive: true });
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    // A dry run into a directory that does not exist yet: every file would be created.
    root = resolve(dir);
  }
  const before = readManifest(root);
  const results: WriteResult[] = files.map((f) => {
    const problem = symlinkProblem(root, f.path);
    if (problem) return { path: f.path, status: 'conflict', diff: '', reason: problem };
    const target = join(root, ...f.path.split('/'));
    const old = readExisting(target);
    if (old === f.text) return { path: f.path, status: 'unchanged', diff: '' };
    const diff = createTwoFilesPatch(
      old === undefined ? '/dev/null' : `a/${f.path}`,
      `b/${f.path}`,
      old ?? '',
      f.text,
      undefined,
      undefined,
      { context: 3 },
    );
    // A file exactly as the last run generated it is ours to update.
    const ours = old !== undefined && before[f.path] === sha256(old);
    const status: WriteStatus =
      old === undefined ? 'created' : options.force || ours ? 'updated' : 'conflict';
    return {
      path: f.path,
      status,
      diff: diff.replace(/^=+\n/, ''),
      ...(status === 'conflict' ? { reason: 'exists and differs' } : {}),
    };
  });
  const generated = new Set(files.map((f) => f.path));
  for (const [path, hash] of Object.entries(before).sort()) {
    if (generated.has(path)) continue;
    const problem = symlinkProblem(root, path);
    if (problem) {
      results.push({ path, status: 'conflict', diff: '', reason: problem });
      continue;
    }
    const old = readExisting(join(root, ...path.split('/')));
    if (old === undefined) continue;
    const asGenerated = sha256(old) === hash;
    results.push({
      path,
      status: asGenerated || options.force ? 'removed' : 'conflict',
      diff: '',
      reason: asGenerated
        ? 'generated by an earlier run, not by this one'
        : 'generated by an earlier run and edited since',
    });
  }
  // A lab written before manifests existed: its node trees are the lab's, but which files this
  // version wrote is unknown, so the ones this run does not generate are listed and refused
  // (removed with --force) instead of being left behind silently.
  if (Object.keys(before).length === 0 && lstatOrUndefined(join(root, 'RUNBOOK.md'))?.isFile()) {
    for (const path of nodeTreeFiles(root)) {
      if (generated.has(path)) continue;
      results.push({
        path,
        status: options.force ? 'removed' : 'conflict',
        diff: '',
        reason: 'in a lab written without a manifest, not generated by this run',
      });
    }
  }
  const refused = results.some(
    (r) => r.status === 'conflict' && (!options.force || r.reason !== 'exists and differs'),
  );
  if (options.dryRun || refused) return results;
  const dirs = new Set<string>([root]);
  for (const f of files) dirs.add(dirname(join(root, ...f.path.split('/'))));
  for (const d of dirs) removeStaleTemps(d);
  results.forEach((r) => {
    if (r.status !== 'removed') return;
    rmSync(join(root, ...r.path.split('/')), { force: true });
    // Directories the removal emptied go too (another mode's `etc/ocfs2`, a whole phase).
    const parts = r.path.split('/').slice(0, -1);
    while (parts.length > 0) {
      const d = join(root, ...parts);
      const st = lstatOrUndefined(d);
      if (!st?.isDirectory() || readdirSync(d).length > 0) break;
      rmdirSync(d);
      parts.pop();
    }
  });
  files.forEach((f, i) => {
    const status = results[i]!.status;
    if (status === 'unchanged') return;
    const target = join(root, ...f.path.split('/'));
    // Checked again right before writing: a directory swapped for a symlink since the first check
    // must not receive the file (mkdir -p would follow it).
    const problem = symlinkProblem(root, f.path);
    if (problem) throw new Error(`Refusing to write \`${f.path}\`: ${problem}`);
    mkdirSync(dirname(target), { recursive: true });
    writeAtomic(target, f.text, f.mode ?? 0o644);
  });
  const manifest = Object.fromEntries(files.map((f) => [f.path, sha256(f.text)]));
  writeAtomic(join(root, MANIFEST_FILE), `${JSON.stringify({ files: manifest }, null, 2)}\n`, 0o644);
  return results;
}

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type AnyFormatModule, decodeLossless, FtkitError } from '@ftkit/core';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { readInputFile } from './input-file.js';
import { type CliIo, readStdinDocument, UsageError } from './io.js';

/** A file named on the command line (or found under a named directory). */
export interface InputFile {
  /** The name shown in reports: as given, or relative to the cwd for files found in directories. */
  readonly display: string;
  /** Absolute path; `-` for stdin. */
  readonly path: string;
  readonly text: string;
  /** Whether the user named the file itself (not found by walking a directory). */
  readonly explicit: boolean;
}

/** Files found in a directory larger than this are not read (no format here is that large). */
export const MAX_WALKED_FILE_BYTES = 4 * 1024 * 1024;

/** Never walked into, whatever the config says: VCS metadata and installed packages (ESLint's defaults). */
export const DEFAULT_IGNORES: readonly string[] = ['**/node_modules/**', '**/.git/**'];

/** A file to read: named by the user, or found by walking a directory or expanding a glob. */
export interface ExpandedPath {
  readonly abs: string;
  /** Named by the user (not found by walking a directory or a glob). */
  readonly explicit: boolean;
}

/**
 * Expands paths, directories and globs (tinyglobby, as ESLint does; a quoted `'**\/*.res'` works
 * too) to regular files, in order, once each. Directories are walked for every file but
 * {@link DEFAULT_IGNORES} (a format then claims each by name or by content); `skipWalked` drops
 * files found by walking (e.g. config files). FIFOs, sockets and devices are never taken (a FIFO
 * would block forever). Throws `lab/file-not-found` for a path that is neither a file, a
 * directory nor a glob. `lint`, `fmt` and the lint API all expand their arguments here.
 */
export function expandPaths(
  patterns: readonly string[],
  cwd: string,
  skipWalked: (abs: string) => boolean = () => false,
): ExpandedPath[] {
  const out: ExpandedPath[] = [];
  const seen = new Set<string>();
  const add = (abs: string, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ abs, explicit });
  };
  const walk = (pattern: string, dir: string) =>
    globSync([pattern], {
      cwd: dir,
      absolute: true,
      onlyFiles: true,
      dot: true,
      followSymbolicLinks: false,
      ignore: [...DEFAULT_IGNORES],
    })
      .filter(isRegularFile)
      .sort();
  for (const p of patterns) {
    const abs = resolve(cwd, p);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      for (const f of walk('**/*', abs)) if (!skipWalked(f)) add(resolve(f), false);
    } else if (st) {
      add(abs, true);
    } else if (isDynamicPattern(p)) {
      for (const f of walk(p.replaceAll('\\', '/'), cwd)) add(resolve(f), false);
    } else {
      throw new FtkitError('lab/file-not-found', `Cannot read \`${p}\`: no such file or directory`, {
        path: [p],
      });
    }
  }
  return out;
}

/**
 * Reads the named paths (`-` is standard input), expanded by {@link expandPaths}. Files not
 * named by the user that are larger than {@link MAX_WALKED_FILE_BYTES} or binary (a NUL byte in
 * the first 8 KiB) are not read: their display names go to `notRead` when given.
 */
export async function readInputs(
  paths: readonly string[],
  io: CliIo,
  candidates: readonly AnyFormatModule[],
  notRead?: string[],
): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ display: '<stdin>', path: '-', text: await readStdinDocument(io), explicit: true });
      continue;
    }
    for (const { abs: f, explicit } of expandPaths([p], io.cwd)) {
      if (explicit) {
        out.push({ display: p, path: f, text: readText(f, p), explicit: true });
        continue;
      }
      const display = relative(io.cwd, f) || f;
      const byName = formatByName(f, candidates) !== undefined;
      let size = 0;
      try {
        size = statSync(f).size;
      } catch {
        size = 0;
      }
      if (!byName && size > MAX_WALKED_FILE_BYTES) {
        notRead?.push(display);
        continue;
      }
      let text: string;
      try {
        text = readText(f, f);
      } catch (error) {
        // An unreadable file a format claims by name is an error; any other is just not read.
        if (byName) throw error;
        notRead?.push(display);
        continue;
      }
      if (!byName && text.slice(0, 8192).includes('\u0000')) {
        notRead?.push(display);
        continue;
      }
      out.push({ display, path: f, text, explicit: false });
    }
  }
  return out;
}

/** FIFOs, sockets and devices found while walking a directory are skipped, not read. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(abs: string, shown: string): string {
  // bytes that are not UTF-8 (a GBK comment) survive a rewrite: see decodeLossless
  return decodeLossless(readInputFile(abs, shown));
}

/** The format whose file patterns match `path` (POSIX-normalised), if any. */
export function formatByName(
  path: string,
  candidates: readonly AnyFormatModule[],
): AnyFormatModule | undefined {
  const posix = path.replaceAll('\\', '/');
  const target = isAbsolute(posix) ? posix : `/${posix}`;
  return candidates.find((f) =>
    picomatch(f.filePatterns as string[], { dot: true, basename: false })(target),
  );
}

/**
 * The format for a file: by name first, then by content (the highest `detect` score of at
 * least 0.5). `undefined` when no format claims it.
 */
export function detectFormat(
  path: string,
  text: string,
  candidates: readonly AnyFormatModule[],
): AnyFormatModule | undefined {
  const byName = path === '-' ? undefined : formatByName(path, candidates);
  if (byName) return byName;
  let best: AnyFormatModule | undefined;
  let score = 0.5;
  for (const f of candidates) {
    let s = 0;
    try {
      s = f.detect(path, text);
    } catch {
      s = 0;
    }
    if (s >= score) {
      best = f;
      score = s;
    }
  }
  return best;
}

/** Finds a format by `--kind NAME`. */
export function formatByKind(kind: string, candidates: readonly AnyFormatModule[]): AnyFormatModule {
  const f = candidates.find((c) => c.name === kind);
  if (!f) {
    throw new UsageError(
      `Unknown file kind \`${kind}\`${candidates.length ? `: expected one of ${candidates.map((c) => c.name).join(', ')}` : ': no formats are installed'}`,
    );
  }
  return f;
}

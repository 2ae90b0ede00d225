import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type AnyFormatModule, decodeLossless } from '@ftkit/core';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
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

/**
 * Reads the named paths: files as they are, directories walked for every file (a format then
 * claims each by name or by content). Files found in a directory that are larger than
 * {@link MAX_WALKED_FILE_BYTES} or binary (a NUL byte in the first 8 KiB) are not read: their
 * display names go to `notRead` when given.
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
    const abs = resolve(io.cwd, p);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`Cannot read \`${p}\`: no such file or directory`);
    }
    if (st.isDirectory()) {
      // Every file is taken: one whose name no format claims may still be one by content
      // (`cluster.conf` saved as `node1-cluster.txt`). The caller reports what nothing claims.
      const found = globSync(['**/*'], {
        cwd: abs,
        absolute: true,
        onlyFiles: true,
        dot: true,
        followSymbolicLinks: false,
      })
        // FIFOs, sockets and devices are skipped, never read (a FIFO would block forever).
        .filter(isRegularFile)
        .sort();
      for (const f of found) {
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
    } else {
      out.push({ display: p, path: abs, text: readText(abs, p), explicit: true });
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

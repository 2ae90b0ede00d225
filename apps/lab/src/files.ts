import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type AnyFormatModule, decodeLossless } from '@ftkit/core';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { type CliIo, UsageError } from './io.js';

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

/** Reads the named paths: files as they are, directories walked for files some format claims. */
export async function readInputs(
  paths: readonly string[],
  io: CliIo,
  candidates: readonly AnyFormatModule[],
): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ display: '<stdin>', path: '-', text: await io.readStdin(), explicit: true });
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
      // Inside a directory only files some format claims by name are taken.
      const found = globSync(['**/*'], {
        cwd: abs,
        absolute: true,
        onlyFiles: true,
        dot: true,
        followSymbolicLinks: false,
      })
        .filter((f) => formatByName(f, candidates) !== undefined)
        .sort();
      for (const f of found)
        out.push({ display: relative(io.cwd, f) || f, path: f, text: readText(f, f), explicit: false });
    } else {
      out.push({ display: p, path: abs, text: readText(abs, p), explicit: true });
    }
  }
  return out;
}

function readText(abs: string, shown: string): string {
  try {
    // bytes that are not UTF-8 (a GBK comment) survive a rewrite: see decodeLossless
    return decodeLossless(readFileSync(abs));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read \`${shown}\`: ${code === 'EACCES' ? 'permission denied' : (code ?? 'read error')}`,
    );
  }
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

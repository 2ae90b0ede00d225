import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GeneratedFile } from './generate.js';

/** What happened (or, with `dryRun`, would happen) to one file. */
export type WriteStatus = 'created' | 'updated' | 'unchanged' | 'conflict';

/** One file's outcome, with a unified diff for new and changed files. */
export interface WriteResult {
  readonly path: string;
  readonly status: WriteStatus;
  /** Unified diff from the file on disk (or nothing) to the generated text; empty when unchanged. */
  readonly diff: string;
}

/** Options of {@link writeLab}. */
export interface WriteOptions {
  /** Overwrite files that exist and differ (default: report them as conflicts and write nothing). */
  readonly force?: boolean;
  /** Write nothing; only report. */
  readonly dryRun?: boolean;
}

function readExisting(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes a generated tree under `dir`. Every file is written atomically (a temp file in the same
 * directory, then `rename`), so a crash never leaves half a config behind. When any file exists
 * with different content and `force` is not set, nothing at all is written and those files come
 * back as `conflict`.
 */
export function writeLab(
  dir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): WriteResult[] {
  const results: WriteResult[] = files.map((f) => {
    const target = join(dir, ...f.path.split('/'));
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
    const status: WriteStatus = old === undefined ? 'created' : options.force ? 'updated' : 'conflict';
    return { path: f.path, status, diff: diff.replace(/^=+\n/, '') };
  });
  if (options.dryRun || results.some((r) => r.status === 'conflict')) return results;
  files.forEach((f, i) => {
    if (results[i]!.status === 'unchanged') return;
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.${f.path.split('/').pop()}.ftkit-${process.pid}.tmp`);
    try {
      writeFileSync(tmp, f.text, { mode: f.mode });
      chmodSync(tmp, f.mode);
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  });
  return results;
}

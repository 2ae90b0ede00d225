import { realpathSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { isInside, normalizePath, type SourceReader } from '../source-reader.js';
import { DEFAULT_MAX_FILE_BYTES, readRegularFile } from './read-regular-file.js';

export type { OpenResult, ReadFailure, ReadResult } from './read-regular-file.js';
export { DEFAULT_MAX_FILE_BYTES, openRegularFile, readRegularFile } from './read-regular-file.js';

/** Options for {@link fsReader}. */
export interface FsReaderOptions {
  /**
   * Only files at or below this absolute directory may be read; anything else (also through a
   * symbolic link that points outside) reads as missing. Required: there is no safe default (the
   * CLI passes `--root`, or else the directory of the file it reads).
   */
  readonly root: string;
  /**
   * Largest file read, in bytes (bigger files read as missing). Default 64 MiB. FIFOs, sockets
   * and devices always read as missing.
   */
  readonly maxBytes?: number;
}

/**
 * A {@link SourceReader} over the real file system, confined to `root`. Reads are synchronous
 * (config files are small) and never throw: a file that is missing, unreadable, too large or
 * outside the root reads as `undefined`.
 */
export function fsReader(options: FsReaderOptions): SourceReader & { readonly root: string } {
  const root = normalizePath(options.root);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  // One system call each (`realpath(3)`), not the lstat per path segment of the JS version.
  let rootReal: string | undefined;
  const realRoot = (): string => {
    rootReal ??= realpathSync.native(root);
    return rootReal;
  };
  const allowed = (path: string): boolean => {
    if (!isInside(root, path)) return false;
    try {
      return isInside(realRoot(), realpathSync.native(path));
    } catch {
      return false;
    }
  };
  return {
    root,
    readFile(path) {
      const p = normalizePath(path);
      if (!allowed(p)) return undefined;
      const r = readRegularFile(p, { maxBytes });
      return r.ok ? r.bytes.toString('utf8') : undefined;
    },
    realpath(path) {
      const p = normalizePath(path);
      if (!allowed(p)) return undefined;
      try {
        return normalizePath(realpathSync.native(p));
      } catch {
        return undefined;
      }
    },
    glob(pattern) {
      const p = normalizePath(pattern);
      if (!isInside(root, p.replace(/[*?[{].*$/, '').replace(/\/[^/]*$/, '') || '/')) return [];
      try {
        return globSync(p, { absolute: true, onlyFiles: true, expandDirectories: false })
          .map(normalizePath)
          .filter(allowed)
          .sort();
      } catch {
        return [];
      }
    },
  };
}

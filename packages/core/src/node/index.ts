import { readFileSync, realpathSync, statSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { isInside, normalizePath, type SourceReader } from '../source-reader.js';

/** Options for {@link fsReader}. */
export interface FsReaderOptions {
  /**
   * Only files at or below this absolute directory may be read; anything else (also through a
   * symbolic link that points outside) reads as missing. Default `/`.
   */
  readonly root?: string;
  /** Largest file read, in bytes (bigger files read as missing). Default 64 MiB. */
  readonly maxBytes?: number;
}

/**
 * A {@link SourceReader} over the real file system, confined to `root`. Reads are synchronous
 * (config files are small) and never throw: a file that is missing, unreadable, too large or
 * outside the root reads as `undefined`.
 */
export function fsReader(options: FsReaderOptions = {}): SourceReader & { readonly root: string } {
  const root = normalizePath(options.root ?? '/');
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const allowed = (path: string): boolean => {
    if (!isInside(root, path)) return false;
    try {
      return isInside(realpathSync(root), realpathSync(path));
    } catch {
      return false;
    }
  };
  return {
    root,
    readFile(path) {
      const p = normalizePath(path);
      if (!allowed(p)) return undefined;
      try {
        const st = statSync(p);
        if (!st.isFile() || st.size > maxBytes) return undefined;
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    realpath(path) {
      const p = normalizePath(path);
      if (!allowed(p)) return undefined;
      try {
        return normalizePath(realpathSync(p));
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

import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, isInside, normalizePath, type SourceReader } from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import picomatch from 'picomatch';

/** An absolute POSIX path for a `file:` URI, or `undefined` for any other scheme. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * The files the server can see: the documents the editor has open (their unsaved text wins) and
 * the disk, both confined to the workspace folder (`root`). Included files are read through
 * {@link Workspace.reader}, so an `include` of a file being edited sees the edit at once.
 */
export class Workspace {
  /** Open documents by absolute path: the editor's text and version. */
  readonly open = new Map<string, { readonly text: string; readonly version: number }>();
  /** Reads below the workspace folder; `undefined` before `initialize` names one. */
  root: string | undefined;

  constructor(root?: string) {
    this.root = root === undefined ? undefined : normalizePath(root);
  }

  /** The directory reads of `path`'s includes are confined to: the workspace folder, else its own directory. */
  rootFor(path: string): string {
    return this.root !== undefined && isInside(this.root, path) ? this.root : dirname(path);
  }

  /**
   * A {@link SourceReader} for the includes of `path`: open documents first, then the disk, never
   * outside {@link rootFor}.
   */
  reader(path: string): SourceReader & { readonly root: string } {
    const root = this.rootFor(path);
    const disk = fsReader({ root });
    const open = this.open;
    return {
      root,
      readFile(p) {
        const n = normalizePath(p);
        if (!isInside(root, n)) return undefined;
        return open.get(n)?.text ?? disk.readFile(n);
      },
      realpath(p) {
        const n = normalizePath(p);
        if (!isInside(root, n)) return undefined;
        return disk.realpath?.(n) ?? (open.has(n) ? n : undefined);
      },
      glob(pattern) {
        const n = normalizePath(pattern);
        const found = new Set(disk.glob(n));
        // A new, unsaved file the editor has open matches too.
        const isMatch = picomatch(n, { dot: false });
        for (const p of open.keys()) if (isInside(root, p) && isMatch(p)) found.add(p);
        return [...found].sort();
      },
    };
  }

  /** The text of `path`: the open document's, else the file's (inside the workspace), else `undefined`. */
  text(path: string): string | undefined {
    return this.reader(path).readFile(path);
  }
}

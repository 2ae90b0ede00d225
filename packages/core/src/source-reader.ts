import picomatch from 'picomatch';

/**
 * How parsers reach other files (drbd.conf `include`). Paths are absolute POSIX paths.
 * Parsers never touch the file system themselves; callers pass a reader (see
 * `@ftkit/core/node` for one confined to a root directory, or {@link memoryReader} for tests).
 */
export interface SourceReader {
  /** The text of `path`, or `undefined` when it does not exist or may not be read. */
  readFile(path: string): string | undefined;
  /** Absolute paths matching a glob pattern given as an absolute POSIX path, sorted. */
  glob(pattern: string): string[];
  /**
   * The canonical absolute path of `path` (symbolic links resolved), or `undefined` when it does
   * not exist. Parsers use it to read each file once however it is reached; readers without it
   * compare normalised paths.
   */
  realpath?(path: string): string | undefined;
  /** The absolute directory reads are confined to, when the reader has one (see `fsReader`). */
  readonly root?: string;
}

/** A reader over an in-memory file map (absolute POSIX path → text). */
export function memoryReader(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
): SourceReader {
  const map =
    files instanceof Map ? new Map(files) : new Map(Object.entries(files as Record<string, string>));
  return {
    readFile: (path) => map.get(normalizePath(path)),
    realpath: (path) => (map.has(normalizePath(path)) ? normalizePath(path) : undefined),
    glob: (pattern) => {
      const isMatch = picomatch(normalizePath(pattern), { dot: false });
      return [...map.keys()].filter((p) => isMatch(p)).sort();
    },
  };
}

/** Resolves `.` and `..` segments and duplicate slashes of a POSIX path (no file system access). */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts.at(-1) !== '..') parts.pop();
      else if (!abs) parts.push('..');
    } else parts.push(seg);
  }
  const joined = parts.join('/');
  return abs ? `/${joined}` : joined || '.';
}

/** Joins `rel` to the directory `dir` unless `rel` is absolute, then normalises. */
export function resolvePath(dir: string, rel: string): string {
  return normalizePath(rel.startsWith('/') ? rel : `${dir}/${rel}`);
}

/** The directory part of a POSIX path (`/etc/drbd.conf` → `/etc`). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

/** True when the normalised `path` is `root` or lies below it. */
export function isInside(root: string, path: string): boolean {
  const r = normalizePath(root);
  const p = normalizePath(path);
  return r === '/' ? p.startsWith('/') : p === r || p.startsWith(`${r}/`);
}

/**
 * A reader that sees `sysroot` as `/`: every path it is given (absolute, as parsers resolve
 * includes) is read as `sysroot` + path through `inner`, and paths it returns are mapped back. For
 * configuration trees kept in a repository (`include "/etc/drbd.d/*.res"` reads
 * `<repo>/etc/drbd.d/*.res`). `inner` keeps its confinement (pass a reader rooted inside
 * `sysroot`); `root` is `inner.root` seen from inside the sysroot. Both paths are absolute POSIX.
 */
export function sysrootReader(inner: SourceReader, sysroot: string): SourceReader {
  const base = normalizePath(sysroot);
  const into = (p: string) => normalizePath(base === '/' ? p : `${base}/${normalizePath(p)}`);
  const outOf = (p: string | undefined) =>
    p === undefined || !isInside(base, p)
      ? undefined
      : base === '/'
        ? p
        : normalizePath(`/${p.slice(base.length)}`);
  const root = inner.root !== undefined ? outOf(normalizePath(inner.root)) : undefined;
  return {
    readFile: (path) => inner.readFile(into(path)),
    glob: (pattern) => inner.glob(into(pattern)).flatMap((p) => outOf(p) ?? []),
    ...(inner.realpath ? { realpath: (path: string) => outOf(inner.realpath!(into(path))) } : {}),
    ...(root !== undefined ? { root } : {}),
  };
}

import type { FtkitIssue } from '@ftkit/core';
import { FtkitError } from '@ftkit/core';

/** One complete fstab entry (fstab(5)), values decoded (no octal escapes). */
export interface FstabEntryData {
  /** `fs_spec`: device, `UUID=…`, `LABEL=…`, `PARTUUID=…`, `PARTLABEL=…`, or a remote/virtual source. */
  readonly spec: string;
  /** `fs_file`: mount point (absolute path), or `none`/`swap` for swap. */
  readonly file: string;
  /** `fs_vfstype`: filesystem type such as `ocfs2`, `ext4`, `xfs`, `swap`. */
  readonly vfstype: string;
  /** `fs_mntops`: comma-separated options. */
  readonly mntops: string;
  /** `fs_freq`: dump(8) frequency, a 32-bit signed integer. */
  readonly freq: number;
  /** `fs_passno`: fsck order (0 = never, 1 = root, 2 = others), a 32-bit signed integer. */
  readonly passno: number;
}

/** An entry as a caller writes it: options (`defaults`), freq and passno (`0`) may be left out. */
export interface FstabEntryInput {
  readonly spec: string;
  readonly file: string;
  readonly vfstype: string;
  readonly mntops?: string | undefined;
  readonly freq?: number | undefined;
  readonly passno?: number | undefined;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * The problems of one entry that libmount would not read back as written: an empty or missing
 * `spec`, `file`, `vfstype` or `mntops`, or a `freq`/`passno` that is not a 32-bit integer.
 * `path` prefixes each issue's path (e.g. `['entries', 2]`). The same constraints as the zod
 * `FstabEntrySchema` of `@ftkit/fstab/schema` (a test keeps them equal), checked without zod.
 */
export function entryIssues(entry: unknown, path: readonly (string | number)[] = []): FtkitIssue[] {
  const code = 'fstab/invalid-entry';
  if (typeof entry !== 'object' || entry === null)
    return [{ code, path: [...path], message: 'Expected an entry object' }];
  const e = entry as Record<string, unknown>;
  const out: FtkitIssue[] = [];
  for (const k of ['spec', 'file', 'vfstype', 'mntops'] as const) {
    const v = e[k];
    if (k === 'mntops' && v === undefined) continue;
    if (typeof v !== 'string' || v === '')
      out.push({ code, path: [...path, k], message: `Expected a non-empty string for \`${k}\`` });
  }
  for (const k of ['freq', 'passno'] as const) {
    const v = e[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < INT_MIN || v > INT_MAX)
      out.push({ code, path: [...path, k], message: `Expected a 32-bit integer for \`${k}\`` });
  }
  return out;
}

/** `entry` with its defaults filled in; throws an `FtkitError` (`fstab/invalid-entry`) when invalid. */
export function completeEntry(
  entry: FstabEntryInput,
  path: readonly (string | number)[] = [],
): FstabEntryData {
  const issues = entryIssues(entry, path);
  if (issues.length > 0) throw FtkitError.fromIssues(issues, 'Invalid fstab entry');
  return {
    spec: entry.spec,
    file: entry.file,
    vfstype: entry.vfstype,
    mntops: entry.mntops ?? 'defaults',
    freq: entry.freq ?? 0,
    passno: entry.passno ?? 0,
  };
}

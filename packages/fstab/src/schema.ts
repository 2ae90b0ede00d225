/**
 * `@ftkit/fstab/schema`: for you who want zod schemas or JSON Schema of fstab entries (to
 * validate data from outside before calling `emit` or `edit.addEntry`, or to build forms and
 * config checks). The main entry `@ftkit/fstab` checks entries without zod and loads none; this
 * one loads zod. The same JSON Schema ships as a file: `@ftkit/fstab/fstab.schema.json`.
 */
import { z } from 'zod';
import type { FstabEntryData, FstabEntryInput } from './model/entry.js';

/**
 * One fstab entry (fstab(5)), values decoded (no octal escapes). Missing trailing fields take
 * their defaults: options `defaults`, freq `0`, passno `0`. Parses to a {@link FstabEntryData}.
 */
export const FstabEntrySchema = z.object({
  /** `fs_spec`: device, `UUID=…`, `LABEL=…`, `PARTUUID=…`, `PARTLABEL=…`, or a remote/virtual source. */
  spec: z.string().min(1).describe('fs_spec: block device, UUID=/LABEL=/PARTUUID=/PARTLABEL= tag, or source'),
  /** `fs_file`: mount point (absolute path), or `none`/`swap` for swap. */
  file: z.string().min(1).describe('fs_file: mount point'),
  /** `fs_vfstype`: filesystem type such as `ocfs2`, `ext4`, `xfs`, `swap`. */
  vfstype: z.string().min(1).describe('fs_vfstype: filesystem type'),
  /** `fs_mntops`: comma-separated options. */
  mntops: z.string().min(1).default('defaults').describe('fs_mntops: comma-separated mount options'),
  /** `fs_freq`: dump(8) frequency. */
  freq: z.int().min(-2147483648).max(2147483647).default(0).describe('fs_freq: dump frequency'),
  /** `fs_passno`: fsck order (0 = never, 1 = root, 2 = others). */
  passno: z.int().min(-2147483648).max(2147483647).default(0).describe('fs_passno: fsck pass, 0 to skip'),
});

/** A whole fstab as data: its entries in file order. */
export const FstabSchema = z.object({ entries: z.array(FstabEntrySchema) });

/** The JSON Schema (draft 2020-12) of {@link FstabSchema}, as shipped in `fstab.schema.json`. */
export function fstabJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FstabSchema, { io: 'input' }) as Record<string, unknown>;
}

export type { FstabEntryData, FstabEntryInput };

/**
 * What a mount option takes: `flag` — no value; `enum` — one of `values`; `int` — a decimal
 * number (inclusive `min`/`max` when given); `string` — any value; `flag-or-int`/`flag-or-enum`
 * — either bare or with such a value.
 */
export type OptionKind = 'flag' | 'enum' | 'int' | 'string' | 'flag-or-int' | 'flag-or-enum';

/** Knowledge about one mount option. */
export interface OptionSpec {
  readonly name: string;
  readonly kind: OptionKind;
  /** Accepted values for `enum` / `flag-or-enum`. */
  readonly values?: readonly string[];
  /** Inclusive bounds for `int` values the kernel honours. */
  readonly min?: number;
  readonly max?: number;
  /** Why the option matters, shown in lint notes. */
  readonly note?: string;
}

/** One item of a comma-separated option list. */
export interface MountOption {
  /** Text before the first `=` (the whole item for flags). */
  readonly name: string;
  /** Text after the first `=`, or `undefined` for a bare option. */
  readonly value?: string;
  /** 0-based offsets of the item within the decoded options string (end exclusive). */
  readonly start: number;
  readonly end: number;
}

/** Splits a decoded `fs_mntops` string at commas (empty items are kept, with empty names). */
export function parseOptions(mntops: string): MountOption[] {
  const out: MountOption[] = [];
  let start = 0;
  for (const item of mntops.split(',')) {
    const eq = item.indexOf('=');
    out.push(
      eq < 0
        ? { name: item, start, end: start + item.length }
        : { name: item.slice(0, eq), value: item.slice(eq + 1), start, end: start + item.length },
    );
    start += item.length + 1;
  }
  return out;
}

const flag = (name: string, note?: string): OptionSpec => ({ name, kind: 'flag', ...(note ? { note } : {}) });
const str = (name: string): OptionSpec => ({ name, kind: 'string' });
const int = (name: string, min?: number, max?: number): OptionSpec => ({
  name,
  kind: 'int',
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
});
const oneOf = (name: string, values: readonly string[]): OptionSpec => ({ name, kind: 'enum', values });

function table(specs: readonly OptionSpec[]): ReadonlyMap<string, OptionSpec> {
  return new Map(specs.map((s) => [s.name, s]));
}

/** Filesystem-independent options of mount(8), including those only userspace reads. */
export const GENERIC_OPTIONS = table([
  ...[
    'defaults',
    'ro',
    'rw',
    'async',
    'sync',
    'dirsync',
    'atime',
    'noatime',
    'diratime',
    'nodiratime',
    'relatime',
    'norelatime',
    'strictatime',
    'nostrictatime',
    'lazytime',
    'nolazytime',
    'auto',
    'noauto',
    'dev',
    'nodev',
    'exec',
    'noexec',
    'suid',
    'nosuid',
    'group',
    'owner',
    'user',
    'nouser',
    'users',
    'mand',
    'nomand',
    'iversion',
    'noiversion',
    'silent',
    'loud',
    'nosymfollow',
    '_netdev',
    'nofail',
    'bind',
    'rbind',
    'private',
    'rprivate',
    'shared',
    'rshared',
    'slave',
    'rslave',
    'unbindable',
    'runbindable',
    'loop',
  ].map((n) => flag(n)),
  ...[
    'context',
    'fscontext',
    'defcontext',
    'rootcontext',
    'comment',
    'loop',
    'offset',
    'sizelimit',
    'encryption',
    'uhelper',
    'helper',
  ].map(str),
]);

/** True for `x-*`/`X-*` options (userspace: systemd, mount helpers), which any filesystem may carry. */
export function isUserspaceOption(name: string): boolean {
  return name.startsWith('x-') || name.startsWith('X-');
}

/** OCFS2 options the mainline kernel parses (`fs/ocfs2/super.c`), reference §5.2. */
export const OCFS2_OPTIONS = table([
  oneOf('heartbeat', ['local', 'global', 'none']),
  str('cluster_stack'),
  oneOf('errors', ['remount-ro', 'panic', 'continue']),
  flag('intr'),
  flag('nointr'),
  oneOf('data', ['ordered', 'writeback']),
  int('atime_quantum', 0),
  { name: 'barrier', kind: 'enum', values: ['0', '1'] },
  int('commit', 0),
  int('localalloc', 0),
  int('preferred_slot'),
  flag('localflocks'),
  flag('user_xattr'),
  flag('nouser_xattr'),
  flag('acl'),
  flag('noacl'),
  flag('inode64'),
  flag('usrquota'),
  flag('grpquota'),
  oneOf('coherency', ['full', 'buffered']),
  int('resv_level', 0, 8),
  int('dir_resv_level', 0, 8),
  flag('journal_async_commit'),
  flag('nocluster'),
  flag('datavolume'),
]);

/** ext4 options (Documentation/admin-guide/ext4.rst). */
export const EXT4_OPTIONS = table([
  str('journal_dev'),
  str('journal_path'),
  flag('noload'),
  flag('norecovery'),
  oneOf('data', ['journal', 'ordered', 'writeback']),
  oneOf('data_err', ['ignore', 'abort']),
  int('commit', 0),
  flag('orlov'),
  flag('oldalloc'),
  flag('user_xattr'),
  flag('nouser_xattr'),
  flag('acl'),
  flag('noacl'),
  flag('bsddf'),
  flag('minixdf'),
  flag('debug'),
  oneOf('errors', ['continue', 'remount-ro', 'panic']),
  flag('grpid'),
  flag('bsdgroups'),
  flag('nogrpid'),
  flag('sysvgroups'),
  int('resgid', 0),
  int('resuid', 0),
  int('sb', 0),
  flag('quota'),
  flag('noquota'),
  flag('usrquota'),
  flag('grpquota'),
  flag('prjquota'),
  str('usrjquota'),
  str('grpjquota'),
  oneOf('jqfmt', ['vfsold', 'vfsv0', 'vfsv1']),
  { name: 'barrier', kind: 'flag-or-int', min: 0, max: 1 },
  flag('nobarrier'),
  flag('bh'),
  flag('nobh'),
  int('inode_readahead_blks', 0),
  int('stripe', 0),
  flag('delalloc'),
  flag('nodelalloc'),
  int('max_batch_time', 0),
  int('min_batch_time', 0),
  int('journal_ioprio', 0, 7),
  flag('abort'),
  { name: 'auto_da_alloc', kind: 'flag-or-int', min: 0, max: 1 },
  flag('noauto_da_alloc'),
  flag('noinit_itable'),
  { name: 'init_itable', kind: 'flag-or-int', min: 0 },
  flag('discard'),
  flag('nodiscard'),
  flag('nouid32'),
  flag('block_validity'),
  flag('noblock_validity'),
  flag('dioread_lock'),
  flag('dioread_nolock'),
  flag('i_version'),
  { name: 'dax', kind: 'flag-or-enum', values: ['always', 'never', 'inode'] },
  flag('journal_checksum'),
  flag('nojournal_checksum'),
  flag('journal_async_commit'),
  flag('inlinecrypt'),
  flag('nombcache'),
  flag('no_mbcache'),
  flag('prefetch_block_bitmaps'),
  flag('no_prefetch_block_bitmaps'),
  { name: 'mb_optimize_scan', kind: 'enum', values: ['0', '1'] },
  str('test_dummy_encryption'),
]);

/** XFS options (Documentation/admin-guide/xfs.rst). `barrier`/`nobarrier` were removed in Linux 4.19. */
export const XFS_OPTIONS = table([
  str('allocsize'),
  flag('attr2'),
  flag('noattr2'),
  flag('discard'),
  flag('nodiscard'),
  flag('grpid'),
  flag('bsdgroups'),
  flag('nogrpid'),
  flag('sysvgroups'),
  flag('filestreams'),
  flag('ikeep'),
  flag('noikeep'),
  flag('inode32'),
  flag('inode64'),
  flag('largeio'),
  flag('nolargeio'),
  int('logbufs', 2, 8),
  str('logbsize'),
  str('logdev'),
  str('rtdev'),
  flag('noalign'),
  flag('norecovery'),
  flag('nouuid'),
  flag('noquota'),
  flag('uquota'),
  flag('usrquota'),
  flag('quota'),
  flag('uqnoenforce'),
  flag('qnoenforce'),
  flag('gquota'),
  flag('grpquota'),
  flag('gqnoenforce'),
  flag('pquota'),
  flag('prjquota'),
  flag('pqnoenforce'),
  int('sunit', 0),
  int('swidth', 0),
  flag('swalloc'),
  flag('wsync'),
  { name: 'dax', kind: 'flag-or-enum', values: ['always', 'never', 'inode'] },
]);

/** Filesystem types whose options ftkit knows, with their option tables. */
export const KNOWN_FILESYSTEMS: ReadonlyMap<string, ReadonlyMap<string, OptionSpec>> = new Map([
  ['ocfs2', OCFS2_OPTIONS],
  ['ext4', EXT4_OPTIONS],
  ['xfs', XFS_OPTIONS],
]);

/**
 * The spec of `name` for filesystem `vfstype`: the filesystem's own table first, then the generic
 * options. `undefined` when the filesystem is unknown to ftkit or the option is not known.
 */
export function optionSpec(vfstype: string, name: string): OptionSpec | undefined {
  const fs = KNOWN_FILESYSTEMS.get(vfstype);
  return fs?.get(name) ?? GENERIC_OPTIONS.get(name);
}

/** Every option name valid for `vfstype` (own plus generic), for did-you-mean hints. */
export function optionNames(vfstype: string): string[] {
  const fs = KNOWN_FILESYSTEMS.get(vfstype);
  return [...(fs ? fs.keys() : []), ...GENERIC_OPTIONS.keys()];
}

/**
 * Checks an option's value against its spec; returns a plain-words expectation when it does
 * not fit (for example "a number from 0 to 8"), or `undefined` when it fits.
 */
export function checkOptionValue(spec: OptionSpec, value: string | undefined): string | undefined {
  const isInt = (v: string) => /^[0-9]+$/.test(v);
  const range = () =>
    spec.min !== undefined && spec.max !== undefined
      ? `a number from ${spec.min} to ${spec.max}`
      : spec.min !== undefined
        ? `a number of at least ${spec.min}`
        : 'a number';
  const list = () => (spec.values ?? []).map((v) => `\`${v}\``).join(', ');
  switch (spec.kind) {
    case 'flag':
      return value === undefined ? undefined : 'no value';
    case 'string':
      return value === undefined || value === '' ? 'a value' : undefined;
    case 'enum':
      return value !== undefined && spec.values?.includes(value) ? undefined : `one of ${list()}`;
    case 'flag-or-enum':
      return value === undefined || spec.values?.includes(value) ? undefined : `no value or one of ${list()}`;
    case 'int':
    case 'flag-or-int': {
      if (value === undefined) return spec.kind === 'flag-or-int' ? undefined : range();
      if (!isInt(value)) return range();
      const n = Number(value);
      // Out-of-range values of resv levels are ignored by the kernel; that is the resv-level rule's job.
      if (spec.name === 'resv_level' || spec.name === 'dir_resv_level') return undefined;
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
        return range();
      return undefined;
    }
  }
}

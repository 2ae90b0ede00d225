import { allOptionNames, type DrbdVersion } from './options.js';

const KEYWORDS_9 = `on stacked-on-top-of floating no yes ask net via skip require-drbd-module-version-eq
require-drbd-module-version-ne require-drbd-module-version-gt require-drbd-module-version-ge
require-drbd-module-version-lt require-drbd-module-version-le disk host hosts port proxy minor inside
volume cmd-timeout-short cmd-timeout-medium cmd-timeout-long syncer device global common options outside
address startup include handlers connection connection-mesh minor-count disable-ip-verification
udev-always-use-vnr dialog-refresh resource meta-disk flexible-meta-disk node-id usage-count _this_host
_remote_host _peer_node_id _is_standalone template-file path sci ssocks sdp ipv4 ipv6`.split(/\s+/);

const KEYWORDS_84 =
  `on ignore-on stacked-on-top-of floating no yes ask net skip disk proxy minor inside volume
cmd-timeout-short cmd-timeout-medium cmd-timeout-long syncer device global common options outside address
alternate-link-address startup include handlers minor-count disable-ip-verification udev-always-use-vnr
dialog-refresh resource meta-disk flexible-meta-disk usage-count _this_host _remote_host sci ssocks sdp
ipv4 ipv6 plugin no-disk-barrier no-disk-flushes no-disk-drain no-md-flushes no-tcp-cork`.split(/\s+/);

/** The keywords of a version's scanner: names equal to one of these must be quoted. */
export const KEYWORDS: Readonly<Record<DrbdVersion, ReadonlySet<string>>> = {
  '9': new Set(KEYWORDS_9),
  // 8.4's scanner makes every option name a keyword, so a host named `size` must be quoted.
  '8.4': new Set([...KEYWORDS_84, ...allOptionNames('8.4')]),
};

/** Statement keywords allowed at the top of a file. */
export const TOP_KEYWORDS: Readonly<Record<DrbdVersion, readonly string[]>> = {
  '8.4': ['global', 'common', 'resource', 'include', 'skip'],
  '9': [
    'global',
    'common',
    'resource',
    'include',
    'skip',
    'require-drbd-module-version-eq',
    'require-drbd-module-version-ne',
    'require-drbd-module-version-gt',
    'require-drbd-module-version-ge',
    'require-drbd-module-version-lt',
    'require-drbd-module-version-le',
  ],
};

/** Statement keywords allowed directly in a resource. */
export const RESOURCE_KEYWORDS: Readonly<Record<DrbdVersion, readonly string[]>> = {
  '8.4': [
    'protocol',
    'on',
    'floating',
    'stacked-on-top-of',
    '_this_host',
    '_remote_host',
    'ignore-on',
    'disk',
    'net',
    'syncer',
    'startup',
    'options',
    'handlers',
    'proxy',
    'device',
    'meta-disk',
    'flexible-meta-disk',
    'volume',
  ],
  '9': [
    'protocol',
    'on',
    'floating',
    'stacked-on-top-of',
    '_this_host',
    'disk',
    'net',
    'syncer',
    'startup',
    'options',
    'handlers',
    'proxy',
    'device',
    'meta-disk',
    'flexible-meta-disk',
    'volume',
    'connection',
    'connection-mesh',
    'template-file',
    'skip',
  ],
};

/** Statement keywords allowed in an `on` host section. */
export const HOST_KEYWORDS: Readonly<Record<DrbdVersion, readonly string[]>> = {
  '8.4': [
    'disk',
    'device',
    'meta-disk',
    'flexible-meta-disk',
    'address',
    'alternate-link-address',
    'proxy',
    'volume',
    'options',
  ],
  '9': [
    'disk',
    'device',
    'meta-disk',
    'flexible-meta-disk',
    'address',
    'node-id',
    'proxy',
    'volume',
    'options',
    'skip',
  ],
};

/** Statement keywords allowed in the global section. */
export const GLOBAL_KEYWORDS = [
  'usage-count',
  'minor-count',
  'dialog-refresh',
  'disable-ip-verification',
  'udev-always-use-vnr',
  'cmd-timeout-short',
  'cmd-timeout-medium',
  'cmd-timeout-long',
] as const;

/** The section keywords that open option blocks. */
export const SECTION_KEYWORDS = ['disk', 'net', 'syncer', 'startup', 'options', 'handlers', 'proxy'] as const;

/** A block whose statements {@link BLOCK_KEYWORDS} lists: the file's top, `resource`, `on` host, `global`, `common`. */
export type BlockKind = 'top' | 'resource' | 'host' | 'global' | 'common';

/**
 * The statement keywords each block accepts, per DRBD version (`BLOCK_KEYWORDS['9'].resource`):
 * what an editor offers at the start of a statement. Option names inside sections are in
 * `OPTION_TABLES`.
 */
export const BLOCK_KEYWORDS: Readonly<Record<DrbdVersion, Readonly<Record<BlockKind, readonly string[]>>>> = {
  '8.4': {
    top: TOP_KEYWORDS['8.4'],
    resource: RESOURCE_KEYWORDS['8.4'],
    host: HOST_KEYWORDS['8.4'],
    global: GLOBAL_KEYWORDS,
    common: SECTION_KEYWORDS,
  },
  '9': {
    top: TOP_KEYWORDS['9'],
    resource: RESOURCE_KEYWORDS['9'],
    host: HOST_KEYWORDS['9'],
    global: GLOBAL_KEYWORDS,
    common: SECTION_KEYWORDS,
  },
};

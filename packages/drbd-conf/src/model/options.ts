/**
 * The option tables of drbdadm 8.4 and 9.22 (reference §3), as data: one table per version and
 * section. Everything else (parsing values, dumping, linting, migration) reads these tables
 * instead of scattering version conditionals.
 */

/** A target parser: drbdadm-84 or drbdadm 9. */
export type DrbdVersion = '8.4' | '9';

/** Option sections. `pd` = DRBD 9 peer-device options (written inside `disk { }`). */
export type SectionKind = 'disk' | 'net' | 'options' | 'startup' | 'handlers' | 'proxy' | 'syncer';

/** What a plain number means: `1` = the option's own unit, `k` = KiB, `s` = 512-byte sectors. */
export type Scale = '1' | 'k' | 's';

/** How an option's value is typed. */
export type OptionType =
  /** `yes`/`no` (8.4: also value-less `name;` meaning yes). */
  | 'bool'
  | 'enum'
  | 'num'
  | 'str'
  /** A symbol from `values` or a number in range (`quorum`). */
  | 'enumnum'
  /** Takes no value (`stacked-timeouts;`). */
  | 'flag'
  /** One or more words (`become-primary-on alice bob;`). */
  | 'words'
  /** A free command string (handlers). */
  | 'cmd';

/** One option as a version's table describes it. */
export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  /** Allowed symbols (enum, enumnum). */
  readonly values?: readonly string[];
  /** Inclusive range in the option's scale. */
  readonly min?: number;
  readonly max?: number;
  readonly scale?: Scale;
  /** What one unit of the scaled number is, in words (for docs and messages). */
  readonly unit?: string;
  /** The default value as drbdadm's tables state it (text). */
  readonly default?: string;
  /** Longest allowed string (DRBD 9 only checks it). */
  readonly maxLen?: number;
  /** drbdadm-84 range-checks this option at parse time. */
  readonly range84?: boolean;
  /** DRBD 9 peer-device option (lives in `disk { }` but applies per connection). */
  readonly peerDevice?: boolean;
  /** Accepted by the parser but ignored (8.4 delay-probe-*, …). */
  readonly ignored?: boolean;
  /** The name drbdadm stores (8.4 `rate` → `resync-rate`). */
  readonly alias?: string;
}

const b = (name: string, def: string): OptionSpec => ({ name, type: 'bool', default: def });
const n = (
  name: string,
  min: number,
  max: number,
  def: string,
  scale: Scale,
  unit: string,
  extra: Partial<OptionSpec> = {},
): OptionSpec => ({ name, type: 'num', min, max, default: def, scale, unit, ...extra });
const e = (
  name: string,
  values: readonly string[],
  def: string,
  extra: Partial<OptionSpec> = {},
): OptionSpec => ({
  name,
  type: 'enum',
  values,
  default: def,
  ...extra,
});
const s = (name: string, maxLen?: number): OptionSpec => ({
  name,
  type: 'str',
  ...(maxLen !== undefined ? { maxLen } : {}),
});

export const FENCING = ['dont-care', 'resource-only', 'resource-and-stonith'] as const;
export const ON_IO_ERROR = ['pass_on', 'call-local-io-error', 'detach'] as const;
export const READ_BALANCING = [
  'prefer-local',
  'prefer-remote',
  'round-robin',
  'least-pending',
  'when-congested-remote',
  '32K-striping',
  '64K-striping',
  '128K-striping',
  '256K-striping',
  '512K-striping',
  '1M-striping',
] as const;
export const AFTER_SB_0PRI = [
  'disconnect',
  'discard-younger-primary',
  'discard-older-primary',
  'discard-zero-changes',
  'discard-least-changes',
  'discard-local',
  'discard-remote',
] as const;
export const AFTER_SB_1PRI = [
  'disconnect',
  'consensus',
  'violently-as0p',
  'discard-secondary',
  'call-pri-lost-after-sb',
] as const;
export const AFTER_SB_2PRI = ['disconnect', 'violently-as0p', 'call-pri-lost-after-sb'] as const;
export const ON_CONGESTION = ['block', 'pull-ahead', 'disconnect'] as const;
export const QUORUM = ['off', 'majority', 'all'] as const;

const peerDevice84: OptionSpec[] = [
  n('resync-rate', 1, 4194304, '250', 'k', 'KiB/s', { range84: true }),
  n('c-plan-ahead', 0, 300, '20', '1', '0.1 s', { range84: true }),
  n('c-delay-target', 1, 100, '10', '1', '0.1 s', { range84: true }),
  n('c-fill-target', 0, 1048576, '100', 's', 'sectors', { range84: true }),
  n('c-max-rate', 250, 4194304, '102400', 'k', 'KiB/s', { range84: true }),
  n('c-min-rate', 0, 4194304, '250', 'k', 'KiB/s', { range84: true }),
];
const peerDevice9: OptionSpec[] = [
  n('resync-rate', 1, 8388608, '250', 'k', 'KiB/s', { peerDevice: true }),
  n('c-plan-ahead', 0, 300, '20', '1', '0.1 s', { peerDevice: true }),
  n('c-delay-target', 1, 100, '10', '1', '0.1 s', { peerDevice: true }),
  n('c-fill-target', 0, 1048576, '100', 's', 'sectors', { peerDevice: true }),
  n('c-max-rate', 0, 4194304, '102400', 'k', 'KiB/s', { peerDevice: true }),
  n('c-min-rate', 0, 4194304, '250', 'k', 'KiB/s', { peerDevice: true }),
  { ...b('bitmap', 'yes'), peerDevice: true },
];

const diskCommon: OptionSpec[] = [
  n('size', 0, 2 ** 41, '0', 's', 'sectors', { range84: true }),
  e('on-io-error', ON_IO_ERROR, 'detach'),
  b('disk-barrier', 'no'),
  b('disk-flushes', 'yes'),
  b('disk-drain', 'yes'),
  b('md-flushes', 'yes'),
  n('disk-timeout', 0, 6000, '0', '1', '0.1 s'),
  e('read-balancing', READ_BALANCING, 'prefer-local'),
  n('rs-discard-granularity', 0, 1048576, '0', '1', 'bytes'),
  b('discard-zeroes-if-aligned', 'yes'),
  b('disable-write-same', 'no'),
  n('al-extents', 67, 65534, '1237', '1', 'extents'),
  b('al-updates', 'yes'),
  s('resync-after'),
];

const disk84: OptionSpec[] = [
  ...diskCommon,
  e('fencing', FENCING, 'dont-care'),
  n('max-bio-bvecs', 0, 128, '0', '1', 'bvecs'),
  b('use-bmbv', 'no'),
  ...peerDevice84,
  {
    name: 'rate',
    type: 'num',
    min: 1,
    max: 4194304,
    scale: 'k',
    unit: 'KiB/s',
    alias: 'resync-rate',
    range84: true,
  },
  { name: 'after', type: 'str', alias: 'resync-after' },
  { name: 'delay-probe-volume', type: 'str', ignored: true },
  { name: 'delay-probe-interval', type: 'str', ignored: true },
  { name: 'throttle-threshold', type: 'str', ignored: true },
  { name: 'hold-off-threshold', type: 'str', ignored: true },
];
const disk9: OptionSpec[] = [...diskCommon, ...peerDevice9];

const netCommon: OptionSpec[] = [
  e('protocol', ['A', 'B', 'C'], 'C'),
  n('timeout', 1, 600, '60', '1', '0.1 s', { range84: true }),
  n('connect-int', 1, 120, '10', '1', 's', { range84: true }),
  n('ping-int', 1, 120, '10', '1', 's', { range84: true }),
  n('ping-timeout', 1, 300, '5', '1', '0.1 s'),
  n('socket-check-timeout', 0, 300, '0', '1', '0.1 s'),
  n('max-epoch-size', 1, 20000, '2048', '1', 'requests', { range84: true }),
  n('max-buffers', 32, 131072, '2048', '1', 'pages', { range84: true }),
  n('sndbuf-size', 0, 10485760, '0', '1', 'bytes', { range84: true }),
  n('rcvbuf-size', 0, 10485760, '0', '1', 'bytes', { range84: true }),
  n('ko-count', 0, 200, '7', '1', 'count', { range84: true }),
  b('allow-two-primaries', 'no'),
  b('always-asbp', 'no'),
  b('tcp-cork', 'yes'),
  s('cram-hmac-alg', 63),
  s('shared-secret', 63),
  e('after-sb-0pri', AFTER_SB_0PRI, 'disconnect'),
  e('after-sb-1pri', AFTER_SB_1PRI, 'disconnect'),
  e('after-sb-2pri', AFTER_SB_2PRI, 'disconnect'),
  s('data-integrity-alg', 63),
  e('on-congestion', ON_CONGESTION, 'block'),
  n('congestion-fill', 0, 20971520, '0', 's', 'sectors', { range84: true }),
  n('congestion-extents', 67, 65534, '1237', '1', 'extents', { range84: true }),
  s('verify-alg', 63),
  s('csums-alg', 63),
  b('csums-after-crash-only', 'no'),
  b('use-rle', 'yes'),
];
const net84: OptionSpec[] = [
  ...netCommon,
  e('rr-conflict', ['disconnect', 'violently', 'call-pri-lost'], 'disconnect'),
  n('unplug-watermark', 1, 131072, '128', '1', 'requests'),
];
const net9: OptionSpec[] = [
  ...netCommon,
  e(
    'rr-conflict',
    ['disconnect', 'violently', 'call-pri-lost', 'retry-connect', 'auto-discard'],
    'disconnect',
  ),
  e('fencing', FENCING, 'dont-care'),
  s('transport', 63),
  b('allow-remote-read', 'yes'),
  s('_name', 63),
];

const options84: OptionSpec[] = [
  s('cpu-mask'),
  e('on-no-data-accessible', ['io-error', 'suspend-io'], 'io-error'),
];
const options9: OptionSpec[] = [
  s('cpu-mask', 31),
  e('on-no-data-accessible', ['io-error', 'suspend-io'], 'io-error'),
  b('auto-promote', 'yes'),
  n('auto-promote-timeout', 0, 600, '20', '1', '0.1 s'),
  n('peer-ack-window', 2048, 204800, '4096', 's', 'sectors'),
  n('peer-ack-delay', 1, 10000, '100', '1', 'ms'),
  n('twopc-timeout', 50, 600, '300', '1', '0.1 s'),
  n('twopc-retry-timeout', 1, 50, '1', '1', '0.1 s'),
  n('max-io-depth', 4, 4294967295, '8000', '1', 'requests'),
  { name: 'quorum', type: 'enumnum', values: QUORUM, min: 1, max: 32, default: 'off', scale: '1' },
  {
    name: 'quorum-minimum-redundancy',
    type: 'enumnum',
    values: QUORUM,
    min: 1,
    max: 32,
    default: 'off',
    scale: '1',
  },
  e('on-no-quorum', ['io-error', 'suspend-io'], 'suspend-io'),
  e('on-suspended-primary-outdated', ['disconnect', 'force-secondary'], 'disconnect'),
];

const startupCommon: OptionSpec[] = [
  n('wfc-timeout', 0, 300000, '0', '1', 's', { range84: true }),
  n('degr-wfc-timeout', 0, 300000, '0', '1', 's', { range84: true }),
  n('outdated-wfc-timeout', 0, 300000, '0', '1', 's', { range84: true }),
  b('wait-after-sb', 'no'),
  { name: 'stacked-timeouts', type: 'flag' },
  { name: 'become-primary-on', type: 'words' },
];

const handlersCommon = [
  'pri-on-incon-degr',
  'pri-lost-after-sb',
  'pri-lost',
  'initial-split-brain',
  'split-brain',
  'fence-peer',
  'unfence-peer',
  'local-io-error',
  'before-resync-target',
  'after-resync-target',
  'before-resync-source',
  'out-of-sync',
];
const cmd = (name: string): OptionSpec => ({ name, type: 'cmd' });
const handlers84: OptionSpec[] = [
  ...handlersCommon.map(cmd),
  { name: 'outdate-peer', type: 'cmd', alias: 'fence-peer' },
];
const handlers9: OptionSpec[] = [...handlersCommon, 'quorum-lost', 'disconnected', 'outdate-peer'].map(cmd);

const proxy84: OptionSpec[] = [
  s('memlimit'),
  s('read-loops'),
  s('compression'),
  s('bwlimit'),
  n('sndbuf-size', 0, 10485760, '0', '1', 'bytes'),
  n('rcvbuf-size', 0, 10485760, '0', '1', 'bytes'),
  n('ping-timeout', 1, 300, '5', '1', '0.1 s'),
];
const proxy9: OptionSpec[] = [
  n('memlimit', 0, 2 ** 64 - 1, '0', '1', 'bytes'),
  n('read-loops', 0, 2 ** 64 - 1, '0', '1', 'count'),
  n('compression', 0, 2 ** 64 - 1, '0', '1', 'level'),
  n('bwlimit', 0, 2 ** 64 - 1, '0', '1', 'bytes/s'),
  n('sndbuf-size', 0, 10485760, '0', '1', 'bytes'),
  n('rcvbuf-size', 0, 10485760, '0', '1', 'bytes'),
  n('ping-timeout', 1, 300, '5', '1', '0.1 s'),
];

/** 8.4 `syncer { }`: where each option moves to (reference §4.2). */
export const SYNCER_84: ReadonlyMap<string, { section: SectionKind; name: string }> = new Map([
  ['rate', { section: 'disk', name: 'resync-rate' }],
  ['resync-rate', { section: 'disk', name: 'resync-rate' }],
  ['after', { section: 'disk', name: 'resync-after' }],
  ['resync-after', { section: 'disk', name: 'resync-after' }],
  ['al-extents', { section: 'disk', name: 'al-extents' }],
  ['c-plan-ahead', { section: 'disk', name: 'c-plan-ahead' }],
  ['c-delay-target', { section: 'disk', name: 'c-delay-target' }],
  ['c-fill-target', { section: 'disk', name: 'c-fill-target' }],
  ['c-max-rate', { section: 'disk', name: 'c-max-rate' }],
  ['c-min-rate', { section: 'disk', name: 'c-min-rate' }],
  ['verify-alg', { section: 'net', name: 'verify-alg' }],
  ['csums-alg', { section: 'net', name: 'csums-alg' }],
  ['use-rle', { section: 'net', name: 'use-rle' }],
  ['cpu-mask', { section: 'options', name: 'cpu-mask' }],
  ['on-no-data-accessible', { section: 'options', name: 'on-no-data-accessible' }],
]);

function table(list: readonly OptionSpec[]): ReadonlyMap<string, OptionSpec> {
  return new Map(list.map((o) => [o.name, o]));
}

/** Section → option name → spec, per version. `syncer` in 9 accepts disk, net and options names. */
export const OPTION_TABLES: Readonly<
  Record<DrbdVersion, Readonly<Partial<Record<SectionKind, ReadonlyMap<string, OptionSpec>>>>>
> = {
  '8.4': {
    disk: table(disk84),
    net: table(net84),
    options: table(options84),
    startup: table(startupCommon),
    handlers: table(handlers84),
    proxy: table(proxy84),
    syncer: table([...disk84, ...net84, ...options84].filter((o) => SYNCER_84.has(o.name))),
  },
  '9': {
    disk: table(disk9),
    net: table(net9),
    options: table(options9),
    startup: table(startupCommon),
    handlers: table(handlers9),
    proxy: table(proxy9),
    syncer: table([...diskCommon, ...net9, ...options9]),
  },
};

/** The spec of `name` in `section` for `version`, if the table has it. */
export function optionSpec(version: DrbdVersion, section: SectionKind, name: string): OptionSpec | undefined {
  return OPTION_TABLES[version][section]?.get(name);
}

/** Which sections of `version` know `name` (for "wrong section" hints). */
export function sectionsKnowing(version: DrbdVersion, name: string): SectionKind[] {
  const out: SectionKind[] = [];
  for (const [k, t] of Object.entries(OPTION_TABLES[version]) as [
    SectionKind,
    ReadonlyMap<string, OptionSpec>,
  ][]) {
    if (k !== 'syncer' && t.has(name)) out.push(k);
  }
  return out;
}

/** Every option name of `version` (8.4 treats all of these as keywords). */
export function allOptionNames(version: DrbdVersion): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(OPTION_TABLES[version]))
    for (const k of (t as ReadonlyMap<string, OptionSpec>).keys()) out.add(k);
  return out;
}

/** The 8.4 no-flags (value-less `no-X;`). */
export const NO_FLAGS_84 = new Set([
  'no-disk-barrier',
  'no-disk-flushes',
  'no-disk-drain',
  'no-md-flushes',
  'no-tcp-cork',
]);

const SHIFT: Record<string, number> = { K: 10, k: 10, M: 20, m: 20, G: 30, g: 30, s: 9 };
const SCALE_SHIFT: Record<Scale, number> = { '1': 0, k: 10, s: 9 };

/**
 * drbdadm's `new_strtoll`: the number in the option's scale (rounded up when the suffix is
 * smaller than the scale), or `undefined` when the text is not a number with an optional
 * `K M G s` suffix (case-insensitive).
 */
export function scaledValue(text: string, scale: Scale = '1'): number | undefined {
  const m = /^([0-9]+)([KkMmGgs]?)$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (!m[2]) return base; // a plain number is already in the option's scale
  const shift = SHIFT[m[2]]! - SCALE_SHIFT[scale];
  if (shift >= 0) return base * 2 ** shift;
  const d = 2 ** -shift;
  return Math.ceil(base / d);
}

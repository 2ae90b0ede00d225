import type { SectionKind } from './options.js';

/**
 * The options drbdadm-83 (drbd-utils' 8.3 parser) accepts in each section, found by running
 * /usr/lib/drbd/drbdadm-83 on every option name of the 8.4 and 9 tables in every section: 8.3
 * has no `options` section, keeps resync settings (`rate`, `after`, `verify-alg`, `csums-alg`,
 * `cpu-mask`, the `c-*` controller) in `syncer`, and writes `protocol` at resource level only.
 * The deprecated `delay-probe-*`, `throttle-threshold` and `hold-off-threshold` are accepted (and
 * ignored) in any section.
 */
export const OPTIONS_83: Readonly<Partial<Record<SectionKind, ReadonlySet<string>>>> = {
  disk: new Set([
    'disk-timeout',
    'fencing',
    'max-bio-bvecs',
    'no-disk-barrier',
    'no-disk-drain',
    'no-disk-flushes',
    'no-md-flushes',
    'on-io-error',
    'size',
    'use-bmbv',
  ]),
  net: new Set([
    'after-sb-0pri',
    'after-sb-1pri',
    'after-sb-2pri',
    'allow-two-primaries',
    'always-asbp',
    'congestion-extents',
    'congestion-fill',
    'connect-int',
    'cram-hmac-alg',
    'data-integrity-alg',
    'ko-count',
    'max-buffers',
    'max-epoch-size',
    'no-tcp-cork',
    'on-congestion',
    'ping-int',
    'ping-timeout',
    'rcvbuf-size',
    'rr-conflict',
    'shared-secret',
    'sndbuf-size',
    'timeout',
    'unplug-watermark',
  ]),
  syncer: new Set([
    'after',
    'al-extents',
    'c-delay-target',
    'c-fill-target',
    'c-max-rate',
    'c-min-rate',
    'c-plan-ahead',
    'cpu-mask',
    'csums-alg',
    'on-no-data-accessible',
    'rate',
    'use-rle',
    'verify-alg',
  ]),
  startup: new Set([
    'become-primary-on',
    'degr-wfc-timeout',
    'outdated-wfc-timeout',
    'stacked-timeouts',
    'wait-after-sb',
    'wfc-timeout',
  ]),
  handlers: new Set([
    'after-resync-target',
    'before-resync-source',
    'before-resync-target',
    'fence-peer',
    'initial-split-brain',
    'local-io-error',
    'out-of-sync',
    'outdate-peer',
    'pri-lost',
    'pri-lost-after-sb',
    'pri-on-incon-degr',
    'split-brain',
  ]),
  proxy: new Set(['compression', 'memlimit', 'ping-timeout', 'rcvbuf-size', 'read-loops', 'sndbuf-size']),
};

/** Deprecated options drbdadm-83 accepts anywhere. */
export const ANYWHERE_83: ReadonlySet<string> = new Set([
  'delay-probe-interval',
  'delay-probe-volume',
  'hold-off-threshold',
  'throttle-threshold',
]);

/** Whether drbdadm-83 accepts option `name` (as written, `no-…` included) in section `kind`. */
export function knownIn83(kind: SectionKind, name: string): boolean {
  return ANYWHERE_83.has(name) || OPTIONS_83[kind]?.has(name) === true;
}

/** The 8.3 sections that have option `name`, for "belongs in" hints. */
export function sectionsKnowing83(name: string): SectionKind[] {
  return (Object.keys(OPTIONS_83) as SectionKind[]).filter((k) => OPTIONS_83[k]!.has(name));
}

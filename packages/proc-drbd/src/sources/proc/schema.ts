import { z } from 'zod';

/** `version:` line: release, interface generation and protocol range. */
export const ProcVersionSchema = z.object({
  /** Release text as printed, e.g. `8.4.11-1`, `9.2.0-rc.3`. */
  release: z.string(),
  major: z.number().int(),
  minor: z.number().int(),
  patch: z.number().int(),
  /** Anything after `major.minor.patch` (e.g. `-1`), empty when none. */
  suffix: z.string(),
  /** `api:` number (86/88 ioctl era, 1 for 8.4, 2 for DRBD 9). */
  api: z.number().int(),
  /** Lowest wire protocol (or the only one, 8.0). */
  protoMin: z.number().int(),
  /** Highest wire protocol; `null` when the line has a single number (8.0). */
  protoMax: z.number().int().nullable(),
  /** DRBD 9.2.15+ built with 8.4 compatibility: ` (compat 8.4)` after the parenthesis. */
  compat84: z.boolean(),
});
/** ProcVersion as a TypeScript type (inferred from {@link ProcVersionSchema}). */
export type ProcVersion = z.infer<typeof ProcVersionSchema>;

/** What the build line (line 2) says, as far as it can be read; `raw` is the whole line. */
export const ProcBuildSchema = z.object({
  raw: z.string(),
  kind: z.enum(['git', 'srcversion', 'built-in', 'svn', 'other']),
  gitHash: z.string().optional(),
  srcversion: z.string().optional(),
  svnRevision: z.string().optional(),
  /** Files with uncommitted changes listed between hash and `build by`. */
  changedFiles: z.array(z.string()).optional(),
  builder: z.string().optional(),
  /** `YYYY-MM-DD HH:MM:SS` as printed. */
  date: z.string().optional(),
  reproducible: z.boolean().optional(),
});
/** ProcBuild as a TypeScript type (inferred from {@link ProcBuildSchema}). */
export type ProcBuild = z.infer<typeof ProcBuildSchema>;

/** DRBD 9 `Transports (api:N): name (version) …` line. */
export const ProcTransportsSchema = z.object({
  api: z.number().int(),
  list: z.array(z.object({ name: z.string(), version: z.string() })),
});
/** ProcTransports as a TypeScript type (inferred from {@link ProcTransportsSchema}). */
export type ProcTransports = z.infer<typeof ProcTransportsSchema>;

/** Congestion letter (position 5 of the flags) decoded. */
export const CongestionSchema = z.enum([
  'none',
  'drbd',
  'helper',
  'backing',
  'network',
  'both',
  'unset',
  'unknown',
]);
/** Congestion as a TypeScript type (inferred from {@link CongestionSchema}). */
export type Congestion = z.infer<typeof CongestionSchema>;

/** The I/O flag string (`r-----`) decoded position by position; `null` where the version has no such position. */
export const IoFlagsSchema = z.object({
  /** Position 1 is `s`: application I/O suspended (user, no-data or fencing). */
  ioSuspended: z.boolean(),
  /** Position 2 `a`: resync waits for another resync (`resync-after`). */
  resyncAfterDependency: z.boolean(),
  /** Position 3 `p`: resync paused by the peer. */
  peerPaused: z.boolean(),
  /** Position 4 `u`: resync paused by the local user. */
  userPaused: z.boolean(),
  /** Position 5 (8.3.1+); `unset` is the NUL byte of 8.3.1. */
  congestion: CongestionSchema.nullable(),
  /** Position 6 `s` (8.3.9+): activity-log updates suspended. */
  alSuspended: z.boolean().nullable(),
});
/** IoFlags as a TypeScript type (inferred from {@link IoFlagsSchema}). */
export type IoFlags = z.infer<typeof IoFlagsSchema>;

/** The counter line. Data amounts in KiB as printed (see the reference for units). */
export const ProcCountersSchema = z.object({
  /** KiB sent to the peer (32-bit sectors/2: wraps at 2 TiB). */
  ns: z.number(),
  /** KiB received from the peer (wraps like ns). */
  nr: z.number(),
  /** KiB written to the backing device (wraps). */
  dw: z.number(),
  /** KiB read from the backing device (wraps). */
  dr: z.number(),
  /** Activity-log update transactions. */
  al: z.number(),
  /** Bitmap block writes. */
  bm: z.number(),
  /** Requests open against the local disk (gauge). */
  lo: z.number(),
  /** Requests sent to the peer, not yet answered (gauge). */
  pe: z.number(),
  /** Requests from the peer not yet acknowledged (gauge). */
  ua: z.number(),
  /** Application requests not yet completed (gauge). */
  ap: z.number(),
  /** Epochs in flight (8.2.7+). */
  ep: z.number().optional(),
  /** Write ordering: `b` barrier, `f` flush, `d` drain, `n` none (8.2.7+). */
  wo: z.string().optional(),
  /** Out-of-sync KiB (8.2.6+). */
  oos: z.number().optional(),
});
/** ProcCounters as a TypeScript type (inferred from {@link ProcCountersSchema}). */
export type ProcCounters = z.infer<typeof ProcCountersSchema>;

/** Resync / verify progress lines. */
export const ProcProgressSchema = z.object({
  /** `resync` (`sync'ed:`) or `verify` (`verified:`). */
  kind: z.enum(['resync', 'verify']),
  /** The bar between the brackets, as printed (`==>....`). */
  bar: z.string(),
  /** Per-mille done, 0–1000 (`27.1%` is 271). */
  permille: z.number().int(),
  /** Remaining amount in `unit`. */
  left: z.number(),
  /** Total amount of the run in `unit`. */
  total: z.number(),
  /** `K` KiB or `M` MiB. */
  unit: z.enum(['K', 'M']),
  /** Text after the unit on the bar line (8.3.8 `queue_delay:`/`delay_probe:`), empty normally. */
  barSuffix: z.string(),
  /** In-kernel 8.3 bug: the finish line is glued to the bar line (`)Mfinish:`). */
  glued: z.boolean(),
  /** Seconds to finish; `null` for `∞` (DRBD 9 compat) or when the old `stalled` line replaced it. */
  finishSeconds: z.number().nullable(),
  /** Old `stalled` line instead of `finish:` (8.0 – 8.3.8). */
  stalledLine: z.boolean(),
  /** Current rate, KiB/s (can be negative in DRBD 9 compat). */
  speed: z.number().nullable(),
  /** ~3-second rate, KiB/s (`A -- B`, proc_details ≥ 1 or DRBD 9 compat). */
  speed3s: z.number().nullable(),
  /** Average since start, KiB/s. */
  average: z.number().nullable(),
  /** Resync controller target, KiB/s (SyncTarget 8.3.8+, VerifyS 8.3.10+). */
  want: z.number().nullable(),
  /** ` (stalled)` suffix (8.3.9+). */
  stalled: z.boolean(),
});
/** ProcProgress as a TypeScript type (inferred from {@link ProcProgressSchema}). */
export type ProcProgress = z.infer<typeof ProcProgressSchema>;

/** The pre-8.3.10 one-line verify progress (`NN%      done/total`, 4-KiB bitmap blocks). */
export const ProcOldVerifySchema = z.object({
  percent: z.number().int(),
  /** 8.2.2–8.2.5 print `oos:<bits>` in the line. */
  oosBits: z.number().nullable(),
  done: z.number(),
  total: z.number(),
});
/** ProcOldVerify as a TypeScript type (inferred from {@link ProcOldVerifySchema}). */
export type ProcOldVerify = z.infer<typeof ProcOldVerifySchema>;

/** `sector pos:` line (proc_details ≥ 1, DRBD 9 compat). Sectors of 512 bytes. */
export const ProcSectorPosSchema = z.object({
  percent: z.number().int(),
  position: z.number(),
  max: z.number(),
  stop: z.number().nullable(),
});
/** ProcSectorPos as a TypeScript type (inferred from {@link ProcSectorPosSchema}). */
export type ProcSectorPos = z.infer<typeof ProcSectorPosSchema>;

/** A `resync:` / `act_log:` LRU statistics line. */
export const ProcLruSchema = z.object({
  name: z.string(),
  used: z.number(),
  size: z.number(),
  hits: z.number(),
  misses: z.number(),
  starving: z.number(),
  /** `dirty` (8.0–8.3) or `locked` (8.4). */
  lockedKey: z.enum(['dirty', 'locked']),
  locked: z.number(),
  changed: z.number(),
});
/** ProcLru as a TypeScript type (inferred from {@link ProcLruSchema}). */
export type ProcLru = z.infer<typeof ProcLruSchema>;

/** One minor's block. Unconfigured minors have only `minor`, `cs` and detail lines. */
export const ProcDeviceSchema = z.object({
  minor: z.number().int(),
  /** Connection state as printed (`Connected`, `SyncSource`, `Unconfigured` …). */
  cs: z.string(),
  /** `ro` (8.3+) or `st` (8.0–8.2); `null` for Unconfigured. */
  roleKey: z.enum(['ro', 'st']).nullable(),
  role: z.string().nullable(),
  peerRole: z.string().nullable(),
  disk: z.string().nullable(),
  peerDisk: z.string().nullable(),
  /** `A`, `B`, `C`, or `null` for the blank protocol column (no network configuration). */
  protocol: z.string().nullable(),
  /** Flag string as printed (may contain a NUL in 8.3.1). */
  flags: z.string().nullable(),
  io: IoFlagsSchema.nullable(),
  counters: ProcCountersSchema.nullable(),
  /** Counter keys this parser does not know, in order, as text. */
  extraCounters: z.array(z.tuple([z.string(), z.string()])),
  progress: ProcProgressSchema.nullable(),
  oldVerify: ProcOldVerifySchema.nullable(),
  sectorPos: ProcSectorPosSchema.nullable(),
  lru: z.array(ProcLruSchema),
  /** proc_details ≥ 2 LRU element dump lines (8.2.6–8.4.4), as text. */
  lruDump: z.array(z.string()),
  /** `blocked on activity log:` (proc_details ≥ 2, 8.4.5+). */
  blockedOnActivityLog: z.number().nullable(),
  /** Indented lines no DRBD version prints, kept as text. */
  otherLines: z.array(z.string()),
});
/** ProcDevice as a TypeScript type (inferred from {@link ProcDeviceSchema}). */
export type ProcDevice = z.infer<typeof ProcDeviceSchema>;

/** Everything in one read of /proc/drbd. */
export const ProcDrbdSchema = z.object({
  version: ProcVersionSchema.nullable(),
  build: ProcBuildSchema.nullable(),
  transports: ProcTransportsSchema.nullable(),
  devices: z.array(ProcDeviceSchema),
});
/** ProcDrbd as a TypeScript type (inferred from {@link ProcDrbdSchema}). */
export type ProcDrbd = z.infer<typeof ProcDrbdSchema>;

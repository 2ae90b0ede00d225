import { fc } from '@fast-check/vitest';
import { type DrbdStatus, type Path, type ProcDevice, type ProcDrbd, parseProcDrbd } from '../src/index.js';
import { progressBar } from '../src/sources/proc/emit.js';
import { newDevice } from '../src/sources/proc/parse.js';

/** fast-check arbitraries for the /proc/drbd model and the normalised model (shared with test/slow). */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);
const u32 = fc.nat({ max: 2 ** 32 - 1 });

const procDevice = (minor: number): fc.Arbitrary<ProcDevice> =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constant<ProcDevice>(newDevice(minor, 'Unconfigured')),
    },
    {
      weight: 5,
      arbitrary: fc
        .record({
          cs: fc.constantFrom(
            'Connected',
            'SyncSource',
            'SyncTarget',
            'VerifyS',
            'StandAlone',
            'WFConnection',
            'Ahead',
            'PausedSyncT',
          ),
          role: fc.constantFrom('Primary', 'Secondary'),
          peerRole: fc.constantFrom('Primary', 'Secondary', 'Unknown'),
          disk: fc.constantFrom('UpToDate', 'Inconsistent', 'Diskless', 'Outdated'),
          peerDisk: fc.constantFrom('UpToDate', 'Inconsistent', 'DUnknown'),
          protocol: fc.constantFrom('A', 'B', 'C', null),
          flags: fc.stringMatching(/^[rs][-a][-p][-u][-dcbna][-s]$/),
          counters: fc.record({
            ns: u32,
            nr: u32,
            dw: u32,
            dr: u32,
            al: u32,
            bm: u32,
            lo: fc.nat(999),
            pe: fc.nat(999),
            ua: fc.nat(999),
            ap: fc.nat(999),
            ep: fc.nat(9),
            wo: fc.constantFrom('b', 'f', 'd', 'n'),
            oos: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
          }),
          permille: fc.integer({ min: 0, max: 1000 }),
          left: u32,
          total: u32,
          unit: fc.constantFrom<'K' | 'M'>('K', 'M'),
          finish: fc.option(fc.nat(10_000_000)),
          speed: fc.integer({ min: -5_000_000, max: 50_000_000 }),
          speed3s: fc.option(fc.nat(50_000_000)),
          average: fc.nat(50_000_000),
          want: fc.option(fc.nat(50_000_000)),
          stalled: fc.boolean(),
          sectorPos: fc.option(
            fc.record({ percent: fc.nat(100), position: u32, max: u32, stop: fc.option(u32) }),
          ),
          blocked: fc.option(fc.nat(99)),
        })
        .map((g): ProcDevice => {
          const syncing = ['SyncSource', 'SyncTarget', 'VerifyS'].includes(g.cs);
          return {
            minor,
            cs: g.cs,
            roleKey: 'ro',
            role: g.role,
            peerRole: g.peerRole,
            disk: g.disk,
            peerDisk: g.peerDisk,
            protocol: g.protocol,
            flags: g.flags,
            io: parseProcDrbd(
              `version: 8.4.11 (api:1/proto:86-101)\nx\n 0: cs:X ro:A/B ds:C/D C ${g.flags}\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0\n`,
            ).model.devices[0]!.io,
            counters: g.counters,
            extraCounters: [],
            progress: syncing
              ? {
                  kind: g.cs === 'VerifyS' ? 'verify' : 'resync',
                  bar: progressBar(g.permille),
                  permille: g.permille,
                  left: g.left,
                  total: g.total,
                  unit: g.unit,
                  barSuffix: '',
                  glued: false,
                  finishSeconds: g.finish,
                  stalledLine: false,
                  speed: g.speed,
                  speed3s: g.speed3s,
                  average: g.average,
                  want: g.want,
                  stalled: g.stalled,
                }
              : null,
            oldVerify: null,
            sectorPos: syncing ? g.sectorPos : null,
            lru: [],
            lruDump: [],
            blockedOnActivityLog: g.blocked,
            otherLines: [],
          };
        }),
    },
  );

export const procModel: fc.Arbitrary<ProcDrbd> = fc
  .uniqueArray(fc.nat(300), { maxLength: 12 })
  .chain((minors) => fc.tuple(...[...minors].sort((a, b) => a - b).map(procDevice)))
  .map((devices) => ({
    version: {
      release: '8.4.11',
      major: 8,
      minor: 4,
      patch: 11,
      suffix: '',
      api: 1,
      protoMin: 86,
      protoMax: 101,
      compat84: false,
    },
    build: { raw: 'built-in', kind: 'built-in' as const },
    transports: null,
    devices,
  }));

const n = fc.option(fc.nat(2 ** 40), { nil: null });
const bool = fc.option(fc.boolean(), { nil: null });
export const status: fc.Arbitrary<DrbdStatus> = fc
  .uniqueArray(word, { maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...[...names].sort().map((name) =>
        fc.record({
          name: fc.constant(name),
          nodeId: fc.constant(null),
          role: fc.constantFrom('Primary', 'Secondary'),
          suspendedReasons: fc.subarray(['user', 'no-data', 'fencing', 'quorum']),
          writeOrdering: fc.option(fc.constantFrom('flush', 'drain', 'none'), { nil: null }),
          forceIoFailures: bool,
          mayPromote: bool,
          promotionScore: fc.option(fc.nat(20000), { nil: null }),
          unconfigured: fc.constant(false),
          devices: fc.uniqueArray(fc.nat(3), { maxLength: 3 }).chain((vols) =>
            fc.tuple(
              ...[...vols].sort().map((volume) =>
                fc.record({
                  volume: fc.constant(volume),
                  minor: fc.nat(1100),
                  disk: fc.constantFrom('UpToDate', 'Diskless', 'Inconsistent'),
                  client: bool,
                  quorum: bool,
                  open: bool,
                  backingDev: fc.option(fc.constantFrom('/dev/vg0/a', '/dev/sdb'), { nil: null }),
                  sizeBytes: n.map((v) => (v === null ? null : v * 1024)),
                  readBytes: n.map((v) => (v === null ? null : v * 1024)),
                  writtenBytes: n.map((v) => (v === null ? null : v * 1024)),
                  alWrites: n,
                  bmWrites: n,
                  upperPending: n,
                  lowerPending: n,
                  alSuspended: bool,
                  blocked: fc.option(fc.subarray(['upper', 'lower']), { nil: null }),
                }),
              ),
            ),
          ),
          connections: fc.uniqueArray(word, { maxLength: 3 }).chain((conns) =>
            fc.tuple(
              ...[...conns].sort().map((cname, i) =>
                fc.record({
                  name: fc.constant(cname),
                  peerNodeId: fc.constant(i + 1),
                  state: fc.constantFrom('Connected', 'Connecting', 'StandAlone'),
                  peerRole: fc.constantFrom('Primary', 'Secondary', 'Unknown'),
                  congested: bool,
                  tls: bool,
                  apInFlightBytes: n.map((v) => (v === null ? null : v * 512)),
                  rsInFlightBytes: n.map((v) => (v === null ? null : v * 512)),
                  protocol: fc.constant(null),
                  paths: fc.constant<Path[]>([]),
                  peerDevices: fc.uniqueArray(fc.nat(3), { maxLength: 2 }).chain((vols) =>
                    fc.tuple(
                      ...[...vols].sort().map((volume) =>
                        fc.record({
                          volume: fc.constant(volume),
                          replication: fc.constantFrom('Established', 'Off', 'SyncSource', 'VerifyT'),
                          peerDisk: fc.constantFrom('UpToDate', 'DUnknown', 'Inconsistent'),
                          peerClient: bool,
                          resyncSuspended: fc.subarray(['user', 'peer', 'dependency']),
                          receivedBytes: n.map((v) => (v === null ? null : v * 1024)),
                          sentBytes: n.map((v) => (v === null ? null : v * 1024)),
                          outOfSyncBytes: n.map((v) => (v === null ? null : v * 1024)),
                          pending: n,
                          unacked: n,
                          legacyState: fc.constant(null),
                          sync: fc.record({
                            done: fc.nat(10000),
                            speed: fc.nat(100000),
                            eta: fc.option(fc.nat(99999), { nil: null }),
                          }),
                        }),
                      ),
                    ),
                  ),
                }),
              ),
            ),
          ),
        }),
      ),
    ),
  )
  .map((resources) => ({
    source: 'events2' as const,
    kernel: null,
    resources: resources.map((r) => ({
      ...r,
      suspended: r.suspendedReasons.length > 0,
      connections: r.connections.map((c) => ({
        ...c,
        // A peer device exists only for a local volume (as in DRBD).
        // Replication is Off exactly when the connection is not Connected (as in DRBD 9).
        peerDevices: c.peerDevices
          .filter((p) => r.devices.some((d) => d.volume === p.volume))
          .map(({ sync, ...g }) => {
            const p = {
              ...g,
              replication:
                c.state !== 'Connected' ? 'Off' : g.replication === 'Off' ? 'Established' : g.replication,
            };
            return {
              ...p,
              sync: /^(Sync|Verify)/.test(p.replication)
                ? {
                    kind: p.replication.startsWith('Verify') ? ('verify' as const) : ('resync' as const),
                    percentDone: sync.done / 100,
                    etaSeconds: sync.eta,
                    speedBytesPerSecond: (sync.speed / 100) * 2 ** 20,
                    averageBytesPerSecond: null,
                    wantBytesPerSecond: null,
                    leftBytes: null,
                    totalBytes: null,
                    stalled: null,
                  }
                : null,
            };
          }),
      })),
    })),
  }));

import { describe, expect, it } from 'vitest';
import { emitProcDrbd, parse, parseProcDrbd, parseProcDrbdCst, printProcDrbd } from '../src/index.js';
import { DrbdStatusSchema, ProcDrbdSchema } from '../src/schema.js';
import { formatGrouped, progressBar } from '../src/sources/proc/emit.js';
import { decodeIoFlags, parseGrouped } from '../src/sources/proc/parse.js';
import { fixtures, notKernelFormatted, readFixture } from './helpers.js';

const procFixtures = fixtures('proc-');

describe('/proc/drbd fixtures', () => {
  it.each(procFixtures)('%s parses with no error or warning', (name) => {
    const r = parseProcDrbd(readFixture(name));
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it.each(procFixtures)('%s prints back losslessly from the CST', (name) => {
    const text = readFixture(name);
    expect(printProcDrbd(parseProcDrbdCst(text))).toBe(text);
  });

  it.each(procFixtures.filter((f) => !(f in notKernelFormatted)))('%s: emit(parse(x)) === x', (name) => {
    const text = readFixture(name);
    expect(emitProcDrbd(parseProcDrbd(text).model)).toBe(text);
  });

  it.each(Object.entries(notKernelFormatted))(
    '%s (%s) re-emits as kernel text with the same model',
    (name) => {
      const text = readFixture(name);
      const model = parseProcDrbd(text).model;
      const emitted = emitProcDrbd(model);
      expect(emitted).not.toBe(text);
      expect(parseProcDrbd(emitted).model).toEqual(model);
      // Only whitespace differs (or the edited-out blank line).
      expect(emitted.replace(/\s+/g, ' ')).toBe(
        text.replace(/\s+/g, ' ').replace(/ 2: cs:Unconfigured 4:/, ' 2: cs:Unconfigured 4:'),
      );
    },
  );

  it.each(fixtures())('%s: normalised model matches the golden snapshot', async (name) => {
    const r = parse(readFixture(name));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await expect(`${JSON.stringify(r.model, null, 2)}\n`).toMatchFileSnapshot(
      `__snapshots__/${name}.status.json`,
    );
  });
});

// Hand-checked against shared/reference/proc-drbd.md.
describe('reference facts', () => {
  it('8.0: st: roles, 4 flags, no ep/wo/oos, LRU lines, Unconfigured, gap', () => {
    const m = parseProcDrbd(readFixture('proc-8.0.12-connected-unconfigured-gap.txt')).model;
    expect(m.version).toMatchObject({ release: '8.0.12', api: 86, protoMin: 86, protoMax: null });
    const d0 = m.devices[0]!;
    expect(d0).toMatchObject({
      roleKey: 'st',
      role: 'Primary',
      peerRole: 'Secondary',
      protocol: 'C',
      flags: 'r---',
    });
    expect(d0.io).toEqual({
      ioSuspended: false,
      resyncAfterDependency: false,
      peerPaused: false,
      userPaused: false,
      congestion: null,
      alSuspended: null,
    });
    expect(d0.counters).toEqual({
      ns: 78728316,
      nr: 0,
      dw: 77675644,
      dr: 1277039,
      al: 254,
      bm: 270,
      lo: 0,
      pe: 0,
      ua: 0,
      ap: 0,
    });
    expect(d0.lru.map((l) => [l.name, l.used, l.size, l.lockedKey])).toEqual([
      ['resync', 0, 61, 'dirty'],
      ['act_log', 0, 257, 'dirty'],
    ]);
    expect(m.devices.map((d) => [d.minor, d.cs])).toEqual([
      [0, 'Connected'],
      [1, 'Unconfigured'],
      [2, 'Unconfigured'],
      [5, 'Unconfigured'],
      [6, 'Unconfigured'],
    ]);
  });

  it('8.0 progress bar counts from the remaining fraction and the old stalled line', () => {
    const m = parseProcDrbd(readFixture('proc-8.0.16-sync-stalled-lru-lines.txt')).model;
    expect(m.devices[0]!.progress).toMatchObject({
      permille: 271,
      left: 4874,
      total: 6675,
      unit: 'M',
      finishSeconds: 166,
      speed: 30024,
      average: 28112,
    });
    expect(progressBar(271, 8_000_016)).toBe('=====>..............');
    expect(m.devices[1]!.progress).toMatchObject({ stalledLine: true, speed: null });
  });

  it('pre-8.3.10 verify line is in 4-KiB blocks', () => {
    const r = parse(readFixture('proc-8.2.7-st-verify-old-line-synctarget.txt'));
    expect(r.proc!.devices[0]!.oldVerify).toEqual({
      percent: 37,
      oosBits: null,
      done: 485376,
      total: 1310720,
    });
    expect(r.model.resources[0]!.connections[0]!.peerDevices[0]!.sync).toMatchObject({
      kind: 'verify',
      percentDone: 37,
      totalBytes: 1310720 * 4096,
    });
  });

  it('the glued )Mfinish: bug of the in-kernel 8.3', () => {
    const d = parseProcDrbd(readFixture('proc-8.3-inkernel-2.6.39-mfinish-bug.txt')).model.devices[3]!;
    expect(d.progress).toMatchObject({
      glued: true,
      bar: '>....................',
      permille: 24,
      left: 14996,
      total: 15360,
      unit: 'M',
      finishSeconds: 248,
      speed: 61736,
    });
    expect(d.protocol).toBe('A');
  });

  it('8.3.1 NUL congestion byte', () => {
    const d = parseProcDrbd(readFixture('proc-8.3.1-nul-congestion-flag-mixed-states.txt')).model.devices[1]!;
    expect(d.flags).toBe('r---\0');
    expect(d.io!.congestion).toBe('unset');
  });

  it('blank protocol column of StandAlone', () => {
    const d = parseProcDrbd(readFixture('proc-8.4.11-split-brain-standalone.txt')).model.devices[0]!;
    expect(d).toMatchObject({ cs: 'StandAlone', protocol: null, flags: 'r-----', peerDisk: 'DUnknown' });
    expect(d.counters!.oos).toBe(41212);
  });

  it('proc_details=2: 3-second rate, (stalled), 210 h finish, sector pos, locked:, blocked line on Unconfigured', () => {
    const m = parseProcDrbd(readFixture('proc-8.4.11-synctarget-stalled-proc-details-2.txt')).model;
    expect(m.devices[0]!.progress).toMatchObject({
      speed: 0,
      speed3s: 0,
      average: 3029,
      want: 40960,
      stalled: true,
      finishSeconds: 210 * 3600 + 29 * 60 + 20,
    });
    expect(m.devices[0]!.sectorPos).toEqual({ percent: 5, position: 1163264, max: 20971520, stop: null });
    expect(m.devices[0]!.lru[0]!.lockedKey).toBe('locked');
    expect(m.devices[1]).toMatchObject({ cs: 'Unconfigured', blockedOnActivityLog: 0 });
  });

  it('flags a/u/p and no progress lines for paused syncs', () => {
    const m = parseProcDrbd(readFixture('proc-8.4.11-paused-sync-flags-a-p-u.txt')).model;
    expect(
      m.devices
        .slice(1)
        .map((d) => [d.io!.resyncAfterDependency, d.io!.peerPaused, d.io!.userPaused, d.progress]),
    ).toEqual([
      [true, false, false, null],
      [false, false, true, null],
      [false, true, false, null],
    ]);
    const st = parse(readFixture('proc-8.4.11-paused-sync-flags-a-p-u.txt')).model;
    expect(st.resources[1]!.connections[0]!.peerDevices[0]!.resyncSuspended).toEqual(['dependency']);
  });

  it('three-digit minors and gaps', () => {
    const m = parseProcDrbd(readFixture('proc-8.4.11-unconfigured-minors-gaps-3digit.txt')).model;
    expect(m.devices.map((d) => d.minor)).toEqual([0, 1, 3, 10, 11, 147]);
    expect(m.devices[5]).toMatchObject({ protocol: 'B', counters: expect.objectContaining({ wo: 'd' }) });
  });

  it('DRBD 9: transports, reproducible build, compat 8.4 with 3-second rate', () => {
    expect(parseProcDrbd(readFixture('proc-9.2.8-three-transports.txt')).model.transports).toEqual({
      api: 20,
      list: [
        { name: 'tcp', version: '9.2.8' },
        { name: 'lb-tcp', version: '9.2.8' },
        { name: 'rdma', version: '9.2.8' },
      ],
    });
    const r = parseProcDrbd(readFixture('proc-9.1.23-no-transport-loaded-reproducible.txt')).model;
    expect(r.transports).toEqual({ api: 21, list: [] });
    expect(r.build).toMatchObject({ kind: 'git', reproducible: true, date: '2025-01-14 09:21:32' });
    const c = parseProcDrbd(readFixture('proc-9.2.16-compat84-synctarget.txt')).model;
    expect(c.version).toMatchObject({
      major: 9,
      minor: 2,
      patch: 16,
      compat84: true,
      protoMin: 118,
      protoMax: 123,
    });
    expect(c.devices[0]!.progress).toMatchObject({
      speed: 24576,
      speed3s: 25600,
      average: 23040,
      want: 102400,
    });
  });

  it('srcversion and built-in build lines', () => {
    expect(parseProcDrbd(readFixture('proc-8.4.3-srcversion-dual-primary.txt')).model.build).toMatchObject({
      kind: 'srcversion',
      srcversion: '1A9F77B1CA5FF92235C2213',
    });
    expect(
      parseProcDrbd(readFixture('proc-8.4.11-mainline-builtin-diskless-primary.txt')).model.build,
    ).toMatchObject({ kind: 'built-in' });
  });

  it('normalises units: KiB counters to bytes, M progress to MiB, speeds to bytes/s', () => {
    const st = parse(readFixture('proc-8.4.11-inkernel-syncsource-synctarget-M-want.txt')).model;
    const pd = st.resources[1]!.connections[0]!.peerDevices[0]!;
    expect(pd).toMatchObject({
      replication: 'SyncTarget',
      legacyState: 'SyncTarget',
      receivedBytes: 563686400 * 1024,
      outOfSyncBytes: 1389772624 * 1024,
    });
    expect(pd.sync).toMatchObject({
      leftBytes: 1357196 * 2 ** 20,
      totalBytes: 1907668 * 2 ** 20,
      speedBytesPerSecond: 100404 * 1024,
      wantBytesPerSecond: 113600 * 1024,
      etaSeconds: 3 * 3600 + 50 * 60 + 39,
    });
    expect(st.resources[1]!.connections[0]!.state).toBe('Connected');
  });
});

describe('number formats', () => {
  it('reads every grouping style', () => {
    expect(['999', '1,005', '1,234,567', '1234,567', '-1,234'].map(parseGrouped)).toEqual([
      999, 1005, 1234567, 1234567, -1234,
    ]);
  });
  it('writes the grouping of each era', () => {
    expect(formatGrouped(1000, 8_004_011)).toBe('1,000');
    expect(formatGrouped(1000, 8_003_009)).toBe('1000');
    expect(formatGrouped(1234567, 8_003_009)).toBe('1234,567');
    expect(formatGrouped(1234567, 8_004_000)).toBe('1,234,567');
    expect(formatGrouped(-1234, 9_002_019)).toBe('-1,234');
  });
  it('bars are 21 characters below 5 % and end in > at 100 %', () => {
    expect(progressBar(24)).toBe('>....................');
    expect(progressBar(1000)).toBe(`${'='.repeat(19)}>`);
  });
  it('decodes every congestion letter', () => {
    expect(
      ['r---d-', 'r---c-', 'r---b-', 'r---n-', 'r---a-', 'r---x-', 's----s'].map(
        (f) => decodeIoFlags(f).congestion,
      ),
    ).toEqual(['drbd', 'helper', 'backing', 'network', 'both', 'unknown', 'none']);
    expect(decodeIoFlags('s----s')).toMatchObject({ ioSuspended: true, alSuspended: true });
  });
});

describe('truncated reads', () => {
  const text = readFixture('proc-8.4.2-gaps-diskless-standalone.txt');
  it('a cut inside a counter line drops that minor and warns', () => {
    const cut = text.indexOf('ns:', text.indexOf(' 6: cs:')) + 10;
    const r = parseProcDrbd(text.slice(0, cut));
    expect(r.model.devices.map((d) => d.minor)).toEqual([0, 1, 2, 4]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['drbd-status/truncated-input']);
  });
  it('a cut inside a state line keeps every earlier minor', () => {
    const cut = text.indexOf(' 6: cs:') + 8;
    const r = parseProcDrbd(text.slice(0, cut));
    expect(r.model.devices.map((d) => d.minor)).toEqual([0, 1, 2, 4]);
    expect(r.diagnostics[0]!.code).toBe('drbd-status/truncated-input');
    expect(r.diagnostics[0]!.message).toMatch(/^Expected a complete line, found ` 6: cs:C` cut off/);
  });
  it('a minor without its counter line is an error', () => {
    const head =
      'version: 8.4.11 (api:1/proto:86-101)\nbuilt-in\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n';
    const r = parseProcDrbd(`${head} 1: cs:Unconfigured\n`);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'drbd-status/missing-counter-line Expected an `ns:` counter line after minor 0',
    ]);
    const end = parseProcDrbd(head);
    expect(end.model.devices).toEqual([]);
    expect(end.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'drbd-status/truncated-input Expected an `ns:` counter line after minor 0, found the end of the read',
    ]);
  });
  it('garbage gets plain-words diagnostics with positions', () => {
    const r = parseProcDrbd('hello\nworld\n 0: cs:Connected ro:Primary\n');
    expect(r.diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.code}`)).toEqual(
      [
        '1:1 drbd-status/missing-version-line',
        '2:1 drbd-status/unknown-line',
        '3:1 drbd-status/invalid-state-line',
        '3:1 drbd-status/missing-counter-line',
      ],
    );
  });
});

describe('8.x state translation', () => {
  it('maps every connection state to DRBD 9 words', async () => {
    const { translateLegacyState } = await import('../src/index.js');
    expect(
      [
        'StandAlone',
        'NetworkFailure',
        'WFConnection',
        'WFReportParams',
        'Connected',
        'SyncSource',
        'PausedSyncT',
        'VerifyS',
        'Ahead',
        'WFBitMapT',
      ].map((cs) => `${cs}=${Object.values(translateLegacyState(cs)).join('/')}`),
    ).toEqual([
      'StandAlone=StandAlone/Off',
      'NetworkFailure=NetworkFailure/Off',
      'WFConnection=Connecting/Off',
      'WFReportParams=Connected/Off',
      'Connected=Connected/Established',
      'SyncSource=Connected/SyncSource',
      'PausedSyncT=Connected/PausedSyncT',
      'VerifyS=Connected/VerifyS',
      'Ahead=Connected/Ahead',
      'WFBitMapT=Connected/WFBitMapT',
    ]);
  });
  it('Unconfigured minors of 8.0 – 8.2.6 may be Primary: role Unknown', () => {
    const st = parse(readFixture('proc-8.0.12-connected-unconfigured-gap.txt')).model;
    expect(st.resources[1]).toMatchObject({
      name: 'drbd1',
      unconfigured: true,
      role: 'Unknown',
      connections: [],
    });
    const st84 = parse(readFixture('proc-8.4.11-unconfigured-minors-gaps-3digit.txt')).model;
    expect(st84.resources[0]).toMatchObject({ unconfigured: true, role: 'Secondary' });
  });
});

describe('models satisfy their schemas', () => {
  it.each(fixtures())('%s', (name) => {
    const r = parse(readFixture(name));
    expect(DrbdStatusSchema.safeParse(r.model).error).toBeUndefined();
    if (r.proc) expect(ProcDrbdSchema.safeParse(r.proc).error).toBeUndefined();
  });
  it('DRBD 9 /proc/drbd says where the devices went', () => {
    const r = parseProcDrbd(readFixture('proc-9.2.8-three-transports.txt'));
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'info drbd-status/drbd9-no-devices DRBD 9.2.8 lists no devices in /proc/drbd: read `drbdsetup status --json` or `drbdsetup events2 --now` instead',
    ]);
  });
});

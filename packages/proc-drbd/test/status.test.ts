import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  detectStatusSource,
  Events2Parser,
  Events2Reducer,
  emitEvents2,
  emitStatusJson,
  events2ToStatus,
  lint,
  parse,
  parseEvents2,
  parseStatusJson,
  parseStatusText,
  statusJsonToStatus,
} from '../src/index.js';
import { status } from './arbitraries.js';
import { fixtures, readFixture } from './helpers.js';

describe('source detection', () => {
  it.each(fixtures())('%s', (name) => {
    const want = name.startsWith('proc-')
      ? 'proc-drbd'
      : name.startsWith('status-json')
        ? 'status-json'
        : name.startsWith('status-text')
          ? 'status-text'
          : 'events2';
    expect(detectStatusSource(readFixture(name))).toBe(want);
  });
  it('gives null for other text', () => {
    expect(detectStatusSource('resource r0 {\n  on a { }\n}\n')).toBeNull();
    expect(parse('').diagnostics.map((d) => d.code)).toEqual(['drbd-status/unknown-source']);
  });
});

describe('status --json', () => {
  it.each(fixtures('status-json'))('%s reads without problems', (name) => {
    expect(parseStatusJson(readFixture(name)).diagnostics).toEqual([]);
  });
  it('accepts the old string booleans, nan, and the trailing blank in state values', () => {
    const text = `[\n{\n  "name": "r0",\n  "node-id": 0,\n  "role": "Primary",\n  "suspended": false,\n  "write-ordering": "flush",\n  "devices": [\n    {\n      "volume": 0,\n      "minor": 0,\n      "disk-state": "Diskless",\n      "client": "yes",\n      "quorum": "true"\n    } ],\n  "connections": [\n    {\n      "peer-node-id": 1,\n      "name": "b",\n      "connection-state": "Connected ",\n      "congested": false,\n      "peer-role": "Secondary",\n      "peer_devices": [\n        {\n          "volume": 0,\n          "replication-state": "SyncTarget",\n          "peer-disk-state": "UpToDate",\n          "peer-client": "unknown",\n          "percent-in-sync": nan,\n          "estimated-seconds-to-finish": 987654321\n        } ]\n    } ]\n}\n]\n\n`;
    const { model: data, diagnostics: problems } = parseStatusJson(text);
    expect(problems).toEqual([]);
    const st = statusJsonToStatus(data!);
    expect(st.resources[0]!.devices[0]).toMatchObject({ client: true, quorum: true });
    const c = st.resources[0]!.connections[0]!;
    expect(c.state).toBe('Connected');
    expect(c.peerDevices[0]).toMatchObject({
      peerClient: null,
      sync: expect.objectContaining({ etaSeconds: null }),
    });
  });
  it('keys with blanks and slashes: db1/dt1 [MiB/s]', () => {
    const st = parse(readFixture('status-json-verify-and-synctarget.json')).model;
    const sync = st.resources[0]!.connections[0]!.peerDevices[0]!.sync!;
    expect(sync).toMatchObject({
      kind: 'resync',
      percentDone: 33.4,
      etaSeconds: 54,
      totalBytes: 16777216 * 512,
    });
    expect(sync.speedBytesPerSecond).toBeCloseTo(100.29 * 2 ** 20);
    const verify = st.resources[1]!.connections[0]!.peerDevices[0]!.sync!;
    expect(verify.kind).toBe('verify');
  });
  it('reports syntax and schema errors as diagnostics, never throws', () => {
    expect(parse('[\n{"name": 1}\n]\n').diagnostics.map((d) => d.code)).toContain(
      'drbd-status/schema-mismatch',
    );
    expect(parse('[\n{"name": \n').diagnostics.map((d) => d.code)).toEqual(['drbd-status/invalid-json']);
  });
  it('emitStatusJson output reads back to the same model (fields JSON carries)', () => {
    for (const name of fixtures('status-json')) {
      const st = parse(readFixture(name)).model;
      const again = parse(emitStatusJson(st)).model;
      expect(again.resources.map((r) => r.name)).toEqual(st.resources.map((r) => r.name));
      expect(
        again.resources.map((r) =>
          r.connections.map((c) => [
            c.name,
            c.state,
            c.peerDevices.map((p) => [p.replication, p.outOfSyncBytes]),
          ]),
        ),
      ).toEqual(
        st.resources.map((r) =>
          r.connections.map((c) => [
            c.name,
            c.state,
            c.peerDevices.map((p) => [p.replication, p.outOfSyncBytes]),
          ]),
        ),
      );
    }
  });
});

describe('status text', () => {
  it.each(fixtures('status-text'))('%s reads without problems', (name) => {
    expect(parseStatusText(readFixture(name)).diagnostics).toEqual([]);
  });
  it('attaches 80-column continuation lines to the right object', () => {
    const st = parse(readFixture('status-text-verbose-statistics-three-node-80col.txt')).model;
    const r = st.resources[0]!;
    expect(r).toMatchObject({
      name: 'web',
      nodeId: 0,
      role: 'Primary',
      writeOrdering: 'flush',
      forceIoFailures: false,
    });
    expect(r.devices[0]).toMatchObject({
      open: true,
      sizeBytes: 20971520 * 1024,
      upperPending: 0,
      blocked: [],
    });
    const gamma = r.connections.find((c) => c.name === 'gamma')!;
    expect(gamma.rsInFlightBytes).toBe(2048 * 512);
    expect(gamma.peerDevices[0]).toMatchObject({
      replication: 'SyncSource',
      unacked: 16,
      resyncSuspended: [],
    });
    expect(gamma.peerDevices[0]!.sync).toMatchObject({ percentDone: 43.75, etaSeconds: 115 });
  });
  it('strips ANSI colours', () => {
    const st = parseStatusText('r0 role:\x1b[1;36mPrimary\x1b[0m\n  disk:\x1b[1;32mUpToDate\x1b[0m\n').model;
    expect(st.resources[0]).toMatchObject({
      role: 'Primary',
      devices: [expect.objectContaining({ disk: 'UpToDate' })],
    });
  });
  it('DRBD 8.4 through drbdsetup-84: peer named `peer`', () => {
    const st = parse(readFixture('status-text-drbd84-kernel-three-resources.txt')).model;
    expect(
      st.resources.map((r) => [
        r.name,
        r.connections[0]!.state,
        r.connections[0]!.peerDevices[0]?.replication,
      ]),
    ).toEqual([
      ['r0', 'Connected', 'Established'],
      ['r1', 'Connected', 'SyncTarget'],
      ['r2', 'Connecting', undefined],
    ]);
  });
});

describe('events2', () => {
  it.each(fixtures('events2'))('%s reads without problems', (name) => {
    expect(parseEvents2(readFixture(name)).diagnostics).toEqual([]);
  });
  it.each(fixtures('events2'))('%s: any chunking gives the same events', (name) => {
    const text = readFixture(name);
    const whole = parseEvents2(text).model;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 8 }), (cuts) => {
        const p = new Events2Parser();
        const got = [];
        let at = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          got.push(...p.push(text.slice(at, c)));
          at = c;
        }
        got.push(...p.push(text.slice(at)), ...p.end());
        expect(got).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });
  it('reduces a stream: disconnect, resync and down leave nothing', () => {
    const text = readFixture('events2-stream-timestamps-statistics-disconnect-resync-down.txt');
    const r = new Events2Reducer();
    const { model: events } = parseEvents2(text);
    const atEstablished = events.findIndex((e) => e.fields.replication === 'SyncSource');
    r.applyAll(events.slice(0, atEstablished + 1));
    const pd = r.toStatus().resources[0]!.connections[0]!.peerDevices[0]!;
    expect(pd).toMatchObject({
      replication: 'SyncSource',
      peerDisk: 'Inconsistent',
      outOfSyncBytes: 163840 * 1024,
    });
    expect(pd.sync).toMatchObject({ percentDone: 0, etaSeconds: null, speedBytesPerSecond: 0 });
    r.applyAll(events.slice(atEstablished + 1));
    expect(r.toStatus().resources).toEqual([]);
    expect(r.helperCalls.map((h) => [h.fields.helper, h.status])).toEqual([['before-resync-source', 0]]);
  });
  it('diff mode keeps the new values', () => {
    const st = events2ToStatus(parseEvents2(readFixture('events2-utils-testsuite-diff-mode.txt')).model);
    expect(st.resources[0]!.devices[0]).toMatchObject({ disk: 'UpToDate', backingDev: '/dev/sda' });
    expect(st.resources[0]!.connections[0]).toMatchObject({ state: 'Connected', peerRole: 'Secondary' });
  });
  it('destroying a connection destroys its peer devices and paths', () => {
    const st = events2ToStatus(parseEvents2(readFixture('events2-utils-testsuite-create-destroy.txt')).model);
    expect(st.resources).toEqual([]);
  });
  it('the three sources of the same three-node cluster agree', () => {
    const ev = parse(readFixture('events2-now-timestamps-statistics-three-node.txt')).model;
    const tx = parse(readFixture('status-text-verbose-statistics-three-node-80col.txt')).model;
    const pick = (s: typeof ev) =>
      s.resources.map((r) => ({
        name: r.name,
        role: r.role,
        devices: r.devices.map((d) => [d.minor, d.disk, d.writtenBytes, d.quorum, d.open]),
        connections: r.connections.map((c) => [
          c.name,
          c.peerNodeId,
          c.state,
          c.peerRole,
          c.rsInFlightBytes,
          c.peerDevices.map((p) => [
            p.replication,
            p.peerDisk,
            p.sentBytes,
            p.outOfSyncBytes,
            p.sync?.percentDone ?? null,
          ]),
        ]),
      }));
    expect(pick(tx)).toEqual(pick(ev));
  });
  it('a disconnected peer gets one verdict from JSON, default text, verbose text and events2', () => {
    const verdict = (name: string) =>
      lint(readFixture(name))
        .diagnostics.filter((d) => d.ruleId !== undefined)
        .map((d) => `${d.code} ${d.message}`);
    // The same three-node cluster, beta Connecting: the default text shows no volumes under it.
    const json = verdict('status-json-three-node-paths-tls-open.json');
    expect(json).toEqual([
      'peer-disk-degraded Expected the peer disk of `web` on `beta` to be UpToDate, found DUnknown',
    ]);
    expect(verdict('status-text-default-three-node-sync-connecting.txt')).toEqual(json);
    expect(verdict('status-text-verbose-statistics-three-node-80col.txt')).toEqual(json);
    expect(verdict('events2-now-timestamps-statistics-three-node.txt')).toEqual(json);
  });
  it('emitEvents2 of every fixture model reads back to the same model', () => {
    for (const name of fixtures('events2')) {
      const st = parse(readFixture(name)).model;
      expect(parse(emitEvents2(st, { timestamp: '2024-06-20T10:15:42.118351+02:00' })).model, name).toEqual(
        st,
      );
    }
  });
  it('never lets names reach the prototype', () => {
    const st = events2ToStatus(
      parseEvents2('exists resource name:__proto__ role:Primary constructor:x\nexists -\n').model,
    );
    expect(st.resources[0]!.name).toBe('__proto__');
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

describe('status --json schema positions', () => {
  it('points at the offending value', () => {
    const text =
      '[\n{\n  "name": "r0",\n  "role": "Primary",\n  "devices": [\n    {\n      "volume": "zero",\n      "minor": 0\n    } ]\n}\n]\n';
    const d = parse(text).diagnostics;
    expect(
      d.map((x) => `${x.position.start.line}:${x.position.start.column} ${x.code} ${x.message}`),
    ).toEqual(['7:17 drbd-status/schema-mismatch Expected number at `0.devices.0.volume`, found string']);
  });
});

describe('status text defaults', () => {
  it('a peer-device line without replication: is Off under a connection that is not Connected', () => {
    const st = parseStatusText(
      'r0 role:Primary\n  disk:UpToDate\n  b connection:Connecting\n    peer-disk:DUnknown\n        received:0 sent:0\n',
    ).model;
    expect(st.resources[0]!.connections[0]!.peerDevices[0]!.replication).toBe('Off');
  });
});

describe('status --json emitter', () => {
  test.prop([status], { numRuns: 200 })('emit(parse(emit(m))) === emit(m), valid JSON, no problems', (m) => {
    const text = emitStatusJson(m);
    const { model: data, diagnostics: problems } = parseStatusJson(text);
    expect(problems).toEqual([]);
    expect(emitStatusJson(statusJsonToStatus(data!))).toBe(text);
  });
  it('keeps drbd-utils cosmetics: blank after the connection state, `} ]` closers, empty document', () => {
    const text = emitStatusJson(parse(readFixture('status-json-verify-and-synctarget.json')).model);
    expect(text).toContain('"connection-state": "Connected", \n');
    expect(text).toContain('\n    } ],\n');
    expect(text.endsWith('}\n]\n\n')).toBe(true);
    expect(emitStatusJson({ source: 'status-json', kernel: null, resources: [] })).toBe(
      readFixture('status-json-no-resources.json'),
    );
  });
});

describe('Events2Reducer.toStatus', () => {
  it('returns a copy the caller may change', () => {
    const r = new Events2Reducer().applyAll(
      parseEvents2(readFixture('events2-now-timestamps-statistics-three-node.txt')).model,
    );
    const a = r.toStatus();
    a.resources[0]!.connections[0]!.peerDevices[0]!.resyncSuspended.push('user');
    a.resources[0]!.devices[0]!.disk = 'Failed';
    expect(r.toStatus()).toEqual(
      parse(readFixture('events2-now-timestamps-statistics-three-node.txt')).model,
    );
  });
});

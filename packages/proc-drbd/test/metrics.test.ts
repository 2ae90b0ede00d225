import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectionStateValues,
  diskStateValues,
  type MetricFamily,
  metricFamilies,
  parse,
  roleValues,
  statusMetrics,
} from '../src/index.js';
import { fixtureDir, readFixture } from './helpers.js';

interface ReactorFamily {
  readonly name: string;
  readonly type: string;
  readonly labels: readonly string[];
  readonly enums?: boolean;
}
const reactor: ReactorFamily[] = JSON.parse(
  readFileSync(join(fixtureDir, 'drbd-reactor/metrics.json'), 'utf8'),
);
// Left out on purpose (fixtures/drbd-reactor/SOURCES.md): it would claim drbd-reactor runs.
const expectedReactor = reactor.filter((f) => f.name !== 'drbdreactor_up');

const byName = (families: readonly MetricFamily[]) => new Map(families.map((f) => [f.name, f]));
const sample = (f: MetricFamily | undefined, labels: Record<string, string>) =>
  f?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('metricFamilies', () => {
  it("has drbd-reactor's families with its types and labels, and nothing else under its names", () => {
    const ours = metricFamilies
      .filter((f) => f.origin === 'drbd-reactor')
      .map((f) => ({ name: f.name, type: f.type, labels: f.labelNames, enums: f.enumsOnly === true }));
    expect(ours).toEqual(
      expectedReactor.map((f) => ({ name: f.name, type: f.type, labels: f.labels, enums: f.enums === true })),
    );
  });
  it('keeps our families out of the names drbd-reactor uses', () => {
    for (const f of metricFamilies.filter((m) => m.origin === 'ftkit')) {
      expect(f.name).toMatch(/^ftkit_drbd_[a-z_]+$/);
      if (f.type === 'counter') expect(f.name).toMatch(/_total$/);
    }
  });
});

describe('statusMetrics', () => {
  const three = parse(readFixture('events2-now-timestamps-statistics-three-node.txt')).model;

  it('writes every drbd-reactor family for DRBD 9 events2, with its labels', () => {
    const families = byName(statusMetrics(three, { enums: true }));
    for (const f of expectedReactor) {
      const got = families.get(f.name);
      expect(got, f.name).toBeDefined();
      expect(got!.type).toBe(f.type);
      for (const s of got!.samples) expect(Object.keys(s.labels), f.name).toEqual(f.labels);
    }
  });

  it('takes values from the status model, in bytes as drbd-reactor scales them', () => {
    const families = byName(statusMetrics(three));
    const web = three.resources[0]!;
    const gamma = web.connections.find((c) => c.name === 'gamma')!;
    const pd = { name: 'web', conn_name: 'gamma', peer_node_id: '3', volume: '0' };
    // events2 reports KiB and 512-byte sectors; drbd-reactor multiplies by 1024 and 512.
    expect(sample(families.get('drbd_peerdevice_sent_bytes'), pd)).toBe(3899392 * 1024);
    expect(sample(families.get('drbd_peerdevice_outofsync_bytes'), pd)).toBe(11796480 * 1024);
    expect(sample(families.get('drbd_peerdevice_outofsync_bytes'), pd)).toBe(
      gamma.peerDevices[0]!.outOfSyncBytes,
    );
    expect(
      sample(families.get('drbd_connection_rsinflight_bytes'), { conn_name: 'gamma', peer_node_id: '3' }),
    ).toBe(2048 * 512);
    const dev = { name: 'web', volume: '0', minor: '1000' };
    expect(sample(families.get('drbd_device_size_bytes'), dev)).toBe(20971520 * 1024);
    expect(sample(families.get('drbd_device_alwrites_total'), dev)).toBe(733);
    expect(sample(families.get('drbd_device_quorum'), dev)).toBe(1);
    expect(sample(families.get('drbd_resource_promotionscore'), { name: 'web' })).toBe(10102);
    expect(sample(families.get('drbd_resource_resources'), {})).toBe(1);
    expect(sample(families.get('ftkit_drbd_peerdevice_sync_done_ratio'), { ...pd, kind: 'resync' })).toBe(
      0.4375,
    );
    expect(sample(families.get('ftkit_drbd_peerdevice_sync_eta_seconds'), { ...pd, kind: 'resync' })).toBe(
      115,
    );
  });

  it('writes enum families only with enums, one series per value, 1 for the current one', () => {
    expect(statusMetrics(three).map((f) => f.name)).not.toContain('drbd_connection_state');
    const families = byName(statusMetrics(three, { enums: true }));
    const states = families
      .get('drbd_connection_state')!
      .samples.filter((s) => s.labels.conn_name === 'beta');
    expect(states.map((s) => s.labels.drbd_connection_state)).toEqual(connectionStateValues);
    expect(states.filter((s) => s.value === 1).map((s) => s.labels.drbd_connection_state)).toEqual([
      'Connecting',
    ]);
    expect(families.get('drbd_resource_role')!.samples.map((s) => s.labels.drbd_resource_role)).toEqual(
      roleValues,
    );
    const disk = families.get('drbd_device_state')!.samples;
    expect(disk).toHaveLength(diskStateValues.length);
    expect(disk.find((s) => s.value === 1)?.labels.drbd_device_state).toBe('UpToDate');
  });

  it.each(['proc-8.4.11-split-brain-standalone.txt', 'proc-8.3.16-connected-syncsource-pausedsync.txt'])(
    'gives DRBD 8.x /proc/drbd the same names and labels (%s)',
    (name) => {
      const status = parse(readFixture(name)).model;
      const families = statusMetrics(status, { enums: true });
      const known = new Map(expectedReactor.map((f) => [f.name, f]));
      for (const f of families.filter((m) => m.origin === 'drbd-reactor')) {
        for (const s of f.samples) expect(Object.keys(s.labels)).toEqual(known.get(f.name)!.labels);
      }
      const names = families.map((f) => f.name);
      for (const n of [
        'drbd_peerdevice_outofsync_bytes',
        'drbd_device_written_bytes_total',
        'drbd_connection_state',
      ])
        expect(names).toContain(n);
      // 8.x has no quorum, promotion score or client flag: left out, not reported as 0.
      for (const n of ['drbd_device_quorum', 'drbd_resource_promotionscore', 'drbd_device_client'])
        expect(names).not.toContain(n);
      const kmod = byName(families).get('drbd_version')!.samples[0]!.labels.kmod;
      expect(kmod).toBe(status.kernel?.version);
      const conn = families.find((f) => f.name === 'drbd_peerdevice_outofsync_bytes')!.samples[0]!.labels;
      expect([conn.conn_name, conn.peer_node_id]).toEqual(['peer', '0']);
    },
  );

  it('reports a split brain from a StandAlone connection that remembers its peer, and from the helper', () => {
    const sb = parse(readFixture('proc-8.4.11-split-brain-standalone.txt')).model;
    const seen = byName(statusMetrics(sb)).get('ftkit_drbd_resource_split_brain_seen')!;
    expect(seen.samples.some((s) => s.value === 1)).toBe(true);
    const ok = byName(statusMetrics(three)).get('ftkit_drbd_resource_split_brain_seen')!;
    expect(ok.samples.map((s) => s.value)).toEqual([0]);
    const helper = byName(
      statusMetrics(three, { helperCalls: [{ resource: 'web', helper: 'split-brain' }] }),
    );
    expect(helper.get('ftkit_drbd_resource_split_brain_seen')!.samples.map((s) => s.value)).toEqual([1]);
  });

  it('labels drbd_version from the versions given', () => {
    const v = byName(statusMetrics(three, { versions: { kmod: '9.2.13', utils: '9.30.0' } }));
    expect(v.get('drbd_version')!.samples).toEqual([
      { labels: { kmod: '9.2.13', utils: '9.30.0' }, value: 1 },
    ]);
  });

  it('writes an unconfigured 8.x minor only as such', () => {
    const status = parse(readFixture('proc-8.4.11-unconfigured-minors-gaps-3digit.txt')).model;
    const families = byName(statusMetrics(status));
    const unconf = families.get('ftkit_drbd_resource_unconfigured')!.samples.map((s) => s.labels.name);
    expect(unconf.length).toBeGreaterThan(0);
    for (const f of families.values())
      if (f.name !== 'ftkit_drbd_resource_unconfigured')
        for (const s of f.samples) expect(unconf).not.toContain(s.labels.name);
    expect(sample(families.get('drbd_resource_resources'), {})).toBe(status.resources.length - unconf.length);
  });
});

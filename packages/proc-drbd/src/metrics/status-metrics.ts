import { SPLIT_BRAIN_HELPERS, splitBrainEvidence, syncStalled } from '../health.js';
import type { DrbdStatus, Resource } from '../model.js';
import {
  connectionStateValues,
  diskStateValues,
  type MetricInfo,
  metricFamilies,
  roleValues,
} from './families.js';

/** One sample: label values by label name, and the value. */
export interface MetricSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A family of {@link metricFamilies} with its samples for one status. */
export interface MetricFamily extends MetricInfo {
  readonly samples: readonly MetricSample[];
}

/** Options of {@link statusMetrics}. */
export interface StatusMetricsOptions {
  /**
   * Write the enum families (`drbd_resource_role`, `drbd_connection_state`, `drbd_device_state`:
   * one series per possible value, 1 for the current one), as drbd-reactor's `enums = true`.
   * Default `false`, as drbd-reactor's.
   */
  readonly enums?: boolean;
  /**
   * The `kmod` and `utils` labels of `drbd_version` (`9.2.13`; drbd-reactor reads them from
   * `drbdadm --version`). The kernel version /proc/drbd shows wins over `kmod`; unknown is `''`.
   */
  readonly versions?: { readonly kmod?: string; readonly utils?: string };
  /** Helper calls events2 reported (`Events2Reducer.helperCalls`): a `split-brain` call sets the split-brain family. */
  readonly helperCalls?: readonly { readonly resource: string; readonly helper: string }[];
}

const bool = (v: boolean) => (v ? 1 : 0);

function splitBrainSeen(r: Resource, helperCalls: StatusMetricsOptions['helperCalls']): boolean {
  if (helperCalls?.some((h) => h.resource === r.name && SPLIT_BRAIN_HELPERS.has(h.helper))) return true;
  return r.connections.some((c) => splitBrainEvidence(c) !== undefined);
}

/**
 * Maps a {@link DrbdStatus} (from any source: events2, /proc/drbd of 8.x, status JSON or text) to
 * Prometheus metric families: drbd-reactor's names, labels and units, then ours under
 * `ftkit_drbd_*` (see {@link metricFamilies}). Plain data, so any client library can register it
 * (the `ftkit exporter` uses prom-client). Booleans are 0/1, amounts are bytes, times seconds.
 * A figure the source does not report is left out (no sample), never written as 0. A DRBD 8.x
 * connection has no peer node id: `peer_node_id` is then `0`, as `drbdsetup-84 events2` reports.
 * Families without samples are left out, except `drbd_version` and `drbd_resource_resources`.
 */
export function statusMetrics(status: DrbdStatus, options: StatusMetricsOptions = {}): MetricFamily[] {
  const samples = new Map<string, MetricSample[]>();
  for (const f of metricFamilies) samples.set(f.name, []);
  const put = (name: string, labels: Record<string, string>, value: number | boolean | null) => {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return;
    samples.get(name)!.push({ labels, value: typeof value === 'boolean' ? bool(value) : value });
  };
  const enums = options.enums === true;
  put(
    'drbd_version',
    {
      kmod: status.kernel?.version ?? options.versions?.kmod ?? '',
      utils: options.versions?.utils ?? '',
    },
    1,
  );
  const configured = status.resources.filter((r) => !r.unconfigured);
  put('drbd_resource_resources', {}, configured.length);
  for (const r of status.resources) {
    const name = r.name;
    if (r.unconfigured) {
      put('ftkit_drbd_resource_unconfigured', { name }, 1);
      continue;
    }
    if (enums)
      for (const v of roleValues) put('drbd_resource_role', { name, drbd_resource_role: v }, v === r.role);
    put('drbd_resource_suspended', { name }, r.suspended);
    put('drbd_resource_maypromote', { name }, r.mayPromote);
    put('drbd_resource_promotionscore', { name }, r.promotionScore);
    put('drbd_resource_forceiofailures', { name }, r.forceIoFailures);
    put('ftkit_drbd_resource_split_brain_seen', { name }, splitBrainSeen(r, options.helperCalls));
    for (const c of r.connections) {
      const cl = { name, conn_name: c.name, peer_node_id: String(c.peerNodeId ?? 0) };
      if (enums)
        for (const v of connectionStateValues)
          put('drbd_connection_state', { ...cl, drbd_connection_state: v }, v === c.state);
      for (const p of c.peerDevices) {
        const pl = { ...cl, volume: String(p.volume) };
        put('drbd_peerdevice_outofsync_bytes', pl, p.outOfSyncBytes);
        put('drbd_peerdevice_sent_bytes', pl, p.sentBytes);
        put('drbd_peerdevice_received_bytes', pl, p.receivedBytes);
        put('ftkit_drbd_peerdevice_replication', { ...pl, replication: p.replication }, 1);
        put('ftkit_drbd_peerdevice_peer_disk', { ...pl, peer_disk: p.peerDisk }, 1);
        put('ftkit_drbd_peerdevice_pending_requests', pl, p.pending);
        put('ftkit_drbd_peerdevice_unacked_requests', pl, p.unacked);
        const s = p.sync;
        if (s) {
          const sl = { ...pl, kind: s.kind };
          put(
            'ftkit_drbd_peerdevice_sync_done_ratio',
            sl,
            s.percentDone === null ? null : s.percentDone / 100,
          );
          put('ftkit_drbd_peerdevice_sync_eta_seconds', sl, s.etaSeconds);
          put('ftkit_drbd_peerdevice_sync_speed_bytes_per_second', sl, s.speedBytesPerSecond);
          put('ftkit_drbd_peerdevice_sync_stalled', sl, syncStalled(p));
        }
      }
      put('drbd_connection_congested', cl, c.congested);
      put('drbd_connection_apinflight_bytes', cl, c.apInFlightBytes);
      put('drbd_connection_rsinflight_bytes', cl, c.rsInFlightBytes);
    }
    for (const d of r.devices) {
      const dl = { name, volume: String(d.volume), minor: d.minor === null ? '' : String(d.minor) };
      if (enums)
        for (const v of diskStateValues)
          put('drbd_device_state', { ...dl, drbd_device_state: v }, v === d.disk);
      put('drbd_device_client', dl, d.client);
      put('drbd_device_unintentionaldiskless', dl, d.client !== true && d.disk === 'Diskless');
      put('drbd_device_quorum', dl, d.quorum);
      put('drbd_device_open', dl, d.open);
      put('drbd_device_size_bytes', dl, d.sizeBytes);
      put('drbd_device_read_bytes_total', dl, d.readBytes);
      put('drbd_device_written_bytes_total', dl, d.writtenBytes);
      put('drbd_device_alwrites_total', dl, d.alWrites);
      put('drbd_device_bmwrites_total', dl, d.bmWrites);
      put('drbd_device_upperpending', dl, d.upperPending);
      put('drbd_device_lowerpending', dl, d.lowerPending);
      put('drbd_device_alsuspended', dl, d.alSuspended);
    }
  }
  const out: MetricFamily[] = [];
  for (const f of metricFamilies) {
    const list = samples.get(f.name)!;
    if (list.length > 0) out.push({ ...f, samples: list });
  }
  return out;
}

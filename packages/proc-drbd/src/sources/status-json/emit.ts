import type { DrbdStatus } from '../../model.js';

const KiB = 1024;
const MiB = 1024 * 1024;

/**
 * Writes a normalised model as `drbdsetup status --json` prints it (key order, blank after the
 * connection-state value, `} ]` closers, resource separator on its own line).
 */
export function emitStatusJson(status: DrbdStatus): string {
  const b = (v: boolean | null) => (v === null ? 'false' : String(v));
  const n = (v: number | null, d = 1) => String(v === null ? 0 : Math.round(v / d));
  const f2 = (v: number | null, d = 1) => (v === null ? 0 : v / d).toFixed(2);
  const s = (v: string) => JSON.stringify(v);
  const res = status.resources.map((r) => {
    const devs = r.devices.map(
      (d) =>
        `    {\n      "volume": ${d.volume},\n      "minor": ${d.minor ?? 0},\n      "disk-state": ${s(d.disk)},\n      "client": ${b(d.client)},\n      "open": ${b(d.open)},\n      "quorum": ${b(d.quorum)},\n      "size": ${n(d.sizeBytes, KiB)},\n      "read": ${n(d.readBytes, KiB)},\n      "written": ${n(d.writtenBytes, KiB)},\n      "al-writes": ${n(d.alWrites)},\n      "bm-writes": ${n(d.bmWrites)},\n      "upper-pending": ${n(d.upperPending)},\n      "lower-pending": ${n(d.lowerPending)}\n    }`,
    );
    const conns = r.connections.map((c) => {
      const paths = c.paths.map((p) => {
        const host = (a: string) => {
          const m = /^(\w+):(?:\[(.*)\]|(.*)):(\d+)$/.exec(a);
          if (!m) return `{\n            "family": "unknown"\n          }`;
          return `{\n            "address": ${s(m[2] ?? m[3] ?? '')},\n            "port": ${m[4]},\n            "family": ${s(m[1]!)}\n          }`;
        };
        return `        {\n          "this_host": ${host(p.local)},\n          "remote_host": ${host(p.peer)},\n          "established": ${b(p.established)}\n        }`;
      });
      const pds = c.peerDevices.map((pd) => {
        let t = `        {\n          "volume": ${pd.volume},\n          "replication-state": ${s(pd.replication)},\n          "peer-disk-state": ${s(pd.peerDisk)},\n          "peer-client": ${b(pd.peerClient)},\n          "resync-suspended": ${s(pd.resyncSuspended.length ? pd.resyncSuspended.join(',') : 'no')},\n          "received": ${n(pd.receivedBytes, KiB)},\n          "sent": ${n(pd.sentBytes, KiB)},\n          "out-of-sync": ${n(pd.outOfSyncBytes, KiB)},\n          "pending": ${n(pd.pending)},\n          "unacked": ${n(pd.unacked)},\n          "has-sync-details": ${pd.sync ? 'true' : 'false'},\n          "has-online-verify-details": ${pd.sync?.kind === 'verify' ? 'true' : 'false'}`;
        if (pd.sync) {
          const y = pd.sync;
          t += `,\n          "rs-total": ${n(y.totalBytes, 512)},\n          "want": ${f2(y.wantBytesPerSecond, MiB)},\n          "db1/dt1 [MiB/s]": ${f2(y.speedBytesPerSecond, MiB)},\n          "estimated-seconds-to-finish": ${y.etaSeconds === null ? 987654321 : Math.round(y.etaSeconds)},\n          "db/dt [MiB/s]": ${f2(y.averageBytesPerSecond, MiB)},\n          "percent-resync-done": ${f2(y.percentDone)}`;
        }
        return `${t}\n        }`;
      });
      return `    {\n      "peer-node-id": ${c.peerNodeId ?? -1},\n      "name": ${s(c.name)},\n      "connection-state": ${s(c.state)}, \n      "congested": ${b(c.congested)},\n      "peer-role": ${s(c.peerRole)},\n      "tls": ${b(c.tls)},\n      "ap-in-flight": ${n(c.apInFlightBytes, 512)},\n      "rs-in-flight": ${n(c.rsInFlightBytes, 512)},\n      "paths": [\n${paths.join(',\n')} ],\n      "peer_devices": [\n${pds.join(',\n')} ]\n    }`;
    });
    const reasons = new Set(r.suspendedReasons);
    return `{\n  "name": ${s(r.name)},\n  "node-id": ${r.nodeId ?? -1},\n  "role": ${s(r.role)},\n  "suspended": ${b(r.suspended)},\n  "suspended-user": ${reasons.has('user')},\n  "suspended-no-data": ${reasons.has('no-data')},\n  "suspended-fencing": ${reasons.has('fencing')},\n  "suspended-quorum": ${reasons.has('quorum')},\n  "force-io-failures": ${b(r.forceIoFailures)},\n  "write-ordering": ${s(r.writeOrdering ?? 'none')},\n  "devices": [\n${devs.join(',\n')} ],\n  "connections": [\n${conns.join(',\n')} ]\n}`;
  });
  return `[\n${res.join('\n,\n')}${res.length ? '\n' : ''}]\n\n`;
}

import type { DrbdStatus } from '../../model.js';

const KiB = 1024;
const MiB = 1024 * 1024;
const yn = (v: boolean | null) => (v ? 'yes' : 'no');
/** ` key:value` (value divided by `unit`), or nothing for an unknown value. */
const opt = (key: string, v: number | null, unit = 1) =>
  v === null ? '' : ` ${key}:${Math.round(v / unit)}`;

/** Options for {@link emitEvents2}. */
export interface EmitEvents2Options {
  /** Prefix every line with this timestamp (`--timestamps`). */
  readonly timestamp?: string;
  /** Add the statistics keys (`--statistics`); default true. */
  readonly statistics?: boolean;
}

/**
 * Writes a normalised model as the initial dump of `drbdsetup events2 --now [--statistics]`:
 * `exists` lines in drbd-utils 9.29+ order (resource, connections, devices, then per connection
 * its peer devices and paths), then `exists -`. Feeding the result to {@link Events2Reducer}
 * gives the model back (for fields events2 carries).
 */
export function emitEvents2(status: DrbdStatus, options: EmitEvents2Options = {}): string {
  const ts = options.timestamp ? `${options.timestamp} ` : '';
  const stats = options.statistics !== false;
  const out: string[] = [];
  for (const r of status.resources) {
    const n = `name:${r.name}`;
    let line = `${ts}exists resource ${n} role:${r.role} suspended:${r.suspendedReasons.length ? r.suspendedReasons.join(',') : r.suspended ? 'user' : 'no'}`;
    if (r.forceIoFailures !== null) line += ` force-io-failures:${yn(r.forceIoFailures)}`;
    if (stats && r.writeOrdering !== null) line += ` write-ordering:${r.writeOrdering}`;
    if (r.mayPromote !== null) line += ` may_promote:${yn(r.mayPromote)}`;
    if (r.promotionScore !== null) line += ` promotion_score:${r.promotionScore}`;
    out.push(line);
    const connId = (c: DrbdStatus['resources'][number]['connections'][number]) =>
      `${n} peer-node-id:${c.peerNodeId ?? 0} conn-name:${c.name}`;
    for (const c of r.connections) {
      let l = `${ts}exists connection ${connId(c)} connection:${c.state} role:${c.peerRole}`;
      if (c.tls !== null) l += ` tls:${yn(c.tls)}`;
      if (stats) {
        if (c.congested !== null) l += ` congested:${yn(c.congested)}`;
        if (c.apInFlightBytes !== null) l += ` ap-in-flight:${Math.round(c.apInFlightBytes / 512)}`;
        if (c.rsInFlightBytes !== null) l += ` rs-in-flight:${Math.round(c.rsInFlightBytes / 512)}`;
      }
      out.push(l);
    }
    for (const d of r.devices) {
      let l = `${ts}exists device ${n} volume:${d.volume} minor:${d.minor ?? 0} backing_dev:${d.backingDev ?? 'none'} disk:${d.disk}`;
      if (d.client !== null) l += ` client:${yn(d.client)}`;
      if (d.open !== null) l += ` open:${yn(d.open)}`;
      if (d.quorum !== null) l += ` quorum:${yn(d.quorum)}`;
      if (stats) {
        l +=
          opt('size', d.sizeBytes, KiB) + opt('read', d.readBytes, KiB) + opt('written', d.writtenBytes, KiB);
        l +=
          opt('al-writes', d.alWrites) + opt('bm-writes', d.bmWrites) + opt('upper-pending', d.upperPending);
        l += opt('lower-pending', d.lowerPending);
        if (d.alSuspended !== null) l += ` al-suspended:${yn(d.alSuspended)}`;
        if (d.blocked !== null) l += ` blocked:${d.blocked.length ? d.blocked.join(',') : 'no'}`;
      }
      out.push(l);
    }
    for (const c of r.connections) {
      for (const p of c.peerDevices) {
        let l = `${ts}exists peer-device ${connId(c)} volume:${p.volume} replication:${p.replication} peer-disk:${p.peerDisk}`;
        if (p.peerClient !== null) l += ` peer-client:${yn(p.peerClient)}`;
        l += ` resync-suspended:${p.resyncSuspended.length ? p.resyncSuspended.join(',') : 'no'}`;
        if (p.sync && p.sync.percentDone !== null) l += ` done:${p.sync.percentDone.toFixed(2)}`;
        if (stats) {
          l +=
            opt('received', p.receivedBytes, KiB) +
            opt('sent', p.sentBytes, KiB) +
            opt('out-of-sync', p.outOfSyncBytes, KiB);
          l += opt('pending', p.pending) + opt('unacked', p.unacked);
          if (p.sync) {
            const s = p.sync.speedBytesPerSecond;
            l += ` dbdt1:${(s === null ? 0 : s / MiB).toFixed(2)} eta:${p.sync.etaSeconds === null ? 'nan' : Math.round(p.sync.etaSeconds)}`;
          }
        }
        out.push(l);
      }
      for (const p of c.paths) {
        out.push(
          `${ts}exists path ${connId(c)} local:${p.local} peer:${p.peer} established:${yn(p.established)}`,
        );
      }
    }
  }
  out.push(`${ts}exists -`);
  return `${out.join('\n')}\n`;
}

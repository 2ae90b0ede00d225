import type { DrbdStatus, Resource } from '../../model.js';

/** Options for {@link emitStatusText}: the `drbdadm status` flags and the output width. */
export interface EmitStatusTextOptions {
  /** `--verbose`: every item, `volume:`/`minor:`/`node-id:` always. */
  readonly verbose?: boolean;
  /** `--statistics`: counters on their own wrapped lines. */
  readonly statistics?: boolean;
  /** Terminal width; 80 when stdout is not a terminal (the case for programs). */
  readonly width?: number;
  /** Output to a terminal: `client:`/`peer-client:` are then left out unless verbose. */
  readonly tty?: boolean;
}

/**
 * drbd-utils' `wrap_printf`: an item that would pass the width starts a new line at the item's
 * indentation. Its column bookkeeping starts at −1 after an indentation (not at the indent), which
 * is why wrapped lines may run up to indent + 1 characters past the width; reproduced on purpose.
 */
class Wrapper {
  out = '';
  private col = 0;
  private readonly width: number;
  constructor(width: number) {
    this.width = width;
  }

  print(indent: number, text: string): void {
    let t = text;
    while (t.startsWith('\n')) {
      this.out += '\n';
      this.col = 0;
      t = t.slice(1);
    }
    if (t === '') return;
    if (this.col > 0 && this.col + t.length > this.width) {
      this.out += '\n';
      this.col = 0;
    }
    if (this.col === 0) {
      t = t.replace(/^ +/, '');
      this.out += ' '.repeat(indent);
      this.col = -1;
    }
    this.out += t;
    this.col += t.length;
    if (t.endsWith('\n')) this.col = 0;
  }
}

const yn = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
const kib = (v: number) => String(Math.round(v / 1024));

function emitResource(w: Wrapper, r: Resource, o: Required<EmitStatusTextOptions>): void {
  const { verbose, statistics, tty } = o;
  w.print(0, r.name);
  if (verbose && r.nodeId !== null) w.print(4, ` node-id:${r.nodeId}`);
  w.print(4, ` role:${r.role}`);
  if (verbose || r.suspended) {
    w.print(
      4,
      ` suspended:${r.suspendedReasons.length ? r.suspendedReasons.join(',') : r.suspended ? 'user' : 'no'}`,
    );
  }
  if ((verbose && r.forceIoFailures !== null) || r.forceIoFailures === true) {
    w.print(4, ` force-io-failures:${yn(r.forceIoFailures)}`);
  }
  if (statistics && verbose && r.writeOrdering !== null) {
    w.print(4, '\n');
    w.print(4, ` write-ordering:${r.writeOrdering}`);
  }
  w.print(0, '\n');
  const single = r.devices.length === 1 && r.devices[0]!.volume === 0;
  for (const d of r.devices) {
    let indent = 2;
    if (verbose || !single) {
      w.print(indent, `volume:${d.volume}`);
      indent = 6;
      if (verbose && d.minor !== null) w.print(indent, ` minor:${d.minor}`);
    }
    w.print(indent, ` disk:${d.disk}`);
    if (verbose && (d.backingDev !== null || d.disk === 'Diskless'))
      w.print(indent, ` backing_dev:${d.backingDev ?? 'none'}`);
    if (d.disk === 'Diskless' && (verbose || !tty)) w.print(indent, ` client:${yn(d.client)}`);
    if ((verbose && d.quorum !== null) || d.quorum === false) w.print(indent, ` quorum:${yn(d.quorum)}`);
    if (d.open !== null) w.print(indent, ` open:${yn(d.open)}`);
    indent = 6;
    // The statistics block starts on its own line; items the model does not know are left out.
    const items: string[] = [];
    if (statistics) {
      if (verbose && d.sizeBytes !== null) items.push(` size:${kib(d.sizeBytes)}`);
      if (d.readBytes !== null) items.push(` read:${kib(d.readBytes)}`);
      if (d.writtenBytes !== null) items.push(` written:${kib(d.writtenBytes)}`);
      if (verbose) {
        if (d.alWrites !== null) items.push(` al-writes:${d.alWrites}`);
        if (d.bmWrites !== null) items.push(` bm-writes:${d.bmWrites}`);
        if (d.upperPending !== null) items.push(` upper-pending:${d.upperPending}`);
        if (d.lowerPending !== null) items.push(` lower-pending:${d.lowerPending}`);
        if (d.alSuspended !== null) items.push(` al-suspended:${yn(d.alSuspended)}`);
      }
    }
    const blocked = d.blocked !== null && (verbose || d.blocked.length > 0);
    if (items.length > 0) {
      w.print(indent, '\n');
      for (const item of items) w.print(indent, item);
    }
    if (blocked) w.print(indent, ` blocked:${d.blocked!.length ? d.blocked!.join(',') : 'no'}`);
    w.print(indent, '\n');
  }
  for (const c of r.connections) {
    w.print(2, c.name);
    if ((verbose || c.name === '') && c.peerNodeId !== null)
      w.print(c.name ? 6 : 2, ` node-id:${c.peerNodeId}`);
    if (verbose || c.state !== 'Connected') w.print(6, ` connection:${c.state}`);
    if (verbose || c.state === 'Connected') w.print(6, ` role:${c.peerRole}`);
    if ((verbose && c.tls !== null) || c.tls === true) w.print(6, ` tls:${yn(c.tls)}`);
    if ((verbose && c.congested !== null) || c.congested === true) {
      w.print(6, ` congested:${yn(c.congested)}`);
      if (c.apInFlightBytes !== null) w.print(6, ` ap-in-flight:${Math.round(c.apInFlightBytes / 512)}`);
      if (c.rsInFlightBytes !== null) w.print(6, ` rs-in-flight:${Math.round(c.rsInFlightBytes / 512)}`);
    }
    w.print(0, '\n');
    if (!(verbose || statistics || c.state === 'Connected')) continue;
    for (const p of c.peerDevices) {
      let indent = 4;
      if (verbose || !single) {
        w.print(indent, `volume:${p.volume}`);
        indent = 8;
      }
      if (verbose || (p.replication !== 'Off' && p.replication !== 'Established')) {
        w.print(indent, ` replication:${p.replication}`);
        indent = 8;
      }
      if (verbose || statistics || p.replication !== 'Off' || p.peerDisk !== 'DUnknown') {
        w.print(indent, ` peer-disk:${p.peerDisk}`);
        if (p.peerDisk === 'Diskless' && (verbose || !tty))
          w.print(indent, ` peer-client:${yn(p.peerClient)}`);
        indent = 8;
        if (p.sync && p.sync.percentDone !== null) w.print(indent, ` done:${p.sync.percentDone.toFixed(2)}`);
        if (verbose || p.resyncSuspended.length > 0) {
          w.print(
            indent,
            ` resync-suspended:${p.resyncSuspended.length ? p.resyncSuspended.join(',') : 'no'}`,
          );
        }
        if (statistics && p.receivedBytes !== null) {
          w.print(indent, '\n');
          w.print(indent, ` received:${kib(p.receivedBytes)}`);
          if (p.sentBytes !== null) w.print(indent, ` sent:${kib(p.sentBytes)}`);
          if (p.outOfSyncBytes !== null && (verbose || p.outOfSyncBytes !== 0)) {
            w.print(indent, ` out-of-sync:${kib(p.outOfSyncBytes)}`);
          }
          if (verbose) {
            if (p.pending !== null) w.print(indent, ` pending:${p.pending}`);
            if (p.unacked !== null) w.print(indent, ` unacked:${p.unacked}`);
            const s = p.sync;
            // Only with resync details from the kernel (then both figures are known).
            if (
              s &&
              /^(Sync|Verify)/.test(p.replication) &&
              (s.speedBytesPerSecond !== null || s.etaSeconds !== null)
            ) {
              w.print(indent, ` dbdt1:${((s.speedBytesPerSecond ?? 0) / 2 ** 20).toFixed(2)}`);
              w.print(indent, ` eta:${s.etaSeconds === null ? 'nan' : Math.round(s.etaSeconds)}`);
            }
          }
        }
      }
      w.print(0, '\n');
    }
  }
  w.print(0, '\n');
}

/**
 * Writes a normalised model the way `drbdsetup status` (and so `drbdadm status`) prints it with
 * drbd-utils 9.29+: items in their fixed order, shown under the same conditions, wrapped at
 * `width` with drbd-utils' own column bookkeeping, one empty line after each resource.
 * `parseStatusText` reads the result back.
 */
export function emitStatusText(status: DrbdStatus, options: EmitStatusTextOptions = {}): string {
  const o: Required<EmitStatusTextOptions> = {
    verbose: options.verbose ?? false,
    statistics: options.statistics ?? false,
    width: options.width ?? 80,
    tty: options.tty ?? false,
  };
  if (status.resources.length === 0) return '# No currently configured DRBD found.\n';
  const w = new Wrapper(o.width);
  for (const r of status.resources) emitResource(w, r, o);
  return w.out;
}

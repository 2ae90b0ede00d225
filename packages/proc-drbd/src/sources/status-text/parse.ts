import type { Diagnostic } from '@ftkit/core';
import { checkText, collectorFor, type SourceParseOptions, shown } from '../../diagnostics.js';
import {
  type Connection,
  type Device,
  type DrbdStatus,
  emptyConnection,
  emptyDevice,
  emptyPeerDevice,
  emptyResource,
  type PeerDevice,
  type Resource,
} from '../../model.js';

const reAnsi = /\x1b\[[0-9;]*m/g;
const KiB = 1024;
const MiB = 1024 * 1024;

const yesNo = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
const num = (v: string): number | null => {
  if (v === '' || v === 'nan') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const list = (v: string): string[] => (v === 'no' || v === '' ? [] : v.split(','));

type Target =
  | { kind: 'resource'; r: Resource }
  | { kind: 'device'; d: Device }
  | { kind: 'connection'; c: Connection }
  | { kind: 'peer-device'; p: PeerDevice };

function applyItem(t: Target, key: string, v: string): boolean {
  switch (t.kind) {
    case 'resource': {
      const r = t.r;
      if (key === 'role') r.role = v;
      else if (key === 'node-id') r.nodeId = num(v);
      else if (key === 'suspended') {
        r.suspendedReasons = list(v);
        r.suspended = r.suspendedReasons.length > 0;
      } else if (key === 'force-io-failures') r.forceIoFailures = yesNo(v);
      else if (key === 'write-ordering') r.writeOrdering = v;
      else return false;
      return true;
    }
    case 'device': {
      const d = t.d;
      switch (key) {
        case 'volume':
          d.volume = num(v) ?? 0;
          break;
        case 'minor':
          d.minor = num(v);
          break;
        case 'disk':
          d.disk = v;
          break;
        case 'client':
          d.client = yesNo(v);
          break;
        case 'backing_dev':
          d.backingDev = v === 'none' ? null : v;
          break;
        case 'quorum':
          d.quorum = yesNo(v);
          break;
        case 'open':
          d.open = yesNo(v);
          break;
        case 'size':
          d.sizeBytes = times(num(v), KiB);
          break;
        case 'read':
          d.readBytes = times(num(v), KiB);
          break;
        case 'written':
          d.writtenBytes = times(num(v), KiB);
          break;
        case 'al-writes':
          d.alWrites = num(v);
          break;
        case 'bm-writes':
          d.bmWrites = num(v);
          break;
        case 'upper-pending':
          d.upperPending = num(v);
          break;
        case 'lower-pending':
          d.lowerPending = num(v);
          break;
        case 'al-suspended':
          d.alSuspended = yesNo(v);
          break;
        case 'blocked':
          d.blocked = list(v);
          break;
        default:
          return false;
      }
      return true;
    }
    case 'connection': {
      const c = t.c;
      if (key === 'node-id') c.peerNodeId = num(v);
      else if (key === 'connection') c.state = v;
      else if (key === 'role') c.peerRole = v;
      else if (key === 'tls') c.tls = yesNo(v);
      else if (key === 'congested') c.congested = yesNo(v);
      else if (key === 'ap-in-flight') c.apInFlightBytes = times(num(v), 512);
      else if (key === 'rs-in-flight') c.rsInFlightBytes = times(num(v), 512);
      else if (key === 'local' || key === 'peer')
        return true; // utils 8.9 verbose addresses
      else return false;
      return true;
    }
    case 'peer-device': {
      const p = t.p;
      switch (key) {
        case 'volume':
          p.volume = num(v) ?? 0;
          break;
        case 'replication':
          p.replication = v;
          shownItems.add(p);
          break;
        case 'peer-disk':
        // drbd-utils before 8.9 printed the peer's disk as `disk:` (LINBIT's DRBD 9 guide still
        // shows `nina role:Secondary` / `disk:UpToDate`); under a connection it is the peer disk.
        case 'disk':
          p.peerDisk = v;
          shownItems.add(p);
          break;
        case 'peer-client':
          p.peerClient = yesNo(v);
          break;
        case 'resync-suspended':
          p.resyncSuspended = list(v);
          break;
        case 'received':
          p.receivedBytes = times(num(v), KiB);
          break;
        case 'sent':
          p.sentBytes = times(num(v), KiB);
          break;
        case 'out-of-sync':
          p.outOfSyncBytes = times(num(v), KiB);
          break;
        case 'pending':
          p.pending = num(v);
          break;
        case 'unacked':
          p.unacked = num(v);
          break;
        case 'done':
          syncOf(p).percentDone = num(v);
          break;
        case 'dbdt1':
          syncOf(p).speedBytesPerSecond = times(num(v), MiB);
          break;
        case 'eta':
          syncOf(p).etaSeconds = num(v);
          break;
        case 'want':
          syncOf(p).wantBytesPerSecond = times(num(v), MiB);
          break;
        case 'rs-total':
          syncOf(p).totalBytes = times(num(v), 512);
          break;
        default:
          // -vv keys (rs-dt-start-ms, dbdt0 …) are accepted and not modelled.
          return /^(rs-|ov-|dbdt)/.test(key);
      }
      return true;
    }
  }
}

const times = (v: number | null, f: number) => (v === null ? null : v * f);

/** Peer devices whose line carried `replication:` or `peer-disk:` (see the inference below). */
const shownItems = new WeakSet<PeerDevice>();

function syncOf(p: PeerDevice) {
  if (!p.sync) {
    p.sync = {
      kind: p.replication.startsWith('Verify') ? 'verify' : 'resync',
      percentDone: null,
      etaSeconds: null,
      speedBytesPerSecond: null,
      averageBytesPerSecond: null,
      wantBytesPerSecond: null,
      leftBytes: null,
      totalBytes: null,
      stalled: null,
    };
  }
  return p.sync;
}

/** The result of {@link parseStatusText}. */
export interface StatusTextParseResult {
  /** The normalised model: the text maps onto it directly, without a source model. */
  readonly model: DrbdStatus;
  /** Lines and items that could not be placed (code `drbd-status/invalid-status-line`, warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses `drbdadm status` / `drbdsetup status` text (default, `--verbose`, `--statistics`, with
 * the 80-column wrapped continuation lines and ANSI colours) into the normalised model. Never
 * throws; lines it cannot place become warnings spanning the line.
 */
export function parseStatusText(text: string, options: SourceParseOptions = {}): StatusTextParseResult {
  checkText(text);
  const diagnostics = collectorFor(text, options);
  const resources: Resource[] = [];
  let res: Resource | undefined;
  let level2: Target | undefined;
  let peerDev: PeerDevice | undefined;
  let resHasChildren = false;
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const line = rawLine.includes('\x1b') ? rawLine.replace(reAnsi, '') : rawLine;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const tokens = line.trim().split(/\s+/);
    const problem = (message: string) =>
      diagnostics.warning('drbd-status/invalid-status-line', message, {
        start: lineOffset,
        end: lineOffset + rawLine.length,
      });
    let target: Target | undefined;
    let items = tokens;
    if (indent === 0) {
      res = emptyResource(tokens[0]!);
      resources.push(res);
      level2 = undefined;
      peerDev = undefined;
      resHasChildren = false;
      target = { kind: 'resource', r: res };
      items = tokens.slice(1);
    } else if (!res) {
      problem(`Unexpected indented line \`${shown(line.trim())}\` before the first resource`);
      continue;
    } else if (indent === 2) {
      resHasChildren = true;
      peerDev = undefined;
      if (!tokens[0]!.includes(':')) {
        const c = emptyConnection(tokens[0]!, null);
        c.state = 'Connected';
        res.connections.push(c);
        level2 = { kind: 'connection', c };
        items = tokens.slice(1);
      } else if (level2?.kind === 'device' && !/^(volume|disk):/.test(tokens[0]!)) {
        // Device lines start with `volume:` or `disk:`; without a volume prefix drbdsetup wraps
        // the device's items at indent 2, so this continues the device above.
      } else {
        const d = emptyDevice(0);
        res.devices.push(d);
        level2 = { kind: 'device', d };
      }
      target = level2;
    } else if (indent === 4 && !resHasChildren) {
      target = { kind: 'resource', r: res };
    } else if (indent === 4 && level2?.kind === 'connection') {
      const p = emptyPeerDevice(0);
      // drbdsetup prints `replication:` only beyond Established (or with --verbose): without it
      // the state is Established on a Connected connection and Off otherwise.
      p.replication = level2.c.state === 'Connected' ? 'Established' : 'Off';
      level2.c.peerDevices.push(p);
      peerDev = p;
      target = { kind: 'peer-device', p };
    } else if (indent >= 8 && peerDev) {
      target = { kind: 'peer-device', p: peerDev };
    } else if (indent >= 6 && level2) {
      target = level2;
    } else {
      problem(`Unexpected indentation ${indent} for \`${shown(line.trim())}\``);
      continue;
    }
    for (const item of items) {
      const colon = item.indexOf(':');
      if (colon <= 0) {
        problem(`Expected \`key:value\`, found \`${shown(item)}\``);
        continue;
      }
      if (!applyItem(target, item.slice(0, colon), item.slice(colon + 1))) {
        problem(`Unknown item \`${item.slice(0, colon)}\` (ignored)`);
      }
    }
  }
  for (const r of resources) {
    for (const c of r.connections) {
      for (const p of c.peerDevices) {
        // drbdsetup prints `peer-disk:` unless replication is Off and the peer disk DUnknown, so
        // a line with neither item is such a peer device.
        if (!shownItems.has(p)) p.replication = 'Off';
        if (p.sync && !/^(Sync|Verify|PausedSync)/.test(p.replication)) p.sync = null;
        else if (p.sync) p.sync.kind = p.replication.startsWith('Verify') ? 'verify' : 'resync';
        else if (/^(Sync|Verify)/.test(p.replication)) syncOf(p);
      }
    }
  }
  return { model: { source: 'status-text', kernel: null, resources }, diagnostics: diagnostics.items };
}

import type { Connection, PeerDevice } from './model.js';

/** The handlers DRBD calls on split brain (events2 `call helper`). */
export const SPLIT_BRAIN_HELPERS: ReadonlySet<string> = new Set(['split-brain', 'pri-lost-after-sb']);

/**
 * Whether a running resync or verify makes no progress: the kernel's `stalled` flag, or (DRBD 9
 * has no flag) no speed and no estimate part-way through; at 0 % the same numbers only mean the
 * run has just started. `null` when nothing is syncing. The `resync-stalled` health check and
 * the `ftkit_drbd_peerdevice_resync_stalled` metric both read this.
 */
export function syncStalled(p: PeerDevice): boolean | null {
  const s = p.sync;
  if (!s) return null;
  return (
    s.stalled === true ||
    (s.speedBytesPerSecond === 0 &&
      s.etaSeconds === null &&
      (s.percentDone ?? 0) > 0 &&
      /^(Sync|Verify)/.test(p.replication))
  );
}

/**
 * What a StandAlone connection left behind that points at a split brain: a peer disk still
 * remembered, or data out of sync. `undefined` when the connection is not StandAlone or shows
 * neither. The `split-brain-suspected` health check and the split-brain metric both read this.
 */
export function splitBrainEvidence(
  c: Connection,
): { readonly remembered?: PeerDevice; readonly outOfSync?: PeerDevice } | undefined {
  if (c.state !== 'StandAlone') return undefined;
  const remembered = c.peerDevices.find((p) => p.peerDisk !== 'DUnknown');
  const outOfSync = c.peerDevices.find((p) => (p.outOfSyncBytes ?? 0) > 0);
  if (!remembered && !outOfSync) return undefined;
  return { ...(remembered ? { remembered } : {}), ...(outOfSync ? { outOfSync } : {}) };
}

import {
  capDiagnostics,
  type LintOptions,
  type LintResult,
  type Rule,
  runRules,
  sortDiagnostics,
} from '@ftkit/core';
import { SOURCE } from '../diagnostics.js';
import { parse } from '../parse.js';
import { makeStatusDoc, type StatusDoc } from './doc.js';
import { dualPrimaryUnexpected } from './rules/dual-primary-unexpected.js';
import { ioSuspended } from './rules/io-suspended.js';
import { outOfSyncConnected } from './rules/out-of-sync-connected.js';
import { peerDiskDegraded } from './rules/peer-disk-degraded.js';
import { primaryDiskless } from './rules/primary-diskless.js';
import { quorumLost } from './rules/quorum-lost.js';
import { replicationCongested } from './rules/replication-congested.js';
import { resyncStalled } from './rules/resync-stalled.js';
import { splitBrainSuspected } from './rules/split-brain-suspected.js';

/** Every health check, by id. */
export const rules: Readonly<Record<string, Rule<StatusDoc>>> = Object.freeze({
  'split-brain-suspected': splitBrainSuspected,
  'peer-disk-degraded': peerDiskDegraded,
  'resync-stalled': resyncStalled,
  'out-of-sync-connected': outOfSyncConnected,
  'primary-diskless': primaryDiskless,
  'io-suspended': ioSuspended,
  'dual-primary-unexpected': dualPrimaryUnexpected,
  'replication-congested': replicationCongested,
  'quorum-lost': quorumLost,
});

/**
 * Reads any DRBD status output and runs the health checks over it. Returns parse diagnostics and
 * findings together; `error` findings (split brain, suspended I/O, lost quorum, unexpected dual
 * primary) are what `ftkit status` exits 1 on.
 */
export function lintStatus(text: string, options: LintOptions = {}): LintResult {
  const read = parse(text, options.fileName !== undefined ? { fileName: options.fileName } : {});
  const doc = makeStatusDoc(read.model, read.source, text, read.helperCalls);
  const findings = runRules({
    rules: Object.values(rules),
    doc,
    text,
    source: SOURCE,
    ...(options.fileName !== undefined ? { file: options.fileName } : {}),
    ...(options.rules ? { config: options.rules } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  // At most MAX_DIAGNOSTICS per file; the rest are counted in one TOO_MANY_PROBLEMS.
  return { diagnostics: capDiagnostics(sortDiagnostics([...read.diagnostics, ...findings])) };
}

import type { LintInput } from '@ftkit/core';
import type { StatusSource } from '../model.js';
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

/** Every health check, in the order they run. */
export const statusRules = [
  splitBrainSuspected,
  peerDiskDegraded,
  resyncStalled,
  outOfSyncConnected,
  primaryDiskless,
  ioSuspended,
  dualPrimaryUnexpected,
  replicationCongested,
  quorumLost,
] as const;

/** The settings the health checks read. */
export const statusSettings = {
  source: {
    type: 'string',
    values: ['proc-drbd', 'status-json', 'status-text', 'events2'],
    description: 'Which output the text is; detected from the text when not given',
  },
  allowTwoPrimaries: {
    type: 'boolean | string[]',
    description:
      'Resources allowed to be Primary on two nodes at once (`allow-two-primaries` with a cluster file system): `true` for all, or their names',
  },
} as const;

/** Reads any of the four status outputs for the health checks: the doc they read and the parse diagnostics. */
export function prepareStatusLint(
  text: string,
  options: { readonly fileName?: string; readonly settings?: { readonly source?: StatusSource } },
): LintInput<StatusDoc> {
  const source = options.settings?.source;
  const read = parse(text, {
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(source !== undefined ? { source } : {}),
  });
  return {
    doc: makeStatusDoc(read.model, read.source, text, read.helperCalls),
    diagnostics: read.diagnostics,
  };
}

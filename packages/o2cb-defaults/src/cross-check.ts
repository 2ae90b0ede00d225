import type { Diagnostic } from '@ftkit/core';
import { didYouMean } from '@ftkit/core';
import { lint } from './format.js';
import { parse } from './parse.js';

/** The outcome of {@link bootClusterStatus}. */
export interface BootClusterStatus {
  /** `ok`: defined; `unset`: no boot cluster (nothing starts); `unknown`: not among the names. */
  readonly status: 'ok' | 'unset' | 'unknown';
  /** The value of `O2CB_BOOTCLUSTER`, when set and not empty. */
  readonly bootCluster?: string;
  /** The closest defined name, when `unknown` and one is close. */
  readonly suggestion?: string;
}

/**
 * Whether `O2CB_BOOTCLUSTER` of a file names one of `clusterNames` (the cluster names of
 * cluster.conf, from any source: this package does not read cluster.conf). Case-sensitive, as
 * `o2cb register-cluster` is.
 */
export function bootClusterStatus(text: string, clusterNames: readonly string[]): BootClusterStatus {
  const boot = parse(text).model.settings.bootCluster;
  if (boot === undefined) return { status: 'unset' };
  if (clusterNames.includes(boot)) return { status: 'ok', bootCluster: boot };
  const suggestion = didYouMean(boot, clusterNames);
  return { status: 'unknown', bootCluster: boot, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/**
 * The cross-file check for the lab app: diagnostics of the rules `bootcluster-unknown`,
 * `bootcluster-missing` and `bootcluster-format` for this file against `clusterNames`.
 */
export function crossCheckBootCluster(
  text: string,
  clusterNames: readonly string[],
  options: { fileName?: string } = {},
): Diagnostic[] {
  const only = ['bootcluster-unknown', 'bootcluster-missing', 'bootcluster-format'];
  return lint(text, {
    ...options,
    settings: { clusterNames: [...clusterNames] },
  }).diagnostics.filter((d) => d.ruleId !== undefined && only.includes(d.ruleId));
}

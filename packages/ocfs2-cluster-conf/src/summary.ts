import type { ClusterConf, HeartbeatMode } from './model/types.js';

/** One node as other tools need it (fstab/o2cb-defaults cross-checks, inventory). */
export interface NodeSummary {
  readonly name: string;
  readonly number: number;
  readonly ipAddress: string;
  readonly ipPort: number;
}

/** One cluster in a few facts. */
export interface ClusterSummary {
  readonly name: string;
  readonly heartbeatMode: HeartbeatMode;
  readonly nodes: readonly NodeSummary[];
  /** Global heartbeat regions (empty in local mode files usually). */
  readonly regions: readonly string[];
}

/**
 * The facts other files are checked against (the lab app's cross-file checks: `O2CB_BOOTCLUSTER`
 * names a cluster, fstab `heartbeat=` agrees with the mode, a host is one of the nodes).
 */
export function summarize(model: ClusterConf): readonly ClusterSummary[] {
  return model.clusters.map((c) => ({
    name: c.name,
    heartbeatMode: c.heartbeatMode,
    nodes: c.nodes.map((n) => ({ name: n.name, number: n.number, ipAddress: n.ipAddress, ipPort: n.ipPort })),
    regions: c.heartbeats.map((h) => h.region),
  }));
}

/** The cluster names of a model, in file order. */
export function clusterNames(model: ClusterConf): readonly string[] {
  return model.clusters.map((c) => c.name);
}

/** The heartbeat mode of cluster `name`, or `undefined` when there is no such cluster. */
export function heartbeatModeOf(model: ClusterConf, name: string): HeartbeatMode | undefined {
  return model.clusters.find((c) => c.name === name)?.heartbeatMode;
}

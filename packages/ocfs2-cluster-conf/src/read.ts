/**
 * `@ftkit/ocfs2-cluster-conf/read`: reading cluster.conf without zod. Parse (CST, model and every
 * load-tier diagnostic), print, `list-cluster` and summaries, for tools that start often and only
 * read (`ftkit ocfs2 list-cluster` loads this entry: importing zod costs about 0.1 s of CPU).
 * Everything here is also exported by the main entry, which adds the zod schemas, emit, edits and
 * lint.
 */
export * from './cst/index.js';
export type { O2cbLoadCode, ParseCode } from './diagnostics.js';
export { o2cbCodeOf, SOURCE } from './diagnostics.js';
export type { Tier } from './limits.js';
export { CLUSTER_NAME_PATTERN, IPV4_PATTERN, LIMITS, REGION_PATTERN, TIER_SEVERITY } from './limits.js';
export type { ListClusterOptions, O2cbListResult } from './list-cluster.js';
export { listCluster, simulateO2cbListCluster } from './list-cluster.js';
export type { ClusterConfParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
export type { Cluster, ClusterConf, Heartbeat, HeartbeatMode, Node } from './schema.js';
export type { ClusterSummary, NodeSummary } from './summary.js';
export { clusterNames, heartbeatModeOf, summarize } from './summary.js';

/**
 * `@ftkit/ocfs2-cluster-conf/lite`: the whole package except the zod schemas and
 * `defineClusterConf`, which validates with them — parse, print, lint, format, emit, edits,
 * `list-cluster` and summaries. For tools that start often (importing zod costs about 0.1 s of
 * CPU); the main entry re-exports all of it.
 */
export * from './cst/index.js';
export type { Ocfs2RuleId } from './descriptor.js';
export { lint, ocfs2ClusterConfFormat, rules } from './descriptor.js';
export type { O2cbLoadCode, ParseCode } from './diagnostics.js';
export { o2cbCodeOf, SOURCE } from './diagnostics.js';
export type { NodeInput } from './edit.js';
export {
  addCluster,
  addHeartbeat,
  addNode,
  ClusterConfEditError,
  removeHeartbeat,
  removeNode,
  renameCluster,
  setHeartbeatMode,
} from './edit.js';
export { emit, emitStanza } from './emit.js';
export { ATTRIBUTE_ORDER, format } from './format.js';
export type { Tier } from './limits.js';
export { CLUSTER_NAME_PATTERN, IPV4_PATTERN, LIMITS, REGION_PATTERN, TIER_SEVERITY } from './limits.js';
export type { PeerFile } from './lint/rules/cluster-drift.js';
export { isLocalNode } from './lint/rules/node-local-missing.js';
export type { ClusterConfDoc, ClusterConfRule } from './lint/types.js';
export type { ListClusterOptions, O2cbListResult } from './list-cluster.js';
export { listCluster, simulateO2cbListCluster } from './list-cluster.js';
export type { ComposeResult, ModelLinks, O2cbLoad, StanzaView } from './model/compose.js';
export { compose, stanzaViews, strtoul } from './model/compose.js';
export type { ClusterConfParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
export type { Cluster, ClusterConf, ClusterConfInput, Heartbeat, HeartbeatMode, Node } from './schema.js';
export type { ClusterSummary, NodeSummary } from './summary.js';
export { clusterNames, heartbeatModeOf, summarize } from './summary.js';

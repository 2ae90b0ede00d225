// `@ftkit/ocfs2-cluster-conf`: parse, print, emit, format, edit and lint /etc/ocfs2/cluster.conf,
// simulate `o2cb list-cluster`, the limit tables. Loads no zod: the zod schemas, JSON Schema and
// the validating `defineClusterConf` are in `@ftkit/ocfs2-cluster-conf/schema`.
export { parseCst } from './cst/parse-cst.js';
export { linesOf, print, tokensOf } from './cst/print.js';
export type * from './cst/types.js';
export type { Ocfs2RuleId } from './descriptor.js';
export { lint, ocfs2ClusterConfFormat, rules } from './descriptor.js';
export type { O2cbLoadCode, ParseCode } from './diagnostics.js';
export { o2cbCodeOf, SOURCE } from './diagnostics.js';
export type { NodeInput } from './edit.js';
export {
  addCluster,
  addHeartbeat,
  addNode,
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
export { compose } from './model/compose.js';
export type {
  Cluster,
  ClusterConf,
  ClusterConfInput,
  Heartbeat,
  HeartbeatMode,
  Node,
} from './model/types.js';
export type { ClusterConfParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
export type { ClusterSummary, NodeSummary } from './summary.js';
export { clusterNames, heartbeatModeOf, summarize } from './summary.js';

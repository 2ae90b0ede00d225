/** `local` (heartbeat on every mounted volume) or `global` (on the listed regions only). */
export type HeartbeatMode = 'local' | 'global';

/** A `node:` stanza: name, number, IPv4 address and port. */
export interface Node {
  /** Must equal the host's name (`uname -n`, or its part before the first dot, any case). */
  name: string;
  /** Node number; the kernel accepts 0–254, the file loader up to 2147483646. */
  number: number;
  /** IPv4 address of the node's interconnect (dotted quad). */
  ipAddress: string;
  /** TCP port the node listens on (o2cb's default is 7777; the kernel accepts 1–65534). */
  ipPort: number;
}

/** A `heartbeat:` stanza: a global-heartbeat region (the volume's UUID, 32 upper-case hex digits). */
export interface Heartbeat {
  region: string;
}

/** A `cluster:` stanza with the nodes and heartbeat regions whose `cluster` names it. */
export interface Cluster {
  name: string;
  heartbeatMode: HeartbeatMode;
  /** The file's `node_count`: bookkeeping only, never recomputed by o2cb (0–4294967295). */
  nodeCount: number;
  /** Nodes in file order. */
  nodes: Node[];
  /** Heartbeat regions in file order. */
  heartbeats: Heartbeat[];
}

/** The model of a cluster.conf: its clusters in file order. */
export interface ClusterConf {
  clusters: Cluster[];
}

/** Input of `defineClusterConf` (in `@ftkit/ocfs2-cluster-conf/schema`): the model with o2cb's defaults left out. */
export interface ClusterConfInput {
  readonly clusters: readonly {
    readonly name: string;
    /** Default `local`. */
    readonly heartbeatMode?: HeartbeatMode;
    /** Default: the number of nodes. */
    readonly nodeCount?: number;
    readonly nodes?: readonly {
      readonly name: string;
      readonly number: number;
      readonly ipAddress: string;
      /** Default 7777, as `o2cb add-node`. */
      readonly ipPort?: number;
    }[];
    readonly heartbeats?: readonly { readonly region: string }[];
  }[];
}

/**
 * `@ftkit/ocfs2-cluster-conf/schema`: for you who want zod schemas or JSON Schema of the
 * cluster.conf model (one per limit tier), or `defineClusterConf` to build a validated model
 * with o2cb's defaults. The main entry `@ftkit/ocfs2-cluster-conf` loads no zod; this one does.
 * The JSON Schema also ships as a file: `@ftkit/ocfs2-cluster-conf/cluster-conf.schema.json`.
 */
import { FtkitError, issuesFromSchema } from '@ftkit/core';
import { z } from 'zod';
import { CLUSTER_NAME_PATTERN, IPV4_PATTERN, LIMITS } from './limits.js';
import type {
  Cluster,
  ClusterConf,
  ClusterConfInput,
  Heartbeat,
  HeartbeatMode,
  Node,
} from './model/types.js';

export type { Cluster, ClusterConf, ClusterConfInput, Heartbeat, HeartbeatMode, Node };

/** `local` (heartbeat on every mounted volume) or `global` (on the listed regions only). */
export const HeartbeatModeSchema = z.enum(['local', 'global']);

/** A `node:` stanza, with the ranges o2cb accepts when loading the file. */
export const NodeSchema = z.object({
  /** Must equal the host's name (`uname -n`, or its part before the first dot, any case). */
  name: z.string().min(1),
  /** Node number; the kernel accepts 0–254, the file loader up to 2147483646. */
  number: z.number().int().min(0).max(LIMITS.load.nodeNumberMax),
  /** IPv4 address of the node's interconnect. */
  ipAddress: z.string().regex(IPV4_PATTERN, 'Expected a dotted-quad IPv4 address'),
  /** TCP port the node listens on (o2cb's default is 7777; the kernel accepts 1–65534). */
  ipPort: z.number().int().min(0).max(LIMITS.load.ipPortMax),
});

/** A `heartbeat:` stanza (global heartbeat region). */
export const HeartbeatSchema = z.object({
  /** The heartbeat volume's UUID: 32 upper-case hex digits without dashes. */
  region: z.string().min(1),
});

/** A `cluster:` stanza with the nodes and heartbeat regions whose `cluster` names it. */
export const ClusterSchema = z.object({
  name: z.string(),
  heartbeatMode: HeartbeatModeSchema,
  /** The file's `node_count`: bookkeeping only, never recomputed by o2cb (0–4294967295). */
  nodeCount: z.number().int().min(0).max(LIMITS.load.nodeCountMax),
  /** Nodes in file order. */
  nodes: z.array(NodeSchema),
  /** Heartbeat regions in file order. */
  heartbeats: z.array(HeartbeatSchema),
});

function unique<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (t: T) => string | number,
  path: (i: number) => (string | number)[],
  what: string,
): void {
  const seen = new Map<string | number, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `Duplicate ${what} \`${k}\``, path: path(i) });
    else seen.set(k, i);
  });
}

/**
 * The whole file as o2cb loads it (load tier): unique cluster names, unique node names and regions
 * per cluster. Order-agnostic: stanza and attribute order in the file do not matter.
 */
export const ClusterConfSchema = z
  .object({
    /** Clusters in file order. */
    clusters: z.array(ClusterSchema),
  })
  .superRefine((conf, ctx) => {
    unique(
      ctx,
      conf.clusters,
      (c) => c.name,
      (i) => ['clusters', i, 'name'],
      'cluster name',
    );
    conf.clusters.forEach((c, ci) => {
      unique(
        ctx,
        c.nodes,
        (n) => n.name,
        (i) => ['clusters', ci, 'nodes', i, 'name'],
        'node name',
      );
      unique(
        ctx,
        c.heartbeats,
        (h) => h.region,
        (i) => ['clusters', ci, 'heartbeats', i, 'region'],
        'region',
      );
    });
  });

/** What the o2cb commands would accept (command tier), on top of the load tier. */
export const ClusterConfCommandSchema = ClusterConfSchema.superRefine((conf, ctx) => {
  conf.clusters.forEach((c, ci) => {
    if (!CLUSTER_NAME_PATTERN.test(c.name))
      ctx.addIssue({
        code: 'custom',
        message: 'Expected 1–16 letters and digits for a cluster name',
        path: ['clusters', ci, 'name'],
      });
    if (c.nodes.length > LIMITS.command.nodesPerCluster)
      ctx.addIssue({
        code: 'custom',
        message: 'Expected at most 255 nodes',
        path: ['clusters', ci, 'nodes'],
      });
    c.nodes.forEach((n, ni) => {
      if (n.number > LIMITS.command.nodeNumberMax)
        ctx.addIssue({
          code: 'custom',
          message: 'Expected a node number from 0 to 254',
          path: ['clusters', ci, 'nodes', ni, 'number'],
        });
    });
    unique(
      ctx,
      c.nodes,
      (n) => n.number,
      (i) => ['clusters', ci, 'nodes', i, 'number'],
      'node number',
    );
  });
});

/** What the kernel accepts at `register-cluster` (kernel tier), on top of the command tier. */
export const ClusterConfKernelSchema = ClusterConfCommandSchema.superRefine((conf, ctx) => {
  conf.clusters.forEach((c, ci) => {
    if (c.heartbeats.length > LIMITS.kernel.regionsPerCluster)
      ctx.addIssue({
        code: 'custom',
        message: 'Expected at most 32 heartbeat regions',
        path: ['clusters', ci, 'heartbeats'],
      });
    c.nodes.forEach((n, ni) => {
      if (n.ipPort < LIMITS.kernel.ipPortMin || n.ipPort > LIMITS.kernel.ipPortMax)
        ctx.addIssue({
          code: 'custom',
          message: 'Expected a port from 1 to 65534',
          path: ['clusters', ci, 'nodes', ni, 'ipPort'],
        });
      if (new TextEncoder().encode(n.name).length > LIMITS.kernel.nodeNameMaxBytes || n.name.includes('/'))
        ctx.addIssue({
          code: 'custom',
          message: 'Expected a node name of at most 64 bytes without `/`',
          path: ['clusters', ci, 'nodes', ni, 'name'],
        });
    });
    unique(
      ctx,
      c.nodes,
      (n) => n.ipAddress,
      (i) => ['clusters', ci, 'nodes', i, 'ipAddress'],
      'IP address',
    );
  });
});

/** The schema of each tier: `TIER_SCHEMAS[tier].safeParse(model)` lists what that tier refuses. */
export const TIER_SCHEMAS = {
  load: ClusterConfSchema,
  command: ClusterConfCommandSchema,
  kernel: ClusterConfKernelSchema,
} as const;

/** JSON Schema (draft 2020-12) of the model, for editors and other languages. */
export function clusterConfJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ClusterConfSchema) as Record<string, unknown>;
}

/**
 * Builds a model from code, filling o2cb's defaults (mode `local`, port 7777, `node_count` equal to
 * the number of nodes) and validating it against the load tier. Throws an `FtkitError` (code
 * `ocfs2/invalid-model`, `path` such as `['clusters', 0, 'nodes', 1, 'ipAddress']`, every problem
 * in `issues`) on a model o2cb could not load (a programmer error, not user input).
 */
export function defineClusterConf(input: ClusterConfInput): ClusterConf {
  const clusters: ClusterConfInput['clusters'] | undefined = input?.clusters;
  if (!Array.isArray(clusters))
    throw new FtkitError('ocfs2/invalid-model', 'Expected `{ clusters: [...] }`', { path: ['clusters'] });
  const filled = {
    clusters: (clusters as ClusterConfInput['clusters']).map((c) => ({
      name: c.name,
      heartbeatMode: c.heartbeatMode ?? 'local',
      nodeCount: c.nodeCount ?? c.nodes?.length ?? 0,
      nodes: (c.nodes ?? []).map((n) => ({ ...n, ipPort: n.ipPort ?? 7777 })),
      heartbeats: (c.heartbeats ?? []).map((h) => ({ ...h })),
    })),
  };
  const r = ClusterConfSchema.safeParse(filled);
  if (r.success) return r.data;
  throw FtkitError.fromIssues(
    issuesFromSchema('ocfs2/invalid-model', r.error.issues),
    'Invalid cluster.conf model',
  );
}

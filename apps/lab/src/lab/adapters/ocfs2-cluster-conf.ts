import type { Span } from '@ftkit/core';
import { type AttributeLine, emit, parse, type StanzaView } from '@ftkit/ocfs2-cluster-conf';
import type { ClusterFact, ClusterNodeFact, Located } from '../check/facts.js';
import type { LabPlan } from '../generate/plan.js';

/**
 * `/etc/ocfs2/cluster.conf` for the plan's cluster, written by the package's o2cb-exact emitter.
 * The model is complete as written (o2cb's defaults spelled out), so it is emitted without the
 * validation of `defineClusterConf` (`@ftkit/ocfs2-cluster-conf/schema`); the generated file is
 * linted before it is written.
 */
export function emitClusterConf(plan: LabPlan): string | undefined {
  const c = plan.cluster;
  if (!c) return undefined;
  return emit({
    clusters: [
      {
        name: c.name,
        heartbeatMode: 'local',
        nodeCount: c.nodes.length,
        nodes: c.nodes.map((n) => ({
          name: n.name,
          number: n.number,
          ipAddress: n.address,
          ipPort: c.port,
        })),
        heartbeats: [],
      },
    ],
  });
}

function attrValue(view: StanzaView, key: string, file: string): Located<string> | undefined {
  const line: AttributeLine | undefined = view.attrs.get(key);
  if (!line) return undefined;
  const span: Span = line.value
    ? { start: line.value.start, end: line.value.start + line.valueText.length }
    : { start: line.key.start, end: line.key.end };
  return { file, value: line.valueText, span };
}

function num(l: Located<string> | undefined): Located<number> | undefined {
  return l && /^\d+$/.test(l.value) ? { ...l, value: Number(l.value) } : undefined;
}

/** Reads the facts the cross-file rules need from a cluster.conf. */
export function clusterConfFacts(text: string, file: string): ClusterFact[] {
  const r = parse(text, { fileName: file });
  const out: ClusterFact[] = [];
  for (const c of r.model.clusters) {
    const view = r.links.cluster.get(c);
    if (!view) continue;
    const name = attrValue(view, 'name', file) ?? {
      file,
      value: c.name,
      span: { start: view.stanza.start, end: view.stanza.start },
    };
    const nodes: ClusterNodeFact[] = [];
    for (const n of c.nodes) {
      const nv = r.links.node.get(n);
      if (!nv) continue;
      const nodeName = attrValue(nv, 'name', file);
      if (!nodeName) continue;
      const number = num(attrValue(nv, 'number', file));
      const ip = attrValue(nv, 'ip_address', file);
      const port = num(attrValue(nv, 'ip_port', file));
      nodes.push({
        name: nodeName,
        ...(number ? { number } : {}),
        ...(ip ? { ip } : {}),
        ...(port ? { port } : {}),
      });
    }
    const heartbeatMode = attrValue(view, 'heartbeat_mode', file);
    const nodeCount = num(attrValue(view, 'node_count', file));
    out.push({
      file,
      name,
      ...(heartbeatMode ? { heartbeatMode } : {}),
      ...(nodeCount ? { nodeCount } : {}),
      nodes,
      // The o2cb emitter is canonical (order and layout), so equal texts mean equal files.
      canonical: emit(r.model),
    });
  }
  return out;
}

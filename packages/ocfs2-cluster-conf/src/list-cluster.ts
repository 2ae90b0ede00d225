import type { O2cbLoad } from './model/compose.js';
import type { Cluster, ClusterConf } from './model/types.js';
import { parse } from './parse.js';

/** o2cb prints numbers with `%d`: values above 2^31−1 show as negative. */
function int32(n: number): string {
  return String(n | 0);
}

function block(type: string, attrs: readonly (readonly [string, string])[], oneline: boolean): string {
  if (oneline) return `${type}: ${attrs.map(([, v]) => v).join(' ')}\n`;
  return `${type}:\n${attrs.map(([k, v]) => `\t${k} = ${v}\n`).join('')}\n`;
}

/** Options of {@link listCluster}. */
export interface ListClusterOptions {
  /** The `--oneline` form: one line per heartbeat, node and cluster. */
  readonly oneline?: boolean;
}

/**
 * What `o2cb list-cluster NAME` prints for a loaded cluster: its heartbeat regions, its nodes, then
 * the cluster, with o2cb's own attribute order (which is not the file's order). `undefined` when
 * the model has no cluster of that name (exact, case-sensitive match).
 */
export function listCluster(
  model: ClusterConf,
  name: string,
  options: ListClusterOptions = {},
): string | undefined {
  const c: Cluster | undefined = model.clusters.find((x) => x.name === name);
  if (!c) return undefined;
  const ol = options.oneline === true;
  let out = '';
  for (const h of c.heartbeats)
    out += block(
      'heartbeat',
      [
        ['region', h.region],
        ['cluster', c.name],
      ],
      ol,
    );
  for (const n of c.nodes) {
    out += ol
      ? `node: ${int32(n.number)} ${n.name} ${n.ipAddress}:${int32(n.ipPort)} ${c.name}\n`
      : block(
          'node',
          [
            ['number', int32(n.number)],
            ['name', n.name],
            ['ip_address', n.ipAddress],
            ['ip_port', int32(n.ipPort)],
            ['cluster', c.name],
          ],
          false,
        );
  }
  out += block(
    'cluster',
    [
      ['node_count', int32(c.nodeCount)],
      ['heartbeat_mode', c.heartbeatMode],
      ['name', c.name],
    ],
    ol,
  );
  return out;
}

/** What `o2cb --config-file=FILE list-cluster NAME` does with a file: output, error line and exit code. */
export interface O2cbListResult {
  readonly stdout: string;
  /** o2cb's own one-line message (for comparison; ftkit shows real diagnostics instead). */
  readonly stderr: string;
  /** 0, 1, or 139 for the segfault on a nameless cluster. */
  readonly exitCode: number;
  readonly load: O2cbLoad;
}

/**
 * Simulates `o2cb --config-file=PATH list-cluster NAME` on `text`, byte for byte, including o2cb's
 * cryptic `Unknown code ____ NNN` line and its exit code 0 for an unknown cluster. Used by the
 * conformance tests; `ftkit ocfs2 list-cluster` prints real diagnostics instead of the stderr line.
 */
export function simulateO2cbListCluster(text: string, name: string, path: string): O2cbListResult {
  const r = parse(text);
  if (!r.o2cb.accepted) {
    if (r.o2cb.code === 'crash') return { stdout: '', stderr: '', exitCode: 139, load: r.o2cb };
    return {
      stdout: '',
      stderr: `o2cb: Unknown code ____ ${r.o2cb.code} while loading cluster configuration file '${path}'\n`,
      exitCode: 1,
      load: r.o2cb,
    };
  }
  const out = listCluster(r.model, name);
  if (out === undefined)
    return { stdout: '', stderr: `o2cb: Unknown cluster '${name}'\n`, exitCode: 0, load: r.o2cb };
  return { stdout: out, stderr: '', exitCode: 0, load: r.o2cb };
}

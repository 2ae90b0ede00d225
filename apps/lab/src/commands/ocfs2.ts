import type { ListClusterOptions } from '../actions/ocfs2.js';
import type { CommandContext } from './types.js';

/**
 * `ftkit ocfs2 …`: o2cb-compatible views of /etc/ocfs2/cluster.conf. `list-cluster` prints exactly
 * what `o2cb --config-file=FILE list-cluster NAME` prints; where o2cb would refuse the file (and
 * only say `Unknown code ____ 251`) it shows every reason with its line and column instead.
 */
export function registerOcfs2(context: CommandContext): void {
  const ocfs2 = context.program
    .command('ocfs2')
    .description('OCFS2 cluster.conf tools that print what o2cb prints, with real error messages');
  ocfs2
    .command('list-cluster')
    .description('Print a cluster (heartbeats, nodes, cluster) exactly as `o2cb list-cluster` does')
    .argument('<file>', 'the cluster.conf to read (`-` reads standard input)')
    .argument('<name>', 'the cluster name (case-sensitive)')
    .option('--oneline', 'one line per heartbeat, node and cluster, like `o2cb list-cluster --oneline`')
    .action(async (file: string, name: string, opts: ListClusterOptions) => {
      const { ocfs2ListCluster } = await import('../actions/ocfs2.js');
      await ocfs2ListCluster(context, file, name, opts);
    });
}

import type { ExporterOptions } from '../actions/exporter.js';
import type { CommandContext } from './types.js';

const seconds = (v: string) => Number.parseFloat(v);

/** `ftkit exporter`: DRBD metrics with drbd-reactor's names, served over HTTP or as a textfile. */
export function registerExporter(context: CommandContext): void {
  context.program
    .command('exporter')
    .description(
      "Serve DRBD metrics with drbd-reactor's names on /metrics (DRBD 9 through drbdsetup events2, 8.x through /proc/drbd)",
    )
    .option(
      '--listen <host:port>',
      'address to serve /metrics on (`:9942` for every address)',
      '127.0.0.1:9942',
    )
    .option(
      '--drbdsetup <path>',
      'follow `PATH events2` (DRBD 9; default when /proc/drbd is not 8.x: drbdsetup)',
    )
    .option('--proc-drbd <path>', 'read this /proc/drbd at each scrape (DRBD 8.x; default when it shows 8.x)')
    .option(
      '--textfile <dir>',
      "write DIR/drbd.prom atomically for node_exporter's textfile collector instead of serving",
    )
    .option('--interval <seconds>', 'with --textfile: seconds between writes', seconds, 15)
    .option('--once', 'with --textfile: write the file once and exit')
    .option(
      '--statistics-interval <seconds>',
      'seconds between `drbdsetup events2 --now --statistics` polls that refresh counters (0: none)',
      seconds,
      60,
    )
    .option(
      '--restart-delay <ms>',
      'first delay before restarting an exited drbdsetup (doubles, at most 30 s)',
      (v) => Number.parseInt(v, 10),
      1000,
    )
    .option(
      '--enums',
      'also the enum families (drbd_resource_role, drbd_connection_state, drbd_device_state)',
    )
    .action(async (opts: ExporterOptions) => {
      const { exporter } = await import('../actions/exporter.js');
      await exporter(context, opts);
    });
}

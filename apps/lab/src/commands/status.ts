import type { StatusSource } from '@ftkit/proc-drbd';
import { Option } from 'commander';
import type { Events2Options, StatusOptions } from '../actions/status.js';
import { formatOption, resolveFormat } from './output-format.js';
import type { CommandContext } from './types.js';

const sources: readonly StatusSource[] = ['proc-drbd', 'status-json', 'status-text', 'events2'];

/** `ftkit status [FILE|-]` and `ftkit events2 [FILE|-]`. */
export function registerStatus(context: CommandContext): void {
  const { program } = context;
  program
    .command('status')
    .description(
      'Show DRBD status from /proc/drbd, drbdsetup status --json, drbdadm status or events2 output',
    )
    .argument('[file]', 'file to read, `-` for standard input', '/proc/drbd')
    .addOption(new Option('--source <kind>', 'which output the input is (default: detect)').choices(sources))
    .addOption(formatOption(['text', 'json', 'prometheus'], 'text'))
    .option('--json', 'print the normalised status model as JSON (same as -f json)')
    .option('--prometheus', 'print Prometheus text exposition (the families of `ftkit exporter`)')
    .option('--enums', 'with --prometheus: also the enum families (drbd-reactor `enums = true`)')
    .option(
      '--watch <seconds>',
      're-read every N seconds and show rates from counter deltas',
      Number.parseFloat,
    )
    .option('--count <n>', 'with --watch: stop after N readings', (v) => Number.parseInt(v, 10))
    .option('--allow-two-primaries', 'do not report dual-primary resources')
    .option(
      '--check',
      'Nagios/Icinga plugin: one line with perf data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
    )
    .action(async (file: string, opts: StatusOptions & { format?: string }) => {
      const { status } = await import('../actions/status.js');
      await status(context, file, resolveFormat(opts, { json: 'json', prometheus: 'prometheus' }));
    });

  program
    .command('events2')
    .description(
      'Follow `drbdsetup events2` output (e.g. `drbdsetup events2 --now --statistics | ftkit events2`)',
    )
    .argument('[file]', 'file to read, `-` (default) for standard input, read as it arrives', '-')
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('--json', 'print one JSON object per event: timestamp, action, object, fields (same as -f json)')
    .option(
      '--alert',
      'print only alerts, one line per transition into an unhealthy state (split brain, disconnect, lost quorum, stalled resync, suspended I/O, failed disk); exit 1 if any',
    )
    .action(async (file: string, opts: Events2Options & { format?: string }) => {
      const { events2 } = await import('../actions/status.js');
      await events2(context, file, resolveFormat(opts, { json: 'json' }));
    });
}

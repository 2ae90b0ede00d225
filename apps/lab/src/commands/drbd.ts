import { Option } from 'commander';
import type { DumpOptions, MigrateOptions } from '../actions/drbd.js';
import { drbdVersionOption } from './drbd-version.js';
import type { CommandContext } from './types.js';

/**
 * `ftkit drbd …`: drbdadm-compatible views of drbd.conf. `dump` prints what `drbdadm -c FILE
 * dump all` prints (run as node `--host`), following includes; where drbdadm would reject the
 * file it exits 1 and lists every problem with its line and column.
 */
export function registerDrbd(context: CommandContext): void {
  const drbd = context.program
    .command('drbd')
    .description('DRBD configuration tools that print what drbdadm prints');
  drbd
    .command('dump')
    .description('Print the configuration exactly as `drbdadm -c FILE dump all` does')
    .argument('<file>', 'the drbd.conf or .res file (`-` reads standard input)')
    .addOption(drbdVersionOption('parser to mirror (default: from the content, else 9)'))
    .option('--host <name>', 'the local node name (like __DRBD_NODE__; default: the host name)')
    .option('--root <dir>', 'directory that included files must stay inside (default: the file’s directory)')
    .option(
      '--sysroot <dir>',
      'resolve absolute include paths of a file inside DIR under DIR (config trees in a repository)',
    )
    .option('--redact', 'print shared-secret values as «redacted» (for dumps that go to logs)')
    .action(async (file: string, opts: DumpOptions) => {
      const { drbdDump } = await import('../actions/drbd.js');
      await drbdDump(context, file, opts);
    });
  drbd
    .command('migrate')
    .description('Rewrite a DRBD 8.4 configuration for DRBD 9, keeping comments')
    .argument('<file>', 'the drbd.conf or .res file')
    .addOption(new Option('--to <version>', 'target version').choices(['9']).default('9'))
    .addOption(drbdVersionOption('DRBD version of the input file (8.4 or 8.3; default 8.4)'))
    .option('--write', 'write the result back (atomically) instead of printing it')
    .action(async (file: string, opts: MigrateOptions) => {
      const { drbdMigrate } = await import('../actions/drbd.js');
      await drbdMigrate(context, file, opts);
    });
}

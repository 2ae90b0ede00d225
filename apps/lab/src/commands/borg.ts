import { Option } from 'commander';
import type {
  BorgItemsOptions,
  BorgLogOptions,
  BorgPrunePlanOptions,
  BorgValidateOptions,
} from '../actions/borg.js';
import type { BorgOutcomeOptions, BorgRunOptions } from '../actions/borg-outcome.js';
import { UsageError } from '../io.js';
import { formatOption, resolveFormat } from './output-format.js';
import type { CommandContext } from './types.js';

function keepOption(name: string, what: string) {
  return new Option(`--keep-${name} <n>`, what).argParser((v: string) => {
    if (!/^(?:\d+|-1|all|\d+[HdwmyMS])$/.test(v))
      throw new UsageError(`Invalid --keep-${name} \`${v}\`: expected a number`);
    return /^\d+$/.test(v) ? Number(v) : v;
  });
}

/** `ftkit borg validate|items|log|prune-plan|outcome|run`: BorgBackup machine output and runs. */
export function registerBorg(context: CommandContext): void {
  const borg = context.program
    .command('borg')
    .description('Read BorgBackup --json / --json-lines / --log-json output, plan prunes, judge runs');

  borg
    .command('validate')
    .description(
      'Check a borg --json document, --json-lines items or --log-json stream (kind and version detected)',
    )
    .argument('[file]', 'file to check (`-` or nothing reads standard input)')
    .option('--quiet', 'report errors only')
    .option('--emit', 'print the document re-emitted as borg prints it (byte-identical for valid input)')
    .action(async (file: string | undefined, opts: BorgValidateOptions) => {
      const { borgValidate } = await import('../actions/borg.js');
      await borgValidate(context, file, opts);
    });

  borg
    .command('items')
    .description('Read `borg list --json-lines ARCHIVE` output as a stream (bounded memory)')
    .argument('[file]', 'file to read (`-` or nothing reads standard input)')
    .option('--summary', 'count, sizes by type and the largest top directories instead of a listing')
    .option('--top <n>', 'how many directories the summary shows', (v) => Number(v), 10)
    .option('--depth <n>', 'directory depth the summary groups by', (v) => Number(v), 1)
    .addOption(
      new Option('--on-bad-line <what>', 'stop at a bad line or report it and continue')
        .choices(['stop', 'continue'])
        .default('stop'),
    )
    .action(async (file: string | undefined, opts: BorgItemsOptions) => {
      const { borgItems } = await import('../actions/borg.js');
      await borgItems(context, file, opts);
    });

  borg
    .command('log')
    .description('Render a `--log-json` stderr stream readably (levels, progress, prompts, exit codes)')
    .argument('[file]', 'file to read (`-` or nothing reads standard input)')
    .option('--debug', 'also show DEBUG records and every progress step')
    .action(async (file: string | undefined, opts: BorgLogOptions) => {
      const { borgLog } = await import('../actions/borg.js');
      await borgLog(context, file, opts);
    });

  borg
    .command('prune-plan')
    .description('Show what `borg prune --dry-run --list` would print for `borg list --json` output')
    .argument(
      '[file]',
      '`borg list --json` / `rlist --json` / `repo-list --json` output (`-` or nothing: stdin)',
    )
    .addOption(
      keepOption('within', 'keep everything newer than INTERVAL (1.x, 2.0 up to b21)').argParser(
        (v: string) => v,
      ),
    )
    .addOption(keepOption('last', 'same as --keep-secondly'))
    .addOption(keepOption('secondly', 'number of secondly archives to keep'))
    .addOption(keepOption('minutely', 'number of minutely archives to keep'))
    .addOption(keepOption('hourly', 'number of hourly archives to keep'))
    .addOption(keepOption('daily', 'number of daily archives to keep'))
    .addOption(keepOption('weekly', 'number of weekly archives to keep'))
    .addOption(keepOption('monthly', 'number of monthly archives to keep'))
    .addOption(keepOption('13weekly', 'number of quarterly (13-week) archives to keep (1.4.1+, b13+)'))
    .addOption(keepOption('3monthly', 'number of quarterly (3-month) archives to keep (1.4.1+, b13+)'))
    .addOption(keepOption('yearly', 'number of yearly archives to keep'))
    .option('--keep <n>', 'number, interval or `all` (2.0 b22+)')
    .option(
      '--borg-version <v>',
      'borg version whose rules and line layout to use: 1.2, 1.4, 2.0, 2.0.0bN',
      '1.4',
    )
    .option('--tz <zone>', 'time zone borg runs in (default: TZ, else UTC)')
    .option('--now <time>', 'time of the run, ISO 8601 (default: now)')
    .option('--glob <pattern>', 'only archives whose name matches (like --glob-archives / -a sh:)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('--json', 'print the plan as JSON instead of borg lines (same as -f json)')
    .option('--svg <file>', 'also draw the plan on a time axis into FILE')
    .action(async (file: string | undefined, opts: BorgPrunePlanOptions & { format?: string }) => {
      const { borgPrunePlan } = await import('../actions/borg.js');
      await borgPrunePlan(context, file, resolveFormat(opts, { json: 'json' }));
    });

  borg
    .command('outcome')
    .description(
      'Say whether a finished borg run succeeded, warned or failed, and why, from its exit code and --log-json stream',
    )
    .argument('[log]', "borg's --log-json stderr (`-` reads standard input; nothing: the exit code alone)")
    .requiredOption('--rc <n>', "borg's exit code (128 + N when signal N stopped it)")
    .option('--json <file>', 'the --json document borg printed on stdout (create: archive files and sizes)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option(
      '--textfile <dir>',
      "write borg.prom for node_exporter's textfile collector into DIR (atomically)",
    )
    .option('--repository <repo>', 'the `repository` label of the metrics')
    .option('--job <name>', 'the `job` label of the metrics', 'borg')
    .action(async (file: string | undefined, opts: BorgOutcomeOptions) => {
      const { borgOutcomeCommand } = await import('../actions/borg-outcome.js');
      await borgOutcomeCommand(context, file, opts);
    });

  borg
    .command('run')
    .description(
      'Run borg with --log-json (and --json for create), show its output readably, judge the run and exit with its code',
    )
    .usage('[options] -- borg COMMAND [ARGS...]')
    .argument('<command...>', 'the borg command line, after `--`')
    .option(
      '--textfile <dir>',
      "write borg.prom for node_exporter's textfile collector into DIR (atomically)",
    )
    .option('--repository <repo>', 'the `repository` label (default: -r/--repo, REPO::ARCHIVE or BORG_REPO)')
    .option('--job <name>', 'the `job` label of the metrics', 'borg')
    .action(async (command: string[], opts: BorgRunOptions) => {
      const { borgRun } = await import('../actions/borg-outcome.js');
      await borgRun(context, command, opts);
    });
}

import { Option } from 'commander';
import type { LintOptions } from '../actions/lint.js';
import { drbdVersionOption } from './drbd-version.js';
import { reporterNames } from './reporter-names.js';
import type { CommandContext } from './types.js';

/** `ftkit lint <paths...>`: parse, validate and lint files of every known format. */
export function registerLint(context: CommandContext): void {
  context.program
    .command('lint')
    .description('Lint configuration files and tool output of every known format')
    .argument('<paths...>', 'files or directories to lint (`-` reads standard input)')
    .addOption(new Option('-f, --format <name>', 'report format').choices(reporterNames).default('stylish'))
    .option('--kind <name>', 'treat every file as this format instead of detecting it')
    .option(
      '--rule <id=level>',
      'set a rule to off, info, warn or error (repeatable)',
      (v, acc: string[]) => [...acc, v],
      [],
    )
    .addOption(drbdVersionOption('DRBD version of DRBD files (default: from their content)'))
    .option(
      '--set <key=value>',
      'a setting for rules, e.g. hostname=alice or regionDevices=["/dev/sdb"] (JSON values are parsed; repeatable; drbdVersion=V is --drbd-version)',
      (v, acc: string[]) => [...acc, v],
      [],
    )
    .option('--fix', 'apply safe fixes to the files (written atomically)')
    .option('--quiet', 'report errors only')
    .option('--code-frame', 'show the source lines under each finding (stylish)')
    .option('--no-redact', 'show secret values (e.g. DRBD shared-secret) in messages')
    .option(
      '--root <dir>',
      'directory that included files must stay inside (default: each file’s own directory)',
    )
    .action(async (paths: string[], opts: LintOptions) => {
      const { lint } = await import('../actions/lint.js');
      await lint(context, paths, opts);
    });
}

import { InvalidArgumentError, Option } from 'commander';
import type { LintOptions } from '../actions/lint.js';
import { drbdVersionOption } from './drbd-version.js';
import { reporterNames } from './reporter-names.js';
import type { CommandContext } from './types.js';

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}

/** `ftkit lint <paths...>`: parse, validate and lint files of every known format. */
export function registerLint(context: CommandContext): void {
  context.program
    .command('lint')
    .description('Lint configuration files and tool output of every known format')
    .argument('[paths...]', 'files, directories or globs to lint (`-` reads standard input)')
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
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option(
      '-c, --config <file>',
      'use this config file instead of the ftkit.config.* found upward from each file',
    )
    .option('--no-config', 'use no config file')
    .option('--print-config <file>', 'print the rules and settings that apply to FILE, as JSON, and exit')
    .option('--no-inline-config', 'ignore `# ftkit-disable…` comments in the files')
    .option(
      '--max-warnings <n>',
      'exit 1 when there are more than N warnings (default: warnings never fail)',
      nonNegativeInteger,
    )
    .option('-o, --output-file <file>', 'write the report to FILE instead of standard output')
    .option(
      '--stdin-filename <name>',
      'the file name standard input (`-`) stands for: format, config and report name',
    )
    .option(
      '--base <dir>',
      'paths in sarif, github, junit and checkstyle reports are relative to DIR (default: .)',
    )
    .option(
      '--sysroot <dir>',
      'resolve absolute include paths of files inside DIR under DIR (config trees kept in a repository)',
    )
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

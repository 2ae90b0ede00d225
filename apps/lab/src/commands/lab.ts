import { Option } from 'commander';
import type { LabCheckOptions, LabGenerateOptions } from '../actions/lab.js';
import { drbdVersionOption } from './drbd-version.js';
import { reporterNames } from './reporter-names.js';
import type { CommandContext } from './types.js';

/** `ftkit lab generate|check|schema`: the reference lab. */
export function registerLab(context: CommandContext): void {
  const lab = context.program
    .command('lab')
    .description('Generate a complete, validated DRBD + OCFS2 + Borg lab, and check existing machines');
  lab
    .command('generate')
    .description('Write one tree per node plus RUNBOOK.md from a lab spec (no SPEC: the built-in two-VM lab)')
    .argument('[spec]', 'lab spec: .yaml, .yml, .json, or .ts/.js with a default export')
    .requiredOption('-o, --out <dir>', 'output directory')
    .addOption(
      new Option('--mode <mode>', "override the spec's mode").choices(['single-primary', 'dual-primary']),
    )
    .addOption(new Option('--drbd-version <v>', "override the spec's DRBD syntax").choices(['9', '8.4']))
    .option('--force', 'overwrite files that exist and differ')
    .option('--dry-run', 'write nothing; print the tree and the diffs')
    .addOption(
      new Option('-f, --format <name>', 'report format for problems')
        .choices(reporterNames)
        .default('stylish'),
    )
    .action(async (specPath: string | undefined, opts: LabGenerateOptions) => {
      const { labGenerate } = await import('../actions/lab.js');
      await labGenerate(context, specPath, opts);
    });
  lab
    .command('check')
    .description('Lint every file of one or more machine trees and check how the files fit together')
    .argument(
      '<dirs...>',
      'node trees laid out like `/` (`DIR`, or `NAME=DIR` for several), or a generated lab directory',
    )
    .addOption(new Option('-f, --format <name>', 'report format').choices(reporterNames).default('stylish'))
    .option(
      '--rule <id=level>',
      'set a rule to off, info, warn or error (repeatable)',
      (v, acc: string[]) => [...acc, v],
      [],
    )
    .addOption(drbdVersionOption('DRBD syntax to read the DRBD files with (default 9)'))
    .option('--quiet', 'report errors only')
    .action(async (dirs: string[], opts: LabCheckOptions) => {
      const { labCheck } = await import('../actions/lab.js');
      await labCheck(context, dirs, opts);
    });
  lab
    .command('schema')
    .description('Print the JSON Schema of lab specs (for editors: `$schema` or yaml-language-server)')
    .action(async () => {
      const { labSchema } = await import('../actions/lab.js');
      await labSchema(context);
    });
}

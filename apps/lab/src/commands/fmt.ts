import type { FmtOptions } from '../actions/fmt.js';
import { drbdVersionOption } from './drbd-version.js';
import type { CommandContext } from './types.js';

/** `ftkit fmt <files...>`: rewrite files in their format's canonical layout, keeping comments. */
export function registerFmt(context: CommandContext): void {
  context.program
    .command('fmt')
    .description("Re-format files in their format's canonical layout (comments are kept)")
    .argument('<files...>', 'files to format (`-` reads standard input)')
    .option('--check', 'only report files that are not formatted (exit 1 if any)')
    .option('--write', 'write the formatted text back (atomically)')
    .option('--kind <name>', 'treat every file as this format instead of detecting it')
    .addOption(drbdVersionOption('DRBD version of DRBD files (default: from their content)'))
    .action(async (files: string[], opts: FmtOptions) => {
      const { fmt } = await import('../actions/fmt.js');
      await fmt(context, files, opts);
    });
}

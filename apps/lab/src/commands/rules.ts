import { Option } from 'commander';
import type { CommandContext } from './types.js';

/** `ftkit rules`: every lint rule with its format, default severity, fixability and docs. */
export function registerRules(context: CommandContext): void {
  context.program
    .command('rules')
    .description('List every lint rule: format, default severity, fixable, docs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { format: 'text' | 'json' }) => {
      const { rules } = await import('../actions/rules.js');
      await rules(context, opts);
    });
}

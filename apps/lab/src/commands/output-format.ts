import { Option } from 'commander';
import { UsageError } from '../io.js';

/**
 * `-f, --format <name>`, the one way every command chooses its output (`ftkit lint -f sarif`,
 * `ftkit status -f json`). The older boolean flags (`--json`, `--prometheus`) stay as aliases:
 * {@link resolveFormat} turns the option into them.
 */
export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('-f, --format <name>', `output format (default: ${fallback})`).choices([...choices]);
}

/**
 * Sets the alias flags for `opts.format` (`{ json: 'json' }`: `-f json` sets `json`), and refuses a
 * `--format` that contradicts an alias given too (`-f text --json`) with exit 2.
 */
export function resolveFormat<T extends { format?: string }>(
  opts: T,
  aliases: Record<string, keyof T & string>,
): T {
  const given = Object.entries(aliases).filter(([, flag]) => opts[flag] === true);
  if (opts.format === undefined) return opts;
  for (const [name, flag] of given)
    if (name !== opts.format)
      throw new UsageError(`--format ${opts.format} and --${flag} disagree: give one of them`);
  const flag = aliases[opts.format];
  return flag ? { ...opts, [flag]: true } : opts;
}

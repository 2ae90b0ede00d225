import type { RuleConfig, RuleLevel } from '@ftkit/core';
import { UsageError } from '../io.js';

const levels: readonly RuleLevel[] = ['off', 'info', 'warn', 'warning', 'error'];

/** Parses repeated `--rule id=level` options (`ftkit lint`, `ftkit lab check`). */
export function parseRules(list: readonly string[]): RuleConfig {
  const out: Record<string, RuleLevel> = Object.create(null);
  for (const item of list) {
    const m = /^([\w/-]+)=(\w+)$/.exec(item);
    if (!m || !levels.includes(m[2] as RuleLevel)) {
      throw new UsageError(`Invalid --rule \`${item}\`: expected ID=off|info|warn|error`);
    }
    out[m[1]!] = m[2] as RuleLevel;
  }
  return out;
}

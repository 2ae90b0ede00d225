import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrunePolicy } from '../src/prune/plan.js';

/**
 * The real borg captures live once, in @ftkit/borg-json's test fixtures (commands.json and
 * prune/ of each version folder are what these tests read).
 */
export const FIXTURES = join(import.meta.dirname, '../../borg-json/test/fixtures');

/** Text of a fixture. */
export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

const flag: Record<string, keyof PrunePolicy> = {
  '--keep-within': 'keepWithin',
  '--keep-last': 'keepLast',
  '--keep-secondly': 'keepSecondly',
  '--keep-minutely': 'keepMinutely',
  '--keep-hourly': 'keepHourly',
  '--keep-daily': 'keepDaily',
  '--keep-weekly': 'keepWeekly',
  '--keep-monthly': 'keepMonthly',
  '--keep-yearly': 'keepYearly',
};

/** The policy and archive glob of a captured `borg prune` command line. */
export function policyOf(command: string): { policy: PrunePolicy; prefix?: string } {
  const words = command.split(' ');
  const policy: Record<string, unknown> = {};
  let prefix: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const key = flag[w];
    if (key) policy[key] = key === 'keepWithin' ? words[++i] : Number(words[++i]);
    if (w === '--glob-archives' || w === '-a') prefix = words[++i]!.replace(/^'(?:sh:)?|\*'$/g, '');
  }
  return { policy: policy as PrunePolicy, ...(prefix ? { prefix } : {}) };
}

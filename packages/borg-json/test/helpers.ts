import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PrunePolicy } from '../src/prune/plan.js';

/** Root of the copied real captures. */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Every fixture file (relative path) under the version folders, filtered by a suffix test. */
export function fixtureFiles(test: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = relative(FIXTURES, p);
        // realworld/ holds samples nobody here captured (test/realworld.test.ts reads them).
        if (rel.includes('/') && !rel.startsWith('realworld/') && test(rel)) out.push(rel);
      }
    }
  };
  walk(FIXTURES);
  return out.sort();
}

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

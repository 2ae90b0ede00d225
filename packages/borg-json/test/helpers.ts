import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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

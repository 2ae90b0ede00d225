import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** test/fixtures/realworld: cluster.conf files people wrote (SOURCES.md there names each origin). */
export const realworldDir = join(import.meta.dirname, 'fixtures', 'realworld');

/** The sample file names, sorted. */
export const realworldFiles: readonly string[] = readdirSync(realworldDir)
  .filter((f) => f.endsWith('.conf'))
  .sort();

/**
 * A sample's text: UTF-8 for lint, or `latin1` for the o2cb comparisons (one character per byte,
 * which is how the o2cb Scratch writes files back and how o2cb reads them).
 */
export function readRealworld(name: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return readFileSync(join(realworldDir, name), encoding);
}

/**
 * The cluster names to ask `list-cluster` for: every `name = …` written under a `cluster:` header
 * (found in the text, so refused files get names too), plus one that no file defines.
 */
export function clusterNamesIn(text: string): string[] {
  const names = new Set<string>();
  let inCluster = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) inCluster = /^cluster\s*:/.test(line);
    const m = inCluster ? /^\s*name\s*=\s*(\S+)/.exec(line) : null;
    if (m) names.add(m[1]!);
  }
  return [...names, 'nosuchcluster'];
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** test/fixtures/realworld: fstab lines people wrote (SOURCES.md there names each origin). */
export const realworldDir = join(import.meta.dirname, 'fixtures', 'realworld');

/** The sample file names, sorted. */
export const realworldFiles: readonly string[] = readdirSync(realworldDir)
  .filter((f) => f.endsWith('.fstab'))
  .sort();

/** A sample's text. */
export const readRealworld = (name: string): string => readFileSync(join(realworldDir, name), 'utf8');

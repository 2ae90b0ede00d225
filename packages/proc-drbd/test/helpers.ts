import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixtureDir = join(import.meta.dirname, 'fixtures');

/** Fixture file names (without SOURCES.md), optionally filtered by prefix. */
export function fixtures(prefix = ''): string[] {
  // Files only: realworld/ holds samples nobody here wrote (test/realworld.test.ts).
  return readdirSync(fixtureDir, { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.startsWith(prefix) && !f.name.endsWith('.md'))
    .map((f) => f.name)
    .sort();
}

export const readFixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');

/**
 * /proc fixtures that are not byte-for-byte kernel output (SOURCES.md): TABs expanded to spaces,
 * trailing blanks added or lost, or a blank line edited out of the test data they come from.
 */
export const notKernelFormatted: Readonly<Record<string, string>> = {
  'proc-8.0.12-connected-unconfigured-gap.txt': 'LRU lines have the TAB expanded to 8 spaces',
  'proc-8.3-inkernel-2.6.39-mfinish-bug.txt': 'indentation of minor 3 is as stored in the ganeti test data',
  'proc-8.3.1-nul-congestion-flag-mixed-states.txt':
    'the blank line before minor 4 was edited out of the test data',
  'proc-8.3.11-srcversion-synctarget-want.txt': 'trailing blank after oos and 8-space indentation as stored',
  'proc-8.4.11-inkernel-syncsource-synctarget-M-want.txt': 'TABs appear as 8 spaces in the issue text',
  'proc-8.4.2-syncsource-net-congested-flag.txt': 'TABs expanded',
};

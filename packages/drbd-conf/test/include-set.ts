import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A multi-file config made of real samples (fixtures/realworld/SOURCES.md): the puppet-managed
// drbd.conf and global_common.conf of pari-set, with three real 8.4 resource files in drbd.d/ (in the glob's sorted order).
const dir = join(import.meta.dirname, 'fixtures/realworld');
const real = (f: string) => readFileSync(join(dir, f), 'utf8');
/** File name → text of the set, as `/etc/…` paths. */
export const includeSet: Record<string, string> = {
  '/etc/drbd.conf': real('pari-set/drbd.conf'),
  '/etc/drbd.d/global_common.conf': real('pari-set/drbd.d/global_common.conf'),
  '/etc/drbd.d/kobe-mysql2.res': real('kobe-mysql2.res'),
  '/etc/drbd.d/liquidweaver-r0.res': real('liquidweaver-r0.res'),
  '/etc/drbd.d/sergioshev-postgres.res': real('sergioshev-postgres.res'),
};

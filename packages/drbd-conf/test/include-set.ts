import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import type { DrbdConfig } from '../src/index.js';
import { configArb } from './arbitraries.js';

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

/**
 * Random valid configs split over files: the main file `/etc/drbd.conf` includes
 * `drbd.d/*.res`, and the resources, in order, go to `drbd.d/fNN.res` files (a glob reads them
 * in name order, so the order of the resources is kept).
 */
export const splitConfigArb: fc.Arbitrary<DrbdConfig> = configArb.chain((m) =>
  fc.array(fc.boolean(), { minLength: m.resources.length, maxLength: m.resources.length }).map((starts) => {
    let file = 0;
    return {
      ...m,
      includes: [{ pattern: 'drbd.d/*.res', file: '/etc/drbd.conf' }],
      resources: m.resources.map((r, i) => {
        if (i > 0 && starts[i]) file++;
        return { ...r, file: `/etc/drbd.d/f${String(file).padStart(2, '0')}.res` };
      }),
    };
  }),
);

import type { AnyFormatModule } from '@ftkit/core';
import { drbdConfFormat } from '@ftkit/drbd-conf';
import { fstabFormat } from '@ftkit/fstab';
import { o2cbDefaultsFormat } from '@ftkit/o2cb-defaults';
import { ocfs2ClusterConfFormat } from '@ftkit/ocfs2-cluster-conf';

/**
 * The formats whose files `generateLab` writes: `lab generate` lints its output with these.
 * `lab check` reads trees that may hold anything and uses every format of the CLI instead (a test
 * checks both lists give the same findings on generated labs). None of these descriptors loads
 * zod, which keeps `ftkit lab generate` quick to start.
 */
export const labFormats: readonly AnyFormatModule[] = [
  drbdConfFormat,
  ocfs2ClusterConfFormat,
  o2cbDefaultsFormat,
  fstabFormat,
];

import { borgJsonFormat } from '@ftkit/borg-json';
import type { AnyFormatModule } from '@ftkit/core';
import { drbdConfFormat } from '@ftkit/drbd-conf';
import { fstabFormat } from '@ftkit/fstab';
import { o2cbDefaultsFormat } from '@ftkit/o2cb-defaults';
import { ocfs2ClusterConfFormat } from '@ftkit/ocfs2-cluster-conf';
import { procDrbdFormat } from '@ftkit/proc-drbd';

/**
 * Every format the CLI knows, as descriptors. The CLI iterates over this list and knows nothing
 * else about formats; a format package joins by adding its descriptor here.
 */
export const formats: readonly AnyFormatModule[] = [
  drbdConfFormat,
  procDrbdFormat,
  o2cbDefaultsFormat,
  fstabFormat,
  ocfs2ClusterConfFormat,
  borgJsonFormat,
];

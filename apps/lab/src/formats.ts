import type { AnyFormatModule } from '@ftkit/core';
import { procDrbdFormat } from '@ftkit/proc-drbd';

/**
 * Every format the CLI knows, as descriptors. The CLI iterates over this list and knows nothing
 * else about formats; a format package joins by adding its descriptor here.
 */
export const formats: readonly AnyFormatModule[] = [procDrbdFormat];

import type { DrbdCommon, DrbdConfig, DrbdResource } from '../schema.js';

/**
 * The `common` section a DRBD 9 resource's `template-file` holds, when the file was read (parse
 * with a `reader`). drbdadm uses it instead of the configuration's own `common` for that
 * resource's inherited options; `dump` still prints only the `template-file` statement.
 */
export const templateCommon = new WeakMap<DrbdResource, DrbdCommon>();

/** The `common` whose options resource `r` inherits: its template's, else the configuration's. */
export function commonOf(cfg: DrbdConfig, r: DrbdResource | undefined): DrbdCommon | undefined {
  return (r && templateCommon.get(r)) ?? cfg.common;
}

/**
 * The path of a resource's `template-file` resolved against the directory of the file that names
 * it (when that file's name is absolute), as drbdadm resolves and `dump` prints it.
 */
export const templatePath = new WeakMap<DrbdResource, string>();

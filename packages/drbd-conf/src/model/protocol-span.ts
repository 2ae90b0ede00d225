/**
 * Where a legacy `protocol X;` statement of a resource or `common` was written (0-based UTF-16
 * offsets into its file, end exclusive). drbdadm appends it to the `net` options at that point
 * of the source, so the dump needs its place among the sections; lint points at it.
 */
export const protocolSpan = new WeakMap<object, { start: number; end: number }>();

/** A model without positions (`span`, `file`) and quoting flags, for content comparison. */
export function strip<T>(m: T): T {
  return JSON.parse(
    JSON.stringify(m, (k, v) => (k === 'span' || k === 'file' || k === 'quoted' ? undefined : v)),
  );
}

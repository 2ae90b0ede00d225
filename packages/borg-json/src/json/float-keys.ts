/**
 * Keys whose numbers borg prints as Python floats (`0.0`, not `0`): durations, ratios, epoch
 * seconds and borgstore timing counters. Everything else numeric is an integer.
 */
const FLOAT_KEY =
  /^(?:duration|max_archive_size|time|hashing_time|chunking_time|cache_hit_ratio)$|_time$|_throughput$/;

/** Whether borg prints the number under `key` as a float. */
export function isBorgFloatKey(key: string): boolean {
  return FLOAT_KEY.test(key);
}

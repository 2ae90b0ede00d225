// The limits and patterns of cluster.conf values, without zod: the read path (parse, listCluster)
// needs them, and importing zod costs about 0.1 s of CPU at start-up.

/**
 * Limits of cluster.conf values in the three places that check them (reference §2.6):
 * - `load`: what o2cb 1.8.7 accepts when it reads the file (anything else: the whole file is refused);
 * - `command`: what the o2cb commands (`add-cluster`, `add-node` …) accept;
 * - `kernel`: what the kernel accepts when `register-cluster` brings the cluster online.
 * All bounds are inclusive.
 */
export const LIMITS = {
  load: {
    nodeNumberMax: 2_147_483_646,
    ipPortMax: 4_294_967_295,
    nodeCountMax: 4_294_967_295,
  },
  command: {
    clusterNameMaxLength: 16,
    nodeNumberMax: 254,
    nodesPerCluster: 255,
  },
  kernel: {
    clusterNameMaxLength: 16,
    nodeNumberMax: 254,
    nodesPerCluster: 255,
    nodeNameMaxBytes: 64,
    ipPortMin: 1,
    ipPortMax: 65_534,
    regionsPerCluster: 32,
  },
} as const;

/** A limit tier, see {@link LIMITS}. */
export type Tier = keyof typeof LIMITS;

/**
 * The severity a violation of each tier gets: breaking the load tier makes o2cb refuse the file,
 * breaking the kernel tier stops the cluster from coming online (both `error`); values only the
 * o2cb commands refuse still work once written by hand (`warning`).
 */
export const TIER_SEVERITY = { load: 'error', command: 'warning', kernel: 'error' } as const;

/** Strict dotted-quad IPv4 as glibc `inet_pton(AF_INET)` reads it: no leading zeros, 0–255. */
export const IPV4_PATTERN =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Cluster names o2cb commands and the kernel accept: 1–16 ASCII letters and digits. */
export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9]{1,16}$/;

/** A global-heartbeat region: the volume UUID as 32 upper-case hex digits, no dashes. */
export const REGION_PATTERN = /^[0-9A-F]{32}$/;

/**
 * What ocfs2-tools 1.8.x knows about each variable of /etc/default/o2cb (reference §4.2): the
 * kernel default that stays in force when the variable is unset or rejected, the minimum the
 * interactive `configure` prompt enforces, and the comment line the generated files carry.
 */
export interface VariableInfo {
  /** Variable name, e.g. `O2CB_IDLE_TIMEOUT_MS`. */
  readonly name: string;
  /** `numeric` variables are written to configfs; the others are read by the init script. */
  readonly kind: 'boolean' | 'stack' | 'cluster' | 'numeric';
  /** The value in force when the variable is unset, empty or rejected (kernel or script default). */
  readonly defaultValue: string;
  /** Smallest value the `service o2cb configure` prompt accepts (numeric variables only). */
  readonly toolMinimum?: number;
  /** Unit of numeric values (`ms`, or `heartbeats` for the threshold). */
  readonly unit?: string;
  /** The `# NAME: …` comment line the Debian postinst writes before the assignment (without `# `). */
  readonly debianComment: string;
  /** The comment line `/etc/init.d/o2cb configure` writes (differs in two places from Debian's). */
  readonly initscriptComment: string;
}

const info = (v: VariableInfo): VariableInfo => v;

/** The seven variables ocfs2-tools 1.8.x reads, in the order the generated files list them. */
export const VARIABLES: readonly VariableInfo[] = [
  info({
    name: 'O2CB_ENABLED',
    kind: 'boolean',
    defaultValue: 'false',
    debianComment: "O2CB_ENABLED: 'true' means to load the driver on boot.",
    initscriptComment: "O2CB_ENABLED: 'true' means to load the driver on boot.",
  }),
  info({
    name: 'O2CB_STACK',
    kind: 'stack',
    defaultValue: 'o2cb',
    debianComment: 'O2CB_STACK: The name of the cluster stack backing O2CB.',
    initscriptComment: 'O2CB_STACK: The name of the cluster stack backing O2CB.',
  }),
  info({
    name: 'O2CB_BOOTCLUSTER',
    kind: 'cluster',
    defaultValue: '',
    debianComment: 'O2CB_BOOTCLUSTER: If not empty, the name of a cluster to start.',
    initscriptComment: 'O2CB_BOOTCLUSTER: If not empty, the name of a cluster to start.',
  }),
  info({
    name: 'O2CB_HEARTBEAT_THRESHOLD',
    kind: 'numeric',
    defaultValue: '31',
    toolMinimum: 7,
    unit: 'heartbeats',
    debianComment: 'O2CB_HEARTBEAT_THRESHOLD: Iterations before a node is considered dead.',
    initscriptComment: 'O2CB_HEARTBEAT_THRESHOLD: Iterations before a node is considered dead.',
  }),
  info({
    name: 'O2CB_IDLE_TIMEOUT_MS',
    kind: 'numeric',
    defaultValue: '30000',
    toolMinimum: 5000,
    unit: 'ms',
    debianComment: 'O2CB_IDLE_TIMEOUT_MS: Time in ms before a network connection is considered dead.',
    initscriptComment: 'O2CB_IDLE_TIMEOUT_MS: Time in ms before a network connection is considered dead.',
  }),
  info({
    name: 'O2CB_KEEPALIVE_DELAY_MS',
    kind: 'numeric',
    defaultValue: '2000',
    toolMinimum: 1000,
    unit: 'ms',
    debianComment: 'O2CB_KEEPALIVE_DELAY_MS: Max. time in ms before a keepalive packet is sent.',
    initscriptComment: 'O2CB_KEEPALIVE_DELAY_MS: Max time in ms before a keepalive packet is sent',
  }),
  info({
    name: 'O2CB_RECONNECT_DELAY_MS',
    kind: 'numeric',
    defaultValue: '2000',
    toolMinimum: 2000,
    unit: 'ms',
    debianComment: 'O2CB_RECONNECT_DELAY_MS: Min. time in ms between connection attempts.',
    initscriptComment: 'O2CB_RECONNECT_DELAY_MS: Min time in ms between connection attempts',
  }),
];

/** The names of {@link VARIABLES}. */
export type VariableName =
  | 'O2CB_ENABLED'
  | 'O2CB_STACK'
  | 'O2CB_BOOTCLUSTER'
  | 'O2CB_HEARTBEAT_THRESHOLD'
  | 'O2CB_IDLE_TIMEOUT_MS'
  | 'O2CB_KEEPALIVE_DELAY_MS'
  | 'O2CB_RECONNECT_DELAY_MS';

const byName = new Map(VARIABLES.map((v) => [v.name, v]));

/** The facts about a known variable, or `undefined` for any other name (safe for `__proto__`). */
export function variableInfo(name: string): VariableInfo | undefined {
  return byName.get(name);
}

/** The four variables the init script writes to configfs, in the order it writes them. */
export const NUMERIC_VARIABLES = [
  'O2CB_HEARTBEAT_THRESHOLD',
  'O2CB_IDLE_TIMEOUT_MS',
  'O2CB_KEEPALIVE_DELAY_MS',
  'O2CB_RECONNECT_DELAY_MS',
] as const;

/** Largest value the kernel's configfs stores accept for the timeouts (`u32`, `-1` excluded). */
export const KERNEL_MAX = 4294967294;

/** The disk heartbeat interval of the o2hb kernel module, in milliseconds. */
export const HEARTBEAT_INTERVAL_MS = 2000;

/**
 * The disk heartbeat (self-fence) timeout for a threshold: (T − 1) × 2 s, in milliseconds.
 * This is what the Debian template, the OCFS2 FAQ and o2cb.sysconfig(5) call "the" timeout.
 */
export function heartbeatTimeoutMs(threshold: number): number {
  return (threshold - 1) * HEARTBEAT_INTERVAL_MS;
}

/** The threshold that gives a heartbeat timeout of at least `seconds`: ⌈seconds / 2⌉ + 1. */
export function thresholdForTimeout(seconds: number): number {
  return Math.ceil(seconds / 2) + 1;
}

/** Cluster names `o2cb register-cluster` accepts: 1–16 ASCII letters and digits. */
export const CLUSTER_NAME_RE = /^[A-Za-z0-9]{1,16}$/;

/**
 * Parses a value as the kernel's configfs store does after the init script `echo`s it there.
 * `base` 10 is the dead threshold (`simple_strtoul(p, &p, 10)`, later `kstrtoul(p, 10)`);
 * `auto` is the network timeouts (`simple_strtoul(p, &p, 0)`, later `kstrtoul(p, 0)`): `0x…` is
 * hexadecimal and a leading `0` makes the number **octal**. Returns `undefined` for anything
 * the kernel refuses (empty, signs, units, spaces, `0`, 4294967295 and above).
 */
export function parseKernelNumber(value: string, base: 10 | 'auto' = 10): number | undefined {
  let n: number;
  if (base === 10) {
    if (!/^[0-9]{1,20}$/.test(value)) return undefined;
    n = Number(value);
  } else if (/^0[xX][0-9a-fA-F]{1,16}$/.test(value)) {
    n = Number.parseInt(value.slice(2), 16);
  } else if (/^0[0-7]{0,22}$/.test(value)) {
    n = value.length === 1 ? 0 : Number.parseInt(value.slice(1), 8);
  } else if (/^[1-9][0-9]{0,19}$/.test(value)) {
    n = Number(value);
  } else return undefined;
  return n >= 1 && n <= KERNEL_MAX ? n : undefined;
}

/** {@link parseKernelNumber} with the base the kernel uses for `name` (10 for the threshold). */
export function kernelNumberFor(name: string, value: string): number | undefined {
  return parseKernelNumber(value, name === 'O2CB_HEARTBEAT_THRESHOLD' ? 10 : 'auto');
}

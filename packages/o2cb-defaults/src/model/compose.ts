import { safeRecord } from '@ftkit/core';
import type { AssignmentLine, O2cbCst, RecoveryLine } from '../cst/types.js';
import type { O2cbSettings } from '../settings.js';
import { kernelNumberFor } from '../variables.js';

/** The model of an /etc/default/o2cb file. */
export interface O2cbDefaults {
  /**
   * Every variable the file assigns (any name), value after quote removal, last assignment
   * winning as in the shell. A null-prototype record: `__proto__` is an ordinary key.
   */
  readonly variables: Readonly<Record<string, string>>;
  /**
   * What the init script and kernel end up using: unset, empty or rejected values are replaced
   * by the defaults that stay in force (see {@link effectiveSettings}).
   */
  readonly settings: O2cbSettings;
}

/** The assignment lines of a CST, in file order. */
export function assignmentsOf(cst: O2cbCst): AssignmentLine[] {
  const out: AssignmentLine[] = [];
  for (const l of cst.lines) if (l.type === 'assignment') out.push(l);
  return out;
}

/**
 * The assignment lines the shell runs when it sources the file: those before the first shell
 * syntax error (a {@link RecoveryLine} with `fatal`). bash's `.` stops reading there, so the init
 * script goes on with only these; dash (the Debian config script) exits altogether.
 */
export function effectiveAssignments(cst: O2cbCst): AssignmentLine[] {
  const out: AssignmentLine[] = [];
  for (const l of cst.lines) {
    if (l.type === 'recovery' && l.fatal) break;
    if (l.type === 'assignment') out.push(l);
  }
  return out;
}

/** The first shell syntax error of the file, where sourcing stops (see {@link effectiveAssignments}). */
export function firstFatalLine(cst: O2cbCst): RecoveryLine | undefined {
  for (const l of cst.lines) if (l.type === 'recovery' && l.fatal) return l;
  return undefined;
}

/**
 * Simulates ocfs2-tools 1.8.x and the kernel on a set of variables: `enabled` only for the exact
 * word `true`; an empty stack means `o2cb`; numeric values must be 1–4294967294 (the timeouts
 * are read with base detection, so `0x…` is hex and a leading `0` octal); a
 * threshold ≤ 2 is ignored; the init script writes threshold, idle, keepalive and reconnect in
 * that order onto a freshly registered cluster (idle 30000, keepalive 2000), and the kernel
 * refuses an idle timeout not above the current keepalive delay, and a keepalive delay not
 * below the current idle timeout. Refused writes leave the default in force (the script still
 * prints `OK`).
 */
export function effectiveSettings(variables: Readonly<Record<string, string>>): O2cbSettings {
  const get = (n: string): string | undefined => (Object.hasOwn(variables, n) ? variables[n] : undefined);
  const num = (n: string): number | undefined => {
    const v = get(n);
    return v === undefined ? undefined : kernelNumberFor(n, v);
  };
  const threshold = num('O2CB_HEARTBEAT_THRESHOLD');
  const idle = num('O2CB_IDLE_TIMEOUT_MS');
  const idleEff = idle !== undefined && idle > 2000 ? idle : 30000;
  const keepalive = num('O2CB_KEEPALIVE_DELAY_MS');
  const keepaliveEff = keepalive !== undefined && keepalive < idleEff ? keepalive : 2000;
  const boot = get('O2CB_BOOTCLUSTER');
  const stack = get('O2CB_STACK');
  return {
    enabled: get('O2CB_ENABLED') === 'true',
    stack: stack === undefined || stack === '' ? 'o2cb' : stack,
    ...(boot !== undefined && boot !== '' ? { bootCluster: boot } : {}),
    heartbeatThreshold: threshold !== undefined && threshold > 2 ? threshold : 31,
    idleTimeoutMs: idleEff,
    keepaliveDelayMs: keepaliveEff,
    reconnectDelayMs: num('O2CB_RECONNECT_DELAY_MS') ?? 2000,
  };
}

/**
 * Builds the model from a CST: what bash's `.` sets (assignments only, recovery lines set
 * nothing, and nothing after the first shell syntax error).
 */
export function compose(cst: O2cbCst): O2cbDefaults {
  const variables = safeRecord<string>();
  for (const a of effectiveAssignments(cst)) variables[a.name.text] = a.value.value;
  return { variables, settings: effectiveSettings(variables) };
}

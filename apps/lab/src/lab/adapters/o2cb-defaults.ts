import { effectiveSettings, emit, parseCst } from '@ftkit/o2cb-defaults';
import type { Located, O2cbFact } from '../check/facts.js';
import type { LabPlan } from '../generate/plan.js';

/**
 * `/etc/default/o2cb` enabling the plan's cluster, written by the package's Debian-form emitter
 * from the spec's values as they are (not through `fromSettings`, which throws on values the
 * kernel refuses: the file is linted before it is written, and lint explains them).
 */
export function emitO2cbDefaults(plan: LabPlan): string | undefined {
  const c = plan.cluster;
  if (!c) return undefined;
  const o = plan.spec.ocfs2;
  const variables = {
    O2CB_ENABLED: 'true',
    O2CB_STACK: 'o2cb',
    O2CB_BOOTCLUSTER: c.name,
    O2CB_HEARTBEAT_THRESHOLD: String(o.heartbeatThreshold),
    O2CB_IDLE_TIMEOUT_MS: String(o.idleTimeoutMs),
    O2CB_KEEPALIVE_DELAY_MS: String(o.keepaliveDelayMs),
    O2CB_RECONNECT_DELAY_MS: String(o.reconnectDelayMs),
  };
  return emit({ variables, settings: effectiveSettings(variables) }, { form: 'debian' });
}

/** The assignments of an o2cb defaults file, with the value spans (the last assignment wins). */
export function o2cbFacts(text: string, file: string): O2cbFact {
  const vars = new Map<string, Located<string>>();
  for (const line of parseCst(text).lines) {
    if (line.type !== 'assignment') continue;
    vars.set(line.name.text, {
      file,
      value: line.value.value,
      span: { start: line.value.start, end: line.value.end },
    });
  }
  return { file, vars };
}

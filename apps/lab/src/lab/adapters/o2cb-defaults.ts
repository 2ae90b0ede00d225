import { emit, parseCst, settingsModel } from '@ftkit/o2cb-defaults/lite';
import type { Located, O2cbFact } from '../check/facts.js';
import type { LabPlan } from '../generate/plan.js';

/**
 * `/etc/default/o2cb` enabling the plan's cluster, written by the package's Debian-form emitter
 * from complete settings (no zod validation at run time; the file is linted before it is written).
 */
export function emitO2cbDefaults(plan: LabPlan): string | undefined {
  const c = plan.cluster;
  if (!c) return undefined;
  const o = plan.spec.ocfs2;
  return emit(
    settingsModel({
      enabled: true,
      stack: 'o2cb',
      bootCluster: c.name,
      heartbeatThreshold: o.heartbeatThreshold,
      idleTimeoutMs: o.idleTimeoutMs,
      keepaliveDelayMs: o.keepaliveDelayMs,
      reconnectDelayMs: o.reconnectDelayMs,
    }),
    { form: 'debian' },
  );
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

import type { MetricFamily } from '@ftkit/proc-drbd';
import { Counter, Gauge, Registry } from 'prom-client';

/** The `Content-Type` of {@link exposition}'s text (Prometheus text format 0.0.4). */
export const expositionContentType: string = Registry.PROMETHEUS_CONTENT_TYPE;

/** A family to expose: what `statusMetrics` of @ftkit/proc-drbd returns, or one of the exporter's own. */
export type ExposedFamily = Pick<MetricFamily, 'name' | 'type' | 'help' | 'labelNames' | 'samples'>;

/**
 * Prometheus text exposition (format 0.0.4) of `families`, written by prom-client's registry:
 * `# HELP` and `# TYPE` per family, label values escaped, families in the order given. A fresh
 * registry per call, so a resource that went away leaves no stale series behind.
 */
export async function exposition(families: readonly ExposedFamily[]): Promise<string> {
  const registry = new Registry();
  for (const f of families) {
    const config = { name: f.name, help: f.help, labelNames: [...f.labelNames], registers: [registry] };
    if (f.type === 'counter') {
      const counter = new Counter(config);
      for (const s of f.samples) counter.inc(s.labels, s.value);
    } else {
      const gauge = new Gauge(config);
      for (const s of f.samples) gauge.set(s.labels, s.value);
    }
  }
  return registry.metrics();
}

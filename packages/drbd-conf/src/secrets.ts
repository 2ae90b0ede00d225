import type { DrbdConfig } from './schema.js';

/** Every `shared-secret` value in the model (for redaction). */
export function collectSecrets(model: DrbdConfig): string[] {
  const out = new Set<string>();
  const scan = (opts: readonly { name: string; value?: string }[] | undefined) => {
    for (const o of opts ?? []) if (o.name === 'shared-secret' && o.value) out.add(o.value);
  };
  for (const s of model.common?.sections ?? []) scan(s.options);
  for (const r of model.resources) {
    for (const s of r.sections) scan(s.options);
    for (const c of r.connections) scan(c.net?.options);
    for (const m of r.meshes) scan(m.net?.options);
  }
  return [...out];
}

import { emit, parseCst } from '@ftkit/fstab';
import type { FstabEntryFact, Located } from '../check/facts.js';
import type { LabPlan } from '../generate/plan.js';

/** The fstab fragment of one node (its DRBD mounts), written by the fstab package's emitter. */
export function emitFstab(plan: LabPlan, node: string): string | undefined {
  const entries = plan.resources
    // A `noauto` entry goes to every host, so a standby can take over with `mount PATH`.
    .filter((r) =>
      r.mount.options.includes('noauto') ? r.hosts.some((h) => h.name === node) : r.mountedOn.includes(node),
    )
    .map((r) => ({
      spec: r.device,
      file: r.mount.path,
      vfstype: r.mount.fsType,
      mntops: r.mount.options.join(','),
      freq: 0,
      passno: 0,
    }));
  return entries.length ? emit({ entries }) : undefined;
}

/** The entries of an fstab file, with the span of every field and option. */
export function fstabFacts(text: string, file: string): FstabEntryFact[] {
  const out: FstabEntryFact[] = [];
  for (const line of parseCst(text).lines) {
    if (line.type !== 'entry' || line.fields.length < 3) continue;
    const [spec, mount, type, ops] = line.fields;
    const at = (f: { start: number; end: number; value: string }): Located<string> => ({
      file,
      value: f.value,
      span: { start: f.start, end: f.end },
    });
    const options: Located<string>[] = [];
    if (ops) {
      let offset = ops.start;
      for (const part of ops.raw.split(',')) {
        options.push({ file, value: part, span: { start: offset, end: offset + part.length } });
        offset += part.length + 1;
      }
    }
    out.push({
      file,
      span: { start: line.start, end: line.end },
      spec: at(spec!),
      mountPoint: at(mount!),
      fsType: at(type!),
      options,
    });
  }
  return out;
}

import { emitDrbdResource } from './adapters/drbd-conf.js';
import { emitFstab } from './adapters/fstab.js';
import { emitO2cbDefaults } from './adapters/o2cb-defaults.js';
import { emitClusterConf } from './adapters/ocfs2-cluster-conf.js';
import { emitAuthorizedKeys } from './authorized-keys.js';
import { type LabPlan, type PlanOptions, planLab } from './plan.js';
import { emitRunbook } from './runbook.js';
import type { LabSpec } from './spec.js';
import { emitUnit } from './systemd-unit.js';
import { backupUnits } from './units.js';

/** One file of a generated lab tree. */
export interface GeneratedFile {
  /** POSIX path relative to the output directory, e.g. `vm1/etc/drbd.d/r0.res`. */
  readonly path: string;
  readonly text: string;
  /** File mode (octal), e.g. `0o600` for authorized_keys. */
  readonly mode: number;
}

/** What {@link generateLab} produces. */
export interface GeneratedLab {
  readonly plan: LabPlan;
  /** Every file, sorted by path. */
  readonly files: readonly GeneratedFile[];
  /** Files the lab needs but could not write because their format package has no emitter yet. */
  readonly pending: readonly { path: string; package: string }[];
}

/** Options of {@link generateLab}. */
export interface GenerateOptions extends PlanOptions {
  /** The output directory name shown in RUNBOOK.md commands; default `lab-out`. */
  readonly outDir?: string;
}

/** Emitters of the format packages, by file kind; the lab never writes these files by template. */
export interface FormatEmitters {
  readonly drbdResource?: (plan: LabPlan, resource: string) => string;
  readonly fstab?: (plan: LabPlan, node: string) => string | undefined;
  readonly clusterConf?: (plan: LabPlan) => string | undefined;
  readonly o2cbDefaults?: (plan: LabPlan) => string | undefined;
}

/** The emitters of the format packages installed with this version of the lab. */
export const formatEmitters: FormatEmitters = {
  drbdResource: emitDrbdResource,
  fstab: emitFstab,
  clusterConf: emitClusterConf,
  o2cbDefaults: emitO2cbDefaults,
};

/**
 * Generates the lab: one tree per node plus RUNBOOK.md. Pure and deterministic (no clock, no
 * randomness, sorted output); writing is {@link writeLab}'s job.
 */
export function generateLab(
  spec: LabSpec,
  options: GenerateOptions = {},
  emitters: FormatEmitters = formatEmitters,
): GeneratedLab {
  const plan = planLab(spec, options);
  const files: GeneratedFile[] = [];
  const pending: { path: string; package: string }[] = [];
  const add = (path: string, text: string, mode = 0o644) => files.push({ path, text, mode });
  for (const node of plan.nodes) {
    const root = node.name;
    add(`${root}/etc/hostname`, `${node.name}\n`);
    for (const r of plan.resources.filter((x) => x.hosts.some((h) => h.name === node.name))) {
      const path = `${root}/etc/drbd.d/${r.name}.res`;
      if (emitters.drbdResource) add(path, emitters.drbdResource(plan, r.name));
      else pending.push({ path, package: '@ftkit/drbd-conf' });
    }
    if (plan.resources.some((r) => r.mountedOn.includes(node.name))) {
      const path = `${root}/etc/fstab.d/ftkit-lab.fstab`;
      const text = emitters.fstab?.(plan, node.name);
      if (text !== undefined) add(path, text);
      else if (!emitters.fstab) pending.push({ path, package: '@ftkit/fstab' });
    }
    if (plan.cluster?.nodes.some((n) => n.name === node.name)) {
      const cc = emitters.clusterConf?.(plan);
      if (cc !== undefined) add(`${root}/etc/ocfs2/cluster.conf`, cc);
      else pending.push({ path: `${root}/etc/ocfs2/cluster.conf`, package: '@ftkit/ocfs2-cluster-conf' });
      const o2 = emitters.o2cbDefaults?.(plan);
      if (o2 !== undefined) add(`${root}/etc/default/o2cb`, o2);
      else pending.push({ path: `${root}/etc/default/o2cb`, package: '@ftkit/o2cb-defaults' });
    }
    const b = plan.backup;
    if (b && b.server === node.name) {
      add(
        `${root}${b.home}/.ssh/authorized_keys`,
        emitAuthorizedKeys(
          b.clients.map(({ client }) => ({
            options: [['command', `borg serve --restrict-to-path ${b.repositoryPath}`], ['restrict']],
            publicKey: client.publicKey,
          })),
        ),
        0o600,
      );
    }
    for (const c of b?.clients ?? []) {
      if (c.client.node !== node.name) continue;
      for (const [name, unit] of backupUnits(spec, c.client, c.commands))
        add(`${root}/etc/systemd/system/${name}`, emitUnit(unit));
    }
  }
  add('RUNBOOK.md', emitRunbook(plan, options.outDir ?? 'lab-out'));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { plan, files, pending };
}

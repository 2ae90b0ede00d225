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
}

/** Options of {@link generateLab}. */
export interface GenerateOptions extends PlanOptions {
  /** The output directory name shown in RUNBOOK.md commands; default `lab-out`. */
  readonly outDir?: string;
}

/**
 * Generates the lab: one tree per node plus RUNBOOK.md. Pure and deterministic (no clock, no
 * randomness, sorted output); writing is {@link writeLab}'s job.
 */
export function generateLab(spec: LabSpec, options: GenerateOptions = {}): GeneratedLab {
  const plan = planLab(spec, options);
  const files: GeneratedFile[] = [];
  const add = (path: string, text: string, mode = 0o644) => files.push({ path, text, mode });
  for (const node of plan.nodes) {
    const root = node.name;
    add(`${root}/etc/hostname`, `${node.name}\n`);
    for (const r of plan.resources.filter((x) => x.hosts.some((h) => h.name === node.name))) {
      add(`${root}/etc/drbd.d/${r.name}.res`, emitDrbdResource(plan, r.name));
    }
    const fstab = emitFstab(plan, node.name);
    if (fstab !== undefined) add(`${root}/etc/fstab.d/ftkit-lab.fstab`, fstab);
    if (plan.cluster?.nodes.some((n) => n.name === node.name)) {
      const cc = emitClusterConf(plan);
      if (cc !== undefined) add(`${root}/etc/ocfs2/cluster.conf`, cc);
      const o2 = emitO2cbDefaults(plan);
      if (o2 !== undefined) add(`${root}/etc/default/o2cb`, o2);
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
  return { plan, files };
}

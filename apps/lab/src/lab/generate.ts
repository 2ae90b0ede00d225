import { emitDrbdResource } from './adapters/drbd-conf.js';
import { emitFstab } from './adapters/fstab.js';
import { emitO2cbDefaults } from './adapters/o2cb-defaults.js';
import { emitClusterConf } from './adapters/ocfs2-cluster-conf.js';
import { emitAuthorizedKeys } from './authorized-keys.js';
import { emitCorosyncConf, emitPacemaker } from './pacemaker.js';
import { type LabPlan, type PlanMode, type PlanOptions, planLab } from './plan.js';
import { emitRunbook, type RunbookPhase } from './runbook.js';
import type { LabMode, LabSpec } from './spec.js';
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
  /** The plan of the last phase (the only one outside `single-then-dual-primary`). */
  readonly plan: LabPlan;
  /** Every phase: its directory under the output (`''` for a one-phase lab) and its plan. */
  readonly phases: readonly { readonly dir: string; readonly plan: LabPlan }[];
  /** Every file, sorted by path. */
  readonly files: readonly GeneratedFile[];
}

/** Options of {@link generateLab}. */
export interface GenerateOptions extends Omit<PlanOptions, 'mode'> {
  /** Overrides the spec's mode. */
  readonly mode?: LabMode;
  /** The output directory name shown in RUNBOOK.md commands; default `lab-out`. */
  readonly outDir?: string;
}

/** The settings file of a generated lab: what `lab check DIR` reads the trees with. */
export const LAB_SETTINGS_FILE = 'ftkit-lab.json';

/** The directory of each phase of the two-phase mode. */
export const PHASE_DIRS: Readonly<Record<PlanMode, string>> = {
  'single-primary': 'phase-1-single-primary',
  'dual-primary': 'phase-2-dual-primary',
};

/** The files of one node tree set (every node) for one plan, paths relative to `prefix`. */
function nodeFiles(plan: LabPlan, prefix: string, add: (path: string, text: string, mode?: number) => void) {
  const spec = plan.spec;
  for (const node of plan.nodes) {
    const root = `${prefix}${node.name}`;
    add(`${root}/etc/hostname`, `${node.name}\n`);
    for (const r of plan.resources.filter((x) => x.hosts.some((h) => h.name === node.name))) {
      // A file holding the shared secret is readable by root only.
      add(`${root}/etc/drbd.d/${r.name}.res`, emitDrbdResource(plan, r.name), r.sharedSecret ? 0o600 : 0o644);
    }
    const fstab = emitFstab(plan, node.name);
    if (fstab !== undefined) add(`${root}/etc/fstab.d/ftkit-lab.fstab`, fstab);
    if (plan.cluster?.nodes.some((n) => n.name === node.name)) {
      const cc = emitClusterConf(plan);
      if (cc !== undefined) add(`${root}/etc/ocfs2/cluster.conf`, cc);
      const o2 = emitO2cbDefaults(plan);
      if (o2 !== undefined) add(`${root}/etc/default/o2cb`, o2);
    }
    if (plan.fencing === 'pacemaker' && plan.mode === 'dual-primary')
      add(`${root}/etc/corosync/corosync.conf`, emitCorosyncConf(plan));
    const b = plan.backup;
    if (b && b.server === node.name) {
      add(
        `${root}${b.home}/.ssh/authorized_keys`,
        emitAuthorizedKeys(
          b.clients.map(({ client, repositoryPath }) => ({
            options: [['command', `borg serve --restrict-to-path ${repositoryPath}`], ['restrict']],
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
  if (plan.fencing === 'pacemaker' && plan.mode === 'dual-primary') {
    add(`${prefix}pacemaker-cib.xml`, emitPacemaker(plan));
  }
}

/**
 * Generates the lab: one tree per node plus RUNBOOK.md and the settings file. The two-phase mode
 * (`single-then-dual-primary`, the original lab) writes a complete set of trees per phase, under
 * `phase-1-single-primary/` and `phase-2-dual-primary/`. Pure and deterministic (no clock, no
 * randomness, sorted output): secrets come in through `options.secrets`; writing is
 * {@link writeLab}'s job.
 */
export function generateLab(spec: LabSpec, options: GenerateOptions = {}): GeneratedLab {
  const mode = options.mode ?? spec.mode;
  const { outDir, mode: _mode, ...planOptions } = options;
  const modes: PlanMode[] = mode === 'single-then-dual-primary' ? ['single-primary', 'dual-primary'] : [mode];
  const files: GeneratedFile[] = [];
  const add = (path: string, text: string, fileMode = 0o644) => files.push({ path, text, mode: fileMode });
  const phases = modes.map((m) => {
    const plan = planLab(spec, { ...planOptions, mode: m });
    const dir = modes.length > 1 ? PHASE_DIRS[m] : '';
    nodeFiles(plan, dir ? `${dir}/` : '', add);
    return { dir, plan };
  });
  const last = phases[phases.length - 1]!.plan;
  add(
    'RUNBOOK.md',
    emitRunbook(
      phases.map((p): RunbookPhase => ({ dir: p.dir, plan: p.plan })),
      outDir ?? 'lab-out',
      files,
    ),
  );
  add(
    LAB_SETTINGS_FILE,
    `${JSON.stringify(
      {
        platform: last.platform,
        drbdVersion: last.drbdVersion,
        borgVersion: last.borgSeries,
        phases: phases.map((p) => p.dir).filter(Boolean),
      },
      null,
      2,
    )}\n`,
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { plan: last, phases, files };
}

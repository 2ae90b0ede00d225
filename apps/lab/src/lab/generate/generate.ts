import { emitDrbdResource } from '../adapters/drbd-conf.js';
import { emitFstab } from '../adapters/fstab.js';
import { emitO2cbDefaults } from '../adapters/o2cb-defaults.js';
import { emitClusterConf } from '../adapters/ocfs2-cluster-conf.js';
import { emitAuthorizedKeys } from '../authorized-keys.js';
import type { LabMode, LabSpec } from '../spec/spec.js';
import { emitUnit } from '../systemd-unit.js';
import type { LabFile, LabPhase, LabTree, NodeTree, TreeFile } from '../tree.js';
import { emitCorosyncConf, emitPacemaker } from './pacemaker.js';
import { type LabPlan, type PlanMode, type PlanOptions, planLab } from './plan.js';
import { emitRunbook, type RunbookPhase } from './runbook.js';
import { backupUnits, exporterUnit } from './units.js';

/** What {@link generateLab} produces: the lab tree, with the plan of each phase. */
export interface GeneratedLab extends LabTree {
  /** The plan of the last phase (the only one outside `single-then-dual-primary`). */
  readonly plan: LabPlan;
  /** Every phase: its directory under the output (`''` for a one-phase lab), trees and plan. */
  readonly phases: readonly (LabPhase & { readonly plan: LabPlan })[];
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

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One phase of the lab for one plan: every node's tree, paths under `dir`. */
function phaseTree(plan: LabPlan, dir: string): LabPhase & { plan: LabPlan } {
  const spec = plan.spec;
  const prefix = dir ? `${dir}/` : '';
  const nodes: NodeTree[] = [];
  for (const node of plan.nodes) {
    const files: TreeFile[] = [];
    const add = (rel: string, text: string, mode = 0o644) =>
      files.push({ rel, path: `${prefix}${node.name}/${rel}`, text, mode });
    add('etc/hostname', `${node.name}\n`);
    for (const r of plan.resources.filter((x) => x.hosts.some((h) => h.name === node.name))) {
      // A file holding the shared secret is readable by root only.
      add(`etc/drbd.d/${r.name}.res`, emitDrbdResource(plan, r.name), r.sharedSecret ? 0o600 : 0o644);
    }
    if (plan.resources.some((x) => x.hosts.some((h) => h.name === node.name)))
      add('etc/systemd/system/ftkit-exporter.service', emitUnit(exporterUnit(plan.drbdVersion)));
    const fstab = emitFstab(plan, node.name);
    if (fstab !== undefined) add('etc/fstab.d/ftkit-lab.fstab', fstab);
    if (plan.cluster?.nodes.some((n) => n.name === node.name)) {
      const cc = emitClusterConf(plan);
      if (cc !== undefined) add('etc/ocfs2/cluster.conf', cc);
      const o2 = emitO2cbDefaults(plan);
      if (o2 !== undefined) add('etc/default/o2cb', o2);
    }
    if (plan.fencing === 'pacemaker' && plan.mode === 'dual-primary')
      add('etc/corosync/corosync.conf', emitCorosyncConf(plan));
    const b = plan.backup;
    if (b && b.server === node.name) {
      add(
        `${b.home.replace(/^\/+/, '')}/.ssh/authorized_keys`,
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
        add(`etc/systemd/system/${name}`, emitUnit(unit));
    }
    nodes.push({ node: node.name, files: files.sort(byPath) });
  }
  const files: LabFile[] = [];
  if (plan.fencing === 'pacemaker' && plan.mode === 'dual-primary')
    files.push({ path: `${prefix}pacemaker-cib.xml`, text: emitPacemaker(plan), mode: 0o644 });
  // Sorted like the directory listings `readLabArgs` reads, so both check in the same order.
  return { dir, nodes: nodes.sort((a, b) => byPath({ path: a.node }, { path: b.node })), files, plan };
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
  const phases = modes.map((m) =>
    phaseTree(planLab(spec, { ...planOptions, mode: m }), modes.length > 1 ? PHASE_DIRS[m] : ''),
  );
  const last = phases[phases.length - 1]!.plan;
  const runbook = emitRunbook(
    phases.map((p): RunbookPhase => ({ dir: p.dir, plan: p.plan, nodes: p.nodes })),
    outDir ?? 'lab-out',
  );
  const settings = {
    platform: last.platform,
    drbdVersion: last.drbdVersion,
    borgVersion: last.borgSeries,
    phases: phases.map((p) => p.dir).filter(Boolean),
  };
  const files: LabFile[] = [
    { path: 'RUNBOOK.md', text: runbook, mode: 0o644 },
    { path: LAB_SETTINGS_FILE, text: `${JSON.stringify(settings, null, 2)}\n`, mode: 0o644 },
  ];
  return { plan: last, phases, files: files.sort(byPath) };
}

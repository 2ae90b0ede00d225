/** One file of a lab tree outside the node trees (RUNBOOK.md, the settings file, pacemaker-cib.xml). */
export interface LabFile {
  /**
   * Where the file is, POSIX: for a generated lab, relative to the output directory (for example
   * `phase-1-single-primary/vm1/etc/drbd.d/r0.res`); for a lab read from disk, the name used in
   * reports (relative to the working directory). `writeLab` writes it there.
   */
  readonly path: string;
  readonly text: string;
  /** File mode (octal) a generated file is written with; default `0o644`. */
  readonly mode?: number;
}

/** One file of a node's tree. */
export interface TreeFile extends LabFile {
  /** Path relative to the node's `/` (POSIX), e.g. `etc/drbd.d/r0.res`. */
  readonly rel: string;
}

/** One node's files. */
export interface NodeTree {
  readonly node: string;
  readonly files: readonly TreeFile[];
}

/** One phase of a lab: the node trees as they are on the machines at once, plus its own files. */
export interface LabPhase {
  /** The phase's directory under the lab's root (`''` for a one-phase lab). */
  readonly dir: string;
  readonly nodes: readonly NodeTree[];
  /** Files of the phase outside the node trees (`pacemaker-cib.xml`, a phase's own RUNBOOK.md). */
  readonly files: readonly LabFile[];
}

/**
 * A lab: what `generateLab` returns, `writeLab` writes, `readLabArgs` reads and `checkLab`
 * checks. Each phase is checked as the lab it is on the machines (the two-phase
 * lab's second phase replaces the first's files).
 */
export interface LabTree {
  /** Every phase, in order: one for a one-phase lab or a lab read from disk. */
  readonly phases: readonly LabPhase[];
  /** Files at the lab's root: RUNBOOK.md and the settings file. */
  readonly files: readonly LabFile[];
}

/** Every file of a lab tree, sorted by path (the order `writeLab` writes them in). */
export function labFiles(tree: LabTree): LabFile[] {
  const all: LabFile[] = [...tree.files];
  for (const phase of tree.phases) {
    all.push(...phase.files);
    for (const node of phase.nodes) all.push(...node.files);
  }
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

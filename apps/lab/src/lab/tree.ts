import picomatch from 'picomatch';
import { drbdFacts } from './adapters/drbd-conf.js';
import { fstabFacts } from './adapters/fstab.js';
import { o2cbFacts } from './adapters/o2cb-defaults.js';
import { clusterConfFacts } from './adapters/ocfs2-cluster-conf.js';
import { parseAuthorizedKeys } from './authorized-keys.js';
import type {
  AuthorizedKeyFact,
  BorgCommandFact,
  ClusterFact,
  DrbdResourceFact,
  FstabEntryFact,
  LabFacts,
  Located,
  NodeFacts,
  O2cbFact,
  RunbookFact,
  UnitFact,
} from './facts.js';
import { labFormats } from './formats.js';
import { parseUnit, splitExecLine } from './systemd-unit.js';

/** The names of the format descriptors whose files the lab writes and reads ({@link labFormats}). */
export type LabFormatName = 'drbd-conf' | 'ocfs2-cluster-conf' | 'o2cb-defaults' | 'fstab';

/**
 * The kinds of file a lab tree holds: a lab format (named by its descriptor) or one of the lab's
 * own kinds.
 */
export type LabFileKind = LabFormatName | 'hostname' | 'authorized-keys' | 'systemd-unit';

const formatMatchers = labFormats.map((f) => ({
  name: f.name as LabFormatName,
  is: picomatch(f.filePatterns as string[], { dot: true }),
}));

/**
 * Which kind a path (relative to a node's `/`, POSIX separators) is, if the lab reads it. The
 * formats' kinds come from their descriptors' file patterns, under `etc/` only: `/usr` and `/lib`
 * hold packaged files that share those names (drbd-utils' `tmpfiles.d/drbd.conf`).
 */
export function labFileKind(rel: string): LabFileKind | undefined {
  if (rel === 'etc/hostname') return 'hostname';
  if (/^(home\/[^/]+|root)\/\.ssh\/authorized_keys$/.test(rel)) return 'authorized-keys';
  if (/^(etc|usr\/lib|lib)\/systemd\/system\/[^/]+\.(service|timer)$/.test(rel)) return 'systemd-unit';
  if (!rel.startsWith('etc/')) return undefined;
  return formatMatchers.find((m) => m.is(`/${rel}`))?.name;
}

/** One file of a lab tree outside the node trees (RUNBOOK.md, the settings file, pacemaker-cib.xml). */
export interface LabFile {
  /**
   * Where the file is, POSIX: for a generated lab, relative to the output directory (for example
   * `phase-1-single-primary/vm1/etc/drbd.d/r0.res`); for a lab read from disk, the name used in
   * reports (relative to the working directory). {@link writeLab} writes it there.
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
 * A lab: what {@link generateLab} returns, {@link writeLab} writes, {@link readLabArgs} reads and
 * {@link checkLab} checks. Each phase is checked as the lab it is on the machines (the two-phase
 * lab's second phase replaces the first's files).
 */
export interface LabTree {
  /** Every phase, in order: one for a one-phase lab or a lab read from disk. */
  readonly phases: readonly LabPhase[];
  /** Files at the lab's root: RUNBOOK.md and the settings file. */
  readonly files: readonly LabFile[];
}

/** Every file of a lab tree, sorted by path (the order {@link writeLab} writes them in). */
export function labFiles(tree: LabTree): LabFile[] {
  const all: LabFile[] = [...tree.files];
  for (const phase of tree.phases) {
    all.push(...phase.files);
    for (const node of phase.nodes) all.push(...node.files);
  }
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Readers of the format packages' files into facts; a missing reader means that package is not wired yet. */
export interface FactReaders {
  readonly drbd?: (text: string, file: string, drbdVersion?: '9' | '8.4') => DrbdResourceFact[];
  readonly fstab?: (text: string, file: string) => FstabEntryFact[];
  readonly clusterConf?: (text: string, file: string) => ClusterFact[];
  readonly o2cb?: (text: string, file: string) => O2cbFact;
}

/** The readers of the format packages installed with this version of the lab. */
export const factReaders: FactReaders = {
  drbd: drbdFacts,
  fstab: fstabFacts,
  clusterConf: clusterConfFacts,
  o2cb: o2cbFacts,
};

function borgFacts(unit: UnitFact): BorgCommandFact[] {
  const out: BorgCommandFact[] = [];
  const service = unit.sections.get('Service');
  if (!service) return out;
  let envRepo: Located<string> | undefined;
  for (const env of service.get('Environment') ?? []) {
    for (const word of splitExecLine(env.value)) {
      if (word.startsWith('BORG_REPO=')) envRepo = { ...env, value: word.slice('BORG_REPO='.length) };
    }
  }
  for (const exec of service.get('ExecStart') ?? []) {
    const argv = splitExecLine(exec.value);
    if (!/(^|\/)borg(1|2)?$/.test(argv[0] ?? '')) continue;
    const command = argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
    const sub = argv.slice(argv.indexOf(command) + 1);
    // The first word that looks like a repository (URL, `::`, or absolute path after options).
    let repository: Located<string> | undefined;
    const repoWord = sub.find(
      (w) => /^ssh:\/\//.test(w) || w.includes('::') || /^[^-\s][^\s]*@[^:\s]+:/.test(w),
    );
    if (repoWord !== undefined) {
      const i = exec.value.indexOf(repoWord);
      repository =
        i >= 0
          ? {
              file: exec.file,
              value: repoWord,
              span: { start: exec.span.start + i, end: exec.span.start + i + repoWord.length },
            }
          : { ...exec, value: repoWord };
    } else if (envRepo) repository = envRepo;
    out.push({ unit, at: exec, argv, command, ...(repository ? { repository } : {}) });
  }
  return out;
}

/** Facts about one node's tree (files of formats without a reader contribute nothing). */
export function nodeFacts(
  tree: NodeTree,
  readers: FactReaders = factReaders,
  drbdVersion: '9' | '8.4' = '9',
): NodeFacts {
  let hostname: Located<string> | undefined;
  const drbd: DrbdResourceFact[] = [];
  const clusters: ClusterFact[] = [];
  let o2cb: O2cbFact | undefined;
  const fstab: FstabEntryFact[] = [];
  const authorizedKeys: AuthorizedKeyFact[] = [];
  const units: UnitFact[] = [];
  for (const f of tree.files) {
    switch (labFileKind(f.rel)) {
      case 'hostname': {
        const m = /^\s*(\S+)/.exec(f.text);
        if (m) {
          const start = m.index + m[0].length - m[1]!.length;
          hostname = { file: f.path, value: m[1]!, span: { start, end: start + m[1]!.length } };
        }
        break;
      }
      case 'drbd-conf':
        drbd.push(...(readers.drbd?.(f.text, f.path, drbdVersion) ?? []));
        break;
      case 'ocfs2-cluster-conf':
        clusters.push(...(readers.clusterConf?.(f.text, f.path) ?? []));
        break;
      case 'o2cb-defaults':
        o2cb = readers.o2cb?.(f.text, f.path) ?? o2cb;
        break;
      case 'fstab':
        fstab.push(...(readers.fstab?.(f.text, f.path) ?? []));
        break;
      case 'authorized-keys': {
        const user = f.rel.startsWith('root/') ? 'root' : f.rel.split('/')[1]!;
        authorizedKeys.push(...parseAuthorizedKeys(f.text, f.path, user).keys);
        break;
      }
      case 'systemd-unit':
        units.push(parseUnit(f.text, f.path, f.rel.slice(f.rel.lastIndexOf('/') + 1)).unit);
        break;
      default:
        break;
    }
  }
  return {
    node: tree.node,
    ...(hostname ? { hostname } : {}),
    drbd,
    clusters,
    ...(o2cb ? { o2cb } : {}),
    fstab,
    authorizedKeys,
    units,
    borgCommands: units.flatMap(borgFacts),
  };
}

/** The `mkfs.ocfs2 -N SLOTS … DEVICE` lines of a runbook. */
export function runbookFacts(text: string, file: string): RunbookFact {
  const mkfs: RunbookFact['mkfs'][number][] = [];
  for (const m of text.matchAll(/^mkfs\.ocfs2\b([^\n]*)$/gm)) {
    const line = m[0];
    const n = /\s-N\s+(\d+)/.exec(line);
    const dev = /\s(\/dev\/\S+)\s*$/.exec(line);
    if (!n || !dev) continue;
    const nStart = m.index + n.index + n[0].length - n[1]!.length;
    const dStart = m.index + dev.index + dev[0].trimEnd().length - dev[1]!.length;
    mkfs.push({
      slots: { file, value: Number(n[1]), span: { start: nStart, end: nStart + n[1]!.length } },
      device: { file, value: dev[1]!, span: { start: dStart, end: dStart + dev[1]!.length } },
    });
  }
  return { file, mkfs };
}

/** Facts of a whole lab: every node's tree, plus RUNBOOK.md when there is one. */
export function labFacts(
  trees: readonly NodeTree[],
  runbook?: LabFile,
  readers: FactReaders = factReaders,
  drbdVersion: '9' | '8.4' = '9',
): LabFacts {
  const texts = new Map<string, string>();
  for (const t of trees) for (const f of t.files) texts.set(f.path, f.text);
  if (runbook) texts.set(runbook.path, runbook.text);
  return {
    nodes: trees.map((t) => nodeFacts(t, readers, drbdVersion)),
    ...(runbook ? { runbook: runbookFacts(runbook.text, runbook.path) } : {}),
    texts,
  };
}

import { drbdFacts } from '../adapters/drbd-conf.js';
import { fstabFacts } from '../adapters/fstab.js';
import { o2cbFacts } from '../adapters/o2cb-defaults.js';
import { clusterConfFacts } from '../adapters/ocfs2-cluster-conf.js';
import { parseAuthorizedKeys } from '../authorized-keys.js';
import { parseUnit, splitExecLine } from '../systemd-unit.js';
import type { LabFile, NodeTree } from '../tree.js';
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
import { labFileKind } from './file-kind.js';

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
    // `ftkit borg run [options] -- borg …` (optionally through `/usr/bin/env`) runs the borg after `--`.
    const words = splitExecLine(exec.value);
    const ftkitAt = words.findIndex((w) => /(^|\/)ftkit$/.test(w));
    const argv =
      ftkitAt >= 0 && words[ftkitAt + 1] === 'borg' && words[ftkitAt + 2] === 'run' && words.includes('--')
        ? words.slice(words.indexOf('--') + 1)
        : words;
    if (!/(^|\/)borg(1|2)?$/.test(argv[0] ?? '')) continue;
    const command = argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
    const sub = argv.slice(argv.indexOf(command) + 1);
    // The first word that looks like a repository (URL, `::`, or absolute path after options).
    let repository: Located<string> | undefined;
    const repoWord = sub.find(
      (w) => /^ssh:\/\//.test(w) || w.includes('::') || /^[^-\s][^\s]*@[^:\s]+:/.test(w),
    );
    if (repoWord !== undefined) {
      // Past `--` of `ftkit borg run`, whose own `--repository` label holds the same URL.
      const i = exec.value.indexOf(repoWord, argv === words ? 0 : Math.max(0, exec.value.indexOf(' -- ')));
      repository =
        i >= 0
          ? {
              file: exec.file,
              value: repoWord,
              span: { start: exec.span.start + i, end: exec.span.start + i + repoWord.length },
            }
          : { ...exec, value: repoWord };
    } else if (envRepo) repository = envRepo;
    // Through `ftkit borg run`, findings point at the borg command after `--`.
    const dash = argv === words ? -1 : exec.value.indexOf(' -- ');
    const at =
      dash < 0
        ? exec
        : {
            file: exec.file,
            value: exec.value.slice(dash + 4),
            span: { start: exec.span.start + dash + 4, end: exec.span.end },
          };
    out.push({ unit, at, argv, command, ...(repository ? { repository } : {}) });
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

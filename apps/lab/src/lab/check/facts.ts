import type { Span } from '@ftkit/core';

/** A place in one file of a lab tree: the file as named in reports, and 0-based offsets. */
export interface Loc {
  /** Path of the file relative to the tree root, e.g. `vm1/etc/drbd.d/r0.res`. */
  readonly file: string;
  /** Offsets into that file's text (0-based, end exclusive). */
  readonly span: Span;
}

/** A value read from a file, with where it was written. */
export interface Located<T> extends Loc {
  readonly value: T;
}

/** One `on NAME { … }` host section of a DRBD resource. */
export interface DrbdHostFact {
  readonly name: Located<string>;
  /** The IP text of `address`, without family or port. */
  readonly address?: Located<string>;
  readonly port?: Located<number>;
  readonly nodeId?: Located<number>;
  /** Backing disk (`disk`), after inheritance from the resource level. */
  readonly disk?: Located<string>;
  /** DRBD device (`device`), after inheritance from the resource level. */
  readonly device?: Located<string>;
}

/** A DRBD resource as the cross-file rules see it. */
export interface DrbdResourceFact {
  readonly file: string;
  readonly name: Located<string>;
  /** `protocol` (net section or legacy resource level), upper case. */
  readonly protocol?: Located<string>;
  readonly allowTwoPrimaries?: Located<boolean>;
  readonly fencing?: Located<string>;
  readonly fencePeer?: Located<string>;
  readonly hosts: readonly DrbdHostFact[];
  /** A canonical text of the resource, equal on two nodes exactly when the configs agree. */
  readonly canonical: string;
}

/** An OCFS2 node stanza. */
export interface ClusterNodeFact {
  readonly name: Located<string>;
  readonly number?: Located<number>;
  readonly ip?: Located<string>;
  readonly port?: Located<number>;
}

/** One cluster of `/etc/ocfs2/cluster.conf` with its nodes. */
export interface ClusterFact {
  readonly file: string;
  readonly name: Located<string>;
  readonly heartbeatMode?: Located<string>;
  readonly nodeCount?: Located<number>;
  readonly nodes: readonly ClusterNodeFact[];
  /** A canonical text of the whole file, equal on two nodes exactly when the files agree. */
  readonly canonical: string;
}

/** `/etc/default/o2cb` assignments the rules read. */
export interface O2cbFact {
  readonly file: string;
  readonly vars: ReadonlyMap<string, Located<string>>;
}

/** One fstab entry. */
export interface FstabEntryFact {
  readonly file: string;
  /** The whole line. */
  readonly span: Span;
  readonly spec: Located<string>;
  readonly mountPoint: Located<string>;
  readonly fsType: Located<string>;
  readonly options: readonly Located<string>[];
}

/** One `authorized_keys` line. */
export interface AuthorizedKeyFact {
  readonly file: string;
  /** The Unix user whose file it is (from the path `home/USER/.ssh/authorized_keys`). */
  readonly user: string;
  readonly span: Span;
  /** Options before the key type (`command="…"`, `restrict`, …) by name. */
  readonly options: ReadonlyMap<string, Located<string | true>>;
  readonly keyType: Located<string>;
  readonly key: Located<string>;
  readonly comment?: Located<string>;
}

/** A systemd unit file. */
export interface UnitFact {
  readonly file: string;
  /** File name, e.g. `borg-backup.service`. */
  readonly name: string;
  /** Section → key → values in file order (a key may repeat, e.g. `ExecStart=`). */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, readonly Located<string>[]>>;
}

/** A `borg` command found in a unit's `ExecStart=`, split into words. */
export interface BorgCommandFact {
  readonly unit: UnitFact;
  readonly at: Located<string>;
  readonly argv: readonly string[];
  /** The borg sub-command (`create`, `prune`, `check`, `compact`, …). */
  readonly command: string;
  /** Repository from the argv or `BORG_REPO=` in the unit's environment. */
  readonly repository?: Located<string>;
}

/** Facts about one machine's tree. */
export interface NodeFacts {
  /** The node's name as the user gave it (`vm1=DIR`) or the tree's directory name. */
  readonly node: string;
  readonly hostname?: Located<string>;
  readonly drbd: readonly DrbdResourceFact[];
  readonly clusters: readonly ClusterFact[];
  readonly o2cb?: O2cbFact;
  readonly fstab: readonly FstabEntryFact[];
  readonly authorizedKeys: readonly AuthorizedKeyFact[];
  readonly units: readonly UnitFact[];
  readonly borgCommands: readonly BorgCommandFact[];
}

/** What `mkfs.ocfs2` in RUNBOOK.md asks for. */
export interface RunbookFact {
  readonly file: string;
  readonly mkfs: readonly { device: Located<string>; slots: Located<number> }[];
}

/** Everything the cross-file rules look at: one entry per node, plus the texts for positions. */
export interface LabFacts {
  readonly nodes: readonly NodeFacts[];
  readonly runbook?: RunbookFact;
  /** File texts by name, for positions and code frames. */
  readonly texts: ReadonlyMap<string, string>;
  /** The borg series the lab's units run with (`1.1` has no `compact`); absent means 1.2. */
  readonly borgVersion?: '1.1' | '1.2';
}

import { borgSeries, type DrbdPackages, type Platform, resolveDrbd } from '../spec/platform.js';
import type { LabBackupClient, LabNode, LabSpec } from '../spec/spec.js';
import { type BorgCommands, borgCommands, repositoryPath, repositoryUrl } from './borg-commands.js';

/** The mode of one set of files: the two-phase mode is planned once per phase. */
export type PlanMode = 'single-primary' | 'dual-primary';

/** DRBD syntax the resource files target. */
export type DrbdVersion = '9' | '8.4';

/** One host of a planned DRBD resource. */
export interface PlannedHost {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** Only with more than two hosts (DRBD 9 mesh); two hosts get ids from drbdadm. */
  readonly nodeId?: number;
}

/** A DRBD resource with every decision made (mode policies included). */
export interface PlannedResource {
  readonly name: string;
  readonly device: string;
  readonly minor: number;
  readonly disk: string;
  readonly metaDisk: string;
  readonly protocol: 'A' | 'B' | 'C';
  readonly verifyAlg: string;
  readonly hosts: readonly PlannedHost[];
  /** Dual-primary policies (allow-two-primaries, split-brain recovery, fencing, handlers). */
  readonly dualPrimary: boolean;
  /** Whether the hosts form a DRBD 9 connection mesh (more than two hosts). */
  readonly mesh: boolean;
  readonly resyncRate?: string;
  readonly wfcTimeout?: number;
  readonly degrWfcTimeout?: number;
  /** `cram-hmac-alg sha1` + this `shared-secret` (generated; never printed). */
  readonly sharedSecret?: string;
  readonly mount: {
    readonly path: string;
    readonly fsType: 'ext4' | 'xfs' | 'ocfs2';
    readonly options: readonly string[];
  };
  /** Nodes whose fstab mounts the device. */
  readonly mountedOn: readonly string[];
}

/** Everything the generator writes, decided once from the spec. */
export interface LabPlan {
  readonly spec: LabSpec;
  readonly mode: PlanMode;
  readonly platform: Platform;
  readonly drbdPackages: DrbdPackages;
  readonly drbdVersion: DrbdVersion;
  /** `pacemaker`: crm-fence-peer handlers and a Pacemaker configuration; `none`: no cluster manager. */
  readonly fencing: 'none' | 'pacemaker';
  /** The platform's borg series: 1.1 has no `compact`. */
  readonly borgSeries: '1.1' | '1.2';
  readonly primary: string;
  readonly nodes: readonly LabNode[];
  readonly resources: readonly PlannedResource[];
  /** The OCFS2 cluster, only when some resource carries OCFS2. */
  readonly cluster?: {
    readonly name: string;
    readonly port: number;
    readonly slots: number;
    readonly nodes: readonly { name: string; number: number; address: string }[];
  };
  readonly backup?: {
    readonly server: string;
    readonly user: string;
    readonly home: string;
    readonly repositoryPath: string;
    readonly clients: readonly {
      client: LabBackupClient;
      url: string;
      /** Absolute path of this client's repository on the server. */
      repositoryPath: string;
      commands: BorgCommands;
    }[];
  };
}

/** Options of {@link planLab}. */
export interface PlanOptions {
  /** Overrides the spec's mode (the two-phase mode is planned per phase). */
  readonly mode?: PlanMode;
  /** Overrides the spec's DRBD syntax. Resources on more than two nodes need 9. */
  readonly drbdVersion?: DrbdVersion;
  /** DRBD shared secrets by resource name (peer authentication); a resource without one gets none. */
  readonly secrets?: Readonly<Record<string, string>>;
}

/** Decides everything the lab's files say. Pure and deterministic. */
export function planLab(spec: LabSpec, options: PlanOptions = {}): LabPlan {
  const mode: PlanMode = options.mode ?? (spec.mode === 'dual-primary' ? 'dual-primary' : 'single-primary');
  // `--drbd-version` picks the packages too: DRBD 9 syntax needs LINBIT's module.
  const drbd = resolveDrbd(
    options.drbdVersion
      ? {
          drbdVersion: options.drbdVersion,
          drbdPackages: options.drbdVersion === '9' ? 'linbit' : 'distribution',
        }
      : spec,
  );
  const drbdVersion = options.drbdVersion ?? drbd.version;
  const secrets = options.secrets ?? {};
  const primary = spec.primary ?? spec.nodes[0]!.name;
  const dual = mode === 'dual-primary';
  const byName = new Map(spec.nodes.map((n) => [n.name, n]));
  const resources: PlannedResource[] = spec.resources.map((r) => {
    const names = r.nodes ?? spec.nodes.map((n) => n.name);
    const mesh = names.length > 2;
    if (mesh && drbdVersion !== '9')
      throw new Error(`Resource ${r.name} has ${names.length} nodes: DRBD 8.4 supports two, use DRBD 9`);
    const fsType = r.mount.fsType ?? (dual ? 'ocfs2' : 'ext4');
    const cluster = fsType === 'ocfs2';
    const options =
      r.mount.options ??
      (cluster
        ? ['defaults', 'noauto', '_netdev', 'x-systemd.requires=o2cb.service', 'heartbeat=local']
        : ['defaults', 'noauto']);
    const mountedOn = cluster ? names : names.includes(primary) ? [primary] : [names[0]!];
    return {
      name: r.name,
      device: r.device,
      minor: Number(r.device.slice('/dev/drbd'.length)),
      disk: r.disk,
      metaDisk: r.metaDisk,
      protocol: r.protocol,
      verifyAlg: r.verifyAlg,
      hosts: names.map((n, i) => ({
        name: n,
        address: byName.get(n)!.address,
        port: r.port,
        ...(mesh ? { nodeId: i } : {}),
      })),
      dualPrimary: dual,
      mesh,
      ...(r.resyncRate !== undefined ? { resyncRate: r.resyncRate } : {}),
      ...(r.wfcTimeout !== undefined ? { wfcTimeout: r.wfcTimeout } : {}),
      ...(r.degrWfcTimeout !== undefined ? { degrWfcTimeout: r.degrWfcTimeout } : {}),
      ...(r.peerAuthentication && secrets[r.name] !== undefined ? { sharedSecret: secrets[r.name]! } : {}),
      mount: { path: r.mount.path, fsType, options },
      mountedOn,
    };
  });
  const ocfs2Nodes = [
    ...new Set(resources.filter((r) => r.mount.fsType === 'ocfs2').flatMap((r) => r.mountedOn)),
  ];
  const cluster =
    ocfs2Nodes.length > 0
      ? {
          name: spec.ocfs2.cluster,
          port: spec.ocfs2.port,
          slots: spec.ocfs2.slots ?? ocfs2Nodes.length,
          nodes: spec.nodes
            .filter((n) => ocfs2Nodes.includes(n.name))
            .map((n, i) => ({ name: n.name, number: i, address: n.address })),
        }
      : undefined;
  const b = spec.backup;
  const backup = b
    ? {
        server: b.server,
        user: b.user,
        home: b.home,
        repositoryPath: repositoryPath(b),
        clients: b.clients.map((client) => {
          const url = repositoryUrl(spec, b, client);
          return {
            client,
            url,
            repositoryPath: repositoryPath(b, client),
            commands: borgCommands(b, client, url, borgSeries(spec.platform)),
          };
        }),
      }
    : undefined;
  return {
    spec,
    mode,
    platform: spec.platform,
    drbdPackages: drbd.packages,
    drbdVersion,
    fencing: spec.fencing,
    borgSeries: borgSeries(spec.platform),
    primary,
    nodes: spec.nodes,
    resources,
    ...(cluster ? { cluster } : {}),
    ...(backup ? { backup } : {}),
  };
}

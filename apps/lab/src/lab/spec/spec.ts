import { z } from 'zod';
import { calendarProblem } from './calendar.js';
import { resolveDrbd } from './platform.js';

const hostname = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const absPath = /^\/[^\0\s]*$/;

/** A host name as `uname -n` prints it: lower case letters, digits and `-`, 1–63 characters. */
export const NodeNameSchema = z
  .string()
  .regex(hostname, 'Expected a host name of lower-case letters, digits and `-`')
  .describe('Host name as `uname -n` prints it; used in DRBD `on` sections and cluster.conf');

/** One machine of the lab. */
export const NodeSchema = z
  .object({
    name: NodeNameSchema,
    address: z
      .string()
      .regex(ipv4, 'Expected a dotted-quad IPv4 address')
      .describe('IPv4 address of the replication and cluster interconnect'),
  })
  .strict()
  .describe('A machine of the lab');

/** The file system on a DRBD device and where it is mounted. */
export const MountSchema = z
  .object({
    path: z.string().regex(absPath, 'Expected an absolute path').default('/srv').describe('Mount point'),
    fsType: z
      .enum(['ext4', 'xfs', 'ocfs2'])
      .optional()
      .describe('File system; default `ext4` in single-primary mode and `ocfs2` in dual-primary mode'),
    options: z
      .array(z.string().regex(/^[^\s,]+$/, 'Expected one mount option without spaces or commas'))
      .optional()
      .describe('Mount options; default `defaults,noauto` (plus `_netdev,heartbeat=local` for OCFS2)'),
  })
  .strict()
  .describe('The file system on the DRBD device');

/** One replicated DRBD resource. */
export const ResourceSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'Expected a resource name of letters, digits, `_`, `.` and `-`')
      .default('r0')
      .describe('Resource name (`drbdadm up NAME`)'),
    device: z
      .string()
      .regex(/^\/dev\/drbd(0|[1-9]\d{0,6})$/, 'Expected `/dev/drbdN`')
      .default('/dev/drbd0')
      .describe('DRBD device; its number is the minor'),
    disk: z
      .string()
      .regex(absPath, 'Expected an absolute device path')
      .default('/dev/vdb')
      .describe('Backing block device on every node (its contents are overwritten on the sync target)'),
    metaDisk: z
      .string()
      .regex(/^(internal|\/[^\0\s]*)$/, 'Expected `internal` or an absolute device path')
      .default('internal')
      .describe('Where DRBD keeps its metadata'),
    port: z.number().int().min(1).max(65535).default(7788).describe('TCP port of the replication link'),
    protocol: z.enum(['A', 'B', 'C']).default('C').describe('Replication protocol (C = synchronous)'),
    nodes: z
      .array(NodeNameSchema)
      .min(2)
      .optional()
      .describe('Nodes that hold the resource; default all nodes'),
    verifyAlg: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('sha256')
      .describe('Algorithm for `drbdadm verify` (online verification)'),
    resyncRate: z
      .string()
      .regex(/^[1-9]\d{0,8}[KMG]?$/, 'Expected a rate such as `100M` (bytes per second, K/M/G suffix)')
      .optional()
      .describe("`disk { resync-rate }` (8.3's `syncer { rate }`); default DRBD's own"),
    wfcTimeout: z
      .number()
      .int()
      .min(0)
      .max(300000)
      .optional()
      .describe(
        '`startup { wfc-timeout }`: seconds the init script waits for the peer at boot (0 = forever)',
      ),
    degrWfcTimeout: z
      .number()
      .int()
      .min(0)
      .max(300000)
      .optional()
      .describe('`startup { degr-wfc-timeout }`: the same wait after a degraded cluster rebooted'),
    peerAuthentication: z
      .boolean()
      .default(true)
      .describe(
        'Peers prove they share a secret (`cram-hmac-alg sha1` + `shared-secret`); the secret is generated, written 0600 and never printed',
      ),
    mount: MountSchema.prefault({}),
  })
  .strict()
  .describe('A replicated block device');

/** Retention policy for `borg prune` (GFS: grandfather-father-son). */
export const RetentionSchema = z
  .object({
    hourly: z.number().int().min(0).optional(),
    daily: z.number().int().min(0).default(7),
    weekly: z.number().int().min(0).default(4),
    monthly: z.number().int().min(0).default(6),
    yearly: z.number().int().min(0).optional(),
  })
  .strict()
  .describe('How many archives `borg prune` keeps per period');

// Read with the OnCalendar grammar (./calendar.ts), which agrees with `systemd-analyze calendar`;
// the message names the column (1-based) of the problem.
const calendar = z.string().superRefine((text, ctx) => {
  const problem = calendarProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem.message} (column ${problem.start + 1})` });
});

/** When the backup jobs run (systemd `OnCalendar=` expressions). */
export const ScheduleSchema = z
  .object({
    create: calendar.default('*-*-* 01:30:00').describe('When `borg create` runs'),
    prune: calendar.default('*-*-* 05:00:00').describe('When `borg prune` and `borg compact` run'),
    verify: calendar.default('Sun *-*-* 06:00:00').describe('When `borg check --verify-data` runs'),
  })
  .strict()
  .describe('systemd calendar expressions for the backup timers');

/** A machine that backs up to the server. */
export const BackupClientSchema = z
  .object({
    node: NodeNameSchema.describe('The node that runs `borg create`'),
    paths: z.array(z.string().regex(absPath, 'Expected an absolute path')).min(1).default(['/home']),
    excludes: z.array(z.string().min(1)).default(['/home/*/.cache']),
    encryption: z
      .enum(['repokey', 'repokey-blake2', 'keyfile', 'keyfile-blake2', 'authenticated', 'none'])
      .default('repokey')
      .describe('`borg init --encryption` mode'),
    compression: z
      .string()
      .regex(/^[a-z0-9,]+$/)
      .default('lz4'),
    publicKey: z
      .string()
      .regex(
        /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n]*)?$/,
        'Expected an OpenSSH public key line (`ssh-ed25519 AAAA… comment`)',
      )
      .describe("The client's SSH public key; the server's authorized_keys restricts it to `borg serve`"),
    keyFile: z
      .string()
      .regex(absPath)
      .default('/root/.ssh/id_ed25519_borg')
      .describe('Private key file on the client (BORG_RSH)'),
  })
  .strict();

/** BorgBackup: one server, its repository and the clients that back up to it. */
export const BackupSchema = z
  .object({
    server: NodeNameSchema.describe('The node that stores the repository'),
    user: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/)
      .default('borg')
      .describe('Unix user that owns the repository'),
    home: z.string().regex(absPath).default('/home/borg').describe("The user's home directory"),
    repository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'Expected a directory name')
      .default('BackupRepo')
      .describe('Repository directory inside the home directory'),
    clients: z.array(BackupClientSchema).min(1),
    retention: RetentionSchema.prefault({}),
    schedule: ScheduleSchema.prefault({}),
  })
  .strict()
  .describe('BorgBackup server, repository and clients');

/** The OCFS2 cluster (used in dual-primary mode). */
export const Ocfs2Schema = z
  .object({
    cluster: z
      .string()
      .regex(/^[A-Za-z0-9]{1,16}$/, 'Expected 1–16 letters or digits (o2cb rejects anything else)')
      .default('ocfs2cluster'),
    port: z.number().int().min(1).max(65534).default(7777).describe('o2net TCP port on every node'),
    slots: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Node slots for `mkfs.ocfs2 -N`; default the number of nodes'),
    heartbeatThreshold: z.number().int().min(7).default(31),
    idleTimeoutMs: z.number().int().min(5000).default(30000),
    keepaliveDelayMs: z.number().int().min(1000).default(2000),
    reconnectDelayMs: z.number().int().min(2000).default(2000),
  })
  .strict()
  .describe('OCFS2 cluster stack (o2cb) settings');

/** The operating systems a lab can run on (each fixes the versions in {@link platformFacts}). */
export const PlatformSchema = z
  .enum(['ubuntu-20.04', 'ubuntu-22.04', 'ubuntu-24.04', 'debian-12'])
  .describe(
    'Operating system of every node; it fixes the DRBD module, drbd-utils, borg and ocfs2-tools versions',
  );

/** Pacemaker settings: the STONITH device that fences a VM through its hypervisor. */
export const PacemakerSchema = z
  .object({
    hypervisor: z
      .string()
      .regex(ipv4, 'Expected a dotted-quad IPv4 address')
      .describe('Address of the libvirt host the VMs run on (fence_virsh logs in there over SSH)'),
    login: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/)
      .default('root')
      .describe('User on the hypervisor allowed to run `virsh destroy`/`start`'),
    identityFile: z
      .string()
      .regex(absPath)
      .default('/root/.ssh/id_ed25519_fence')
      .describe('Private key on every node for that login'),
  })
  .strict()
  .describe('Pacemaker + Corosync with a `fence_virsh` STONITH device (fencing: pacemaker)');

/** The whole lab: nodes, DRBD resources, the OCFS2 cluster and backups. */
export const LabSpecSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema for editors'),
    name: z.string().min(1).default('ftkit-lab').describe('Name of the lab (shown in RUNBOOK.md)'),
    mode: z
      .enum(['single-primary', 'dual-primary', 'single-then-dual-primary'])
      .default('single-primary')
      .describe(
        'single-primary: ext4 on the primary only; dual-primary: OCFS2 mounted on every node; single-then-dual-primary: the original lab, first one then the other (two phases)',
      ),
    platform: PlatformSchema.default('ubuntu-20.04'),
    drbdPackages: z
      .enum(['distribution', 'linbit'])
      .optional()
      .describe(
        "distribution: the kernel's in-tree DRBD 8.4.11 module; linbit: LINBIT's DRBD 9 packages (drbd-dkms). Default `linbit` when `drbdVersion` is 9, else `distribution`",
      ),
    drbdVersion: z
      .enum(['9', '8.4'])
      .optional()
      .describe(
        'DRBD syntax of the resource files; follows `drbdPackages` (8.4 for the distribution module, 9 for LINBIT)',
      ),
    fencing: z
      .enum(['none', 'pacemaker'])
      .default('none')
      .describe(
        'none: no cluster manager, DRBD resolves split brain by its after-sb policies; pacemaker: Pacemaker with STONITH fences the peer',
      ),
    pacemaker: PacemakerSchema.optional(),
    primary: NodeNameSchema.optional().describe(
      'The node that is primary in single-primary mode; default the first node',
    ),
    // No fixed maximum: the limits depend on the DRBD version (see LabSpecCheckedSchema).
    nodes: z.array(NodeSchema).min(2),
    resources: z.array(ResourceSchema).min(1).prefault([{}]),
    ocfs2: Ocfs2Schema.prefault({}),
    backup: BackupSchema.optional(),
  })
  .strict()
  .describe('An ftkit lab: DRBD, OCFS2 and BorgBackup on a few machines');

/** A lab spec as written by users (defaults may be left out). */
export type LabSpecInput = z.input<typeof LabSpecSchema>;
/** A lab spec with every default filled in. */
export type LabSpec = z.output<typeof LabSpecSchema>;
/** A machine of the lab: its name and the IPv4 address of the interconnect. */
export type LabNode = z.output<typeof NodeSchema>;
/** A DRBD resource of the lab: device, disk, metadata, port, protocol and mount, with defaults filled in. */
export type LabResource = z.output<typeof ResourceSchema>;
/** The Borg backup setup: server, user, repository, clients, retention and schedules, with defaults filled in. */
export type LabBackup = z.output<typeof BackupSchema>;
/** A machine that backs up to the Borg server: paths, excludes, encryption, compression and its SSH key. */
export type LabBackupClient = z.output<typeof BackupClientSchema>;
/** `single-primary` (ext4 on the primary only) or `dual-primary` (OCFS2 on every node). */
export type LabMode = LabSpec['mode'];

/**
 * Identity helper for lab specs written in TypeScript: gives editors completion and type
 * checks. The result is validated by `ftkit lab generate`.
 */
export function defineLab(spec: LabSpecInput): LabSpecInput {
  return spec;
}

/** The JSON Schema (draft 2020-12) of a lab spec, as written (input types), for editors. */
export function labJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LabSpecSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * The spec schema plus the rules that span several fields (names that must exist, values that
 * must be unique). Issues carry paths, so loaders can point at the spec line.
 */
export const LabSpecCheckedSchema = LabSpecSchema.superRefine((spec, ctx) => {
  const drbd = resolveDrbd(spec);
  const dual = spec.mode !== 'single-primary';
  if (spec.drbdPackages === 'distribution' && spec.drbdVersion === '9')
    ctx.addIssue({
      code: 'custom',
      path: ['drbdVersion'],
      message: `Expected \`8.4\` with \`drbdPackages: distribution\`, found \`9\`: ${spec.platform}'s kernel ships the DRBD 8.4.11 module, DRBD 9 needs LINBIT's packages`,
    });
  if (spec.drbdPackages === 'linbit' && spec.drbdVersion === '8.4')
    ctx.addIssue({
      code: 'custom',
      path: ['drbdVersion'],
      message:
        "Expected `9` with `drbdPackages: linbit`, found `8.4`: LINBIT's packages install the DRBD 9 module",
    });
  if (spec.fencing === 'pacemaker' && !spec.pacemaker)
    ctx.addIssue({
      code: 'custom',
      path: ['fencing'],
      message:
        'Missing `pacemaker` settings: `fencing: pacemaker` needs the hypervisor the STONITH device fences through',
    });
  if (spec.fencing !== 'pacemaker' && spec.pacemaker)
    ctx.addIssue({
      code: 'custom',
      path: ['pacemaker'],
      message: 'Unexpected `pacemaker` settings with `fencing: none`: set `fencing: pacemaker` to use them',
    });
  if ((spec.ocfs2.slots ?? 0) > 255)
    ctx.addIssue({
      code: 'custom',
      path: ['ocfs2', 'slots'],
      message: `Expected at most 255 slots, found ${spec.ocfs2.slots}: OCFS2 has 255 node slots`,
    });
  if (spec.fencing === 'pacemaker' && !dual)
    ctx.addIssue({
      code: 'custom',
      path: ['fencing'],
      message:
        'Expected `fencing: none` in single-primary mode: the lab generates Pacemaker for the dual-primary OCFS2 setup only',
    });
  const names = new Map<string, number>();
  const addresses = new Map<string, number>();
  spec.nodes.forEach((n, i) => {
    if (names.has(n.name))
      ctx.addIssue({
        code: 'custom',
        path: ['nodes', i, 'name'],
        message: `Duplicate node name \`${n.name}\``,
      });
    names.set(n.name, i);
    if (addresses.has(n.address))
      ctx.addIssue({
        code: 'custom',
        path: ['nodes', i, 'address'],
        message: `Duplicate address \`${n.address}\`: node \`${spec.nodes[addresses.get(n.address)!]!.name}\` has it too`,
      });
    addresses.set(n.address, i);
  });
  const known = (name: string, path: (string | number)[]) => {
    if (!names.has(name))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `Unknown node \`${name}\`: expected one of ${[...names.keys()].map((x) => `\`${x}\``).join(', ')}`,
      });
  };
  if (spec.primary !== undefined) known(spec.primary, ['primary']);
  const seen = {
    name: new Map<string, number>(),
    device: new Map<string, number>(),
    port: new Map<number, number>(),
  };
  spec.resources.forEach((r, i) => {
    for (const [j, n] of (r.nodes ?? []).entries()) known(n, ['resources', i, 'nodes', j]);
    if (seen.name.has(r.name))
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'name'],
        message: `Duplicate resource name \`${r.name}\``,
      });
    if (seen.device.has(r.device))
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'device'],
        message: `Duplicate device \`${r.device}\``,
      });
    if (seen.port.has(r.port))
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'port'],
        message: `Duplicate port \`${r.port}\``,
      });
    if (r.port === spec.ocfs2.port)
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'port'],
        message: `Expected a port other than ${r.port}: the OCFS2 cluster uses it`,
      });
    const count = r.nodes?.length ?? spec.nodes.length;
    const nodesPath = r.nodes ? ['resources', i, 'nodes'] : ['nodes'];
    if (count > 2 && drbd.version !== '9')
      ctx.addIssue({
        code: 'custom',
        path: r.nodes ? nodesPath : spec.drbdVersion ? ['drbdVersion'] : ['nodes'],
        message: `Expected at most two nodes with DRBD 8.4, found ${count}: 8.4 replicates between two nodes, more need DRBD 9 (\`drbdPackages: linbit\`)`,
      });
    if (count > 32 && drbd.version === '9')
      ctx.addIssue({
        code: 'custom',
        path: nodesPath,
        message: `Expected at most 32 nodes on resource \`${r.name}\`, found ${count}: DRBD 9 connects at most 32 hosts per resource`,
      });
    if (dual && r.protocol !== 'C')
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'protocol'],
        message: `Expected protocol \`C\` in ${spec.mode} mode, found \`${r.protocol}\`: the kernel refuses two primaries without synchronous replication`,
      });
    if (dual && r.mount.fsType !== undefined && r.mount.fsType !== 'ocfs2')
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'mount', 'fsType'],
        message: `Expected \`ocfs2\` in ${spec.mode} mode, found \`${r.mount.fsType}\`: a non-cluster file system mounted on two primaries is corrupted`,
      });
    if (dual && count > 2)
      ctx.addIssue({
        code: 'custom',
        path: nodesPath,
        message: `Expected two nodes on resource \`${r.name}\` in ${spec.mode} mode, found ${count}: DRBD allows at most two primaries`,
      });
    if ((r.nodes?.length ?? spec.nodes.length) > 2 && r.metaDisk !== 'internal')
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'metaDisk'],
        message: 'Expected `internal` meta-disk for a resource on more than two nodes',
      });
    seen.name.set(r.name, i);
    seen.device.set(r.device, i);
    seen.port.set(r.port, i);
  });
  if (spec.backup) {
    known(spec.backup.server, ['backup', 'server']);
    spec.backup.clients.forEach((c, i) => {
      known(c.node, ['backup', 'clients', i, 'node']);
      if (c.node === spec.backup!.server)
        ctx.addIssue({
          code: 'custom',
          path: ['backup', 'clients', i, 'node'],
          message: `Expected a client other than the server \`${c.node}\`: a backup on the same machine protects nothing`,
        });
    });
    const r = spec.backup.retention;
    if (!(r.hourly || r.daily || r.weekly || r.monthly || r.yearly))
      ctx.addIssue({
        code: 'custom',
        path: ['backup', 'retention'],
        message: 'Expected at least one `keep` count above 0: prune would delete every archive',
      });
  }
});

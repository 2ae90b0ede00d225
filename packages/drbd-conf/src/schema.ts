import { z } from 'zod';

/**
 * zod schemas of the drbd.conf model. Every node may carry `span` (0-based offsets into its
 * file, end exclusive) and `file` linking it back to the text, so later diagnostics (schema
 * issues, lint findings) have real positions. Builders and `emit` ignore both.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** Offsets of a model node in its file: 0-based UTF-16 code units, `end` exclusive. */
export type SpanRef = z.infer<typeof SpanSchema>;

const located = { span: SpanSchema.optional(), file: z.string().optional() };

/** Anything drbdadm accepts as a single bare word or quoted string value (no newline, ≤ 255). */
export const TextValueSchema = z
  .string()
  .max(255)
  .refine((s) => !s.includes('\n'), 'must not contain a newline');

/** One option statement: `name value;`, `name;` or (`no-name;`). */
export const OptionSchema = z.object({
  /** The option name as written (without a `no-` prefix). */
  name: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** The value as drbdadm reads it (quotes removed); absent for `name;`. */
  value: TextValueSchema.optional(),
  /** Extra words (only `become-primary-on a b`). */
  more: z.array(TextValueSchema).optional(),
  /** Written as `no-name` (value `no` in DRBD 9 when no value follows). */
  negated: z.boolean().optional(),
  /** The value was written in double quotes. */
  quoted: z.boolean().optional(),
  ...located,
});
/** One option statement of a section, as the model keeps it. */
export type DrbdOption = z.infer<typeof OptionSchema>;

/** An option section (`disk`, `net`, `options`, `startup`, `handlers`, `proxy`, 8.4 `syncer`) with its options in order. */
export const SectionSchema = z.object({
  kind: z.enum(['disk', 'net', 'options', 'startup', 'handlers', 'proxy', 'syncer']),
  options: z.array(OptionSchema),
  /** proxy `plugin { LINE; … }` lines, joined by single spaces as drbdadm stores them. */
  plugins: z.array(z.string()).optional(),
  ...located,
});
/** An option section with its options in written order. */
export type DrbdSection = z.infer<typeof SectionSchema>;

/** Address families drbdadm accepts before an address (`ipv4` when none is written). */
export const AddressFamilySchema = z.enum(['ipv4', 'ipv6', 'ssocks', 'sdp', 'sci']);
/** An `address [FAMILY] IP:PORT` as written; the port keeps its written form. */
export const AddressSchema = z.object({
  family: AddressFamilySchema.optional(),
  /** The IP text exactly as written (no brackets for IPv6). */
  ip: z.string().min(1),
  /** The port as written (`7789`, `07789`, `1K`). */
  port: z.string().regex(/^[0-9]{1,8}[KMGs]?$/),
  ...located,
});
/** An address: optional family, IP text and port as written. */
export type DrbdAddress = z.infer<typeof AddressSchema>;

/** `meta-disk internal`, or an external device with an optional `[index]` (8.4 indexed meta data). */
export const MetaDiskSchema = z.union([
  z.object({ kind: z.literal('internal') }),
  z.object({
    kind: z.literal('external'),
    path: TextValueSchema,
    index: z.number().int().nonnegative().optional(),
  }),
]);
/** Where DRBD keeps its meta data: `internal` or an external device (optionally indexed). */
export type DrbdMetaDisk = z.infer<typeof MetaDiskSchema>;

/** A `device` statement: the path, the minor, or both (`device /dev/drbd0 minor 0`). */
export const DeviceSchema = z.object({
  /** Device path as written (`/dev/drbd0`, `drbd5`, `/dev/drbd_data`). */
  name: TextValueSchema.optional(),
  /** The minor as written after `minor`. */
  minor: z.number().int().nonnegative().optional(),
  ...located,
});
/** A `device` statement: path and/or minor as written. */
export type DrbdDevice = z.infer<typeof DeviceSchema>;

/** A volume: `volume N { … }` or the implicit volume 0 written directly in a host or resource. */
export const VolumeSchema = z.object({
  /** Volume number; absent for the implicit volume 0 (statements written directly in the host/resource). */
  number: z.number().int().nonnegative().optional(),
  device: DeviceSchema.optional(),
  /** Backing disk path, or `none` (DRBD 9: explicitly diskless). */
  disk: TextValueSchema.optional(),
  metaDisk: MetaDiskSchema.optional(),
  /** Written as `flexible-meta-disk`. */
  flexibleMetaDisk: z.boolean().optional(),
  /** `disk { … }` options of this volume (disk and, in 9, peer-device options). */
  diskOptions: SectionSchema.optional(),
  ...located,
});
/** A volume with its device, disk, meta data and per-volume disk options. */
export type DrbdVolume = z.infer<typeof VolumeSchema>;

/** A `proxy on NAME { inside …; outside …; }` block of a host or connection endpoint. */
export const ProxyHostSchema = z.object({
  names: z.array(z.string()).min(1),
  inside: AddressSchema.optional(),
  outside: AddressSchema.optional(),
  options: SectionSchema.optional(),
  ...located,
});
/** A DRBD Proxy block: the proxy host names, inside and outside addresses and options. */
export type DrbdProxyHost = z.infer<typeof ProxyHostSchema>;

/** A host section: `on NAME… { }`, `floating`, `stacked-on-top-of RES`, or the 8.4 `_this_host`/`_remote_host`. */
export const HostSchema = z.object({
  kind: z.enum(['on', 'floating', 'stacked-on-top-of', '_this_host', '_remote_host']),
  /** Names after `on` (several allowed); empty for floating. */
  names: z.array(z.string()),
  /** For `stacked-on-top-of`: the lower resource. */
  lower: z.string().optional(),
  nodeId: z.number().int().nonnegative().optional(),
  address: AddressSchema.optional(),
  alternateLinkAddress: AddressSchema.optional(),
  /** Volumes in source order (implicit volume first when written directly in the host). */
  volumes: z.array(VolumeSchema),
  options: SectionSchema.optional(),
  proxy: ProxyHostSchema.optional(),
  ...located,
});
/** A host section with its node-id, addresses, volumes, options and proxy. */
export type DrbdHost = z.infer<typeof HostSchema>;

/** One end of a DRBD 9 connection or path: `host NAME [address …] [port N]` or a bare `address`. */
export const EndpointSchema = z.object({
  /** `host NAME`; absent for a bare `address` endpoint. */
  host: z.string().optional(),
  address: AddressSchema.optional(),
  port: z.string().optional(),
  proxy: ProxyHostSchema.optional(),
  ...located,
});
/** One end of a connection or path. */
export type DrbdEndpoint = z.infer<typeof EndpointSchema>;

/** A DRBD 9 `path { host A …; host B …; }` inside a connection (one network link). */
export const PathSchema = z.object({ endpoints: z.array(EndpointSchema), ...located });
/** A path of a connection: its two endpoints. */
export type DrbdPath = z.infer<typeof PathSchema>;

/** A DRBD 9 `connection { }`: endpoints or paths, and the net, disk and per-volume options of the link. */
export const ConnectionSchema = z.object({
  /** A name after `connection` (deprecated; drbdadm ignores it). */
  name: z.string().optional(),
  endpoints: z.array(EndpointSchema),
  paths: z.array(PathSchema),
  net: SectionSchema.optional(),
  disk: SectionSchema.optional(),
  volumes: z.array(
    z.object({ number: z.number().int().nonnegative(), disk: SectionSchema.optional(), ...located }),
  ),
  ...located,
});
/** A DRBD 9 connection with its endpoints, paths and options. */
export type DrbdConnection = z.infer<typeof ConnectionSchema>;

/** A DRBD 9 `connection-mesh { hosts A B C; }`: a full mesh of connections with shared net options. */
export const MeshSchema = z.object({ hosts: z.array(z.string()), net: SectionSchema.optional(), ...located });
/** A connection mesh: its hosts and shared `net` options. */
export type DrbdMesh = z.infer<typeof MeshSchema>;

const sections = {
  /** Option sections by kind, in the order written. */
  sections: z.array(SectionSchema),
};

/** The `common { }` section: option sections every resource inherits. */
export const CommonSchema = z.object({ ...sections, protocol: z.string().optional(), ...located });
/** The `common` section. */
export type DrbdCommon = z.infer<typeof CommonSchema>;

/** A `resource NAME { }` with its sections, volumes, hosts, connections and meshes. */
export const ResourceSchema = z.object({
  name: z.string().min(1),
  ...sections,
  /** Legacy resource-level `protocol X;`. */
  protocol: z.string().optional(),
  templateFile: z.string().optional(),
  /** Resource-level volumes (implicit volume 0 or explicit `volume N { }`). */
  volumes: z.array(VolumeSchema),
  hosts: z.array(HostSchema),
  connections: z.array(ConnectionSchema),
  meshes: z.array(MeshSchema),
  /** 8.4 `ignore-on NAME;` names. */
  ignoreOn: z.array(z.string()).optional(),
  ...located,
});
/** A resource as written (inheritance not applied; see `effective`). */
export type DrbdResource = z.infer<typeof ResourceSchema>;

/** The `global { }` section: usage-count, minor-count, dialog-refresh, IP verification, udev and command timeouts. */
export const GlobalSchema = z.object({
  usageCount: z.enum(['yes', 'no', 'ask']).optional(),
  minorCount: z.string().optional(),
  dialogRefresh: z.string().optional(),
  disableIpVerification: z.boolean().optional(),
  udevAlwaysUseVnr: z.boolean().optional(),
  cmdTimeoutShort: z.string().optional(),
  cmdTimeoutMedium: z.string().optional(),
  cmdTimeoutLong: z.string().optional(),
  ...located,
});
/** The `global` section, with values as written. */
export type DrbdGlobal = z.infer<typeof GlobalSchema>;

/** An `include "PATTERN";` statement (a glob relative to the including file). */
export const IncludeSchema = z.object({ pattern: z.string(), ...located });
/** An include statement and its pattern. */
export type DrbdInclude = z.infer<typeof IncludeSchema>;

/** A whole drbd.conf (plus whatever its includes contributed). */
export const ConfigSchema = z.object({
  drbdVersion: z.enum(['8.4', '9']),
  global: GlobalSchema.optional(),
  common: CommonSchema.optional(),
  resources: z.array(ResourceSchema),
  includes: z.array(IncludeSchema),
  /** DRBD 9 `require-drbd-module-version-OP X.Y.Z;` statements. */
  requires: z.array(z.object({ op: z.string(), version: z.string(), ...located })),
});
/** A whole drbd.conf model: global, common, resources, includes and module version requirements. */
export type DrbdConfig = z.infer<typeof ConfigSchema>;

/** JSON Schema of {@link ConfigSchema} (draft 2020-12). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema) as Record<string, unknown>;
}

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
export type DrbdOption = z.infer<typeof OptionSchema>;

/** A proxy `plugin { … }` line list. */
export const SectionSchema = z.object({
  kind: z.enum(['disk', 'net', 'options', 'startup', 'handlers', 'proxy', 'syncer']),
  options: z.array(OptionSchema),
  /** proxy `plugin { LINE; … }` lines, joined by single spaces as drbdadm stores them. */
  plugins: z.array(z.string()).optional(),
  ...located,
});
export type DrbdSection = z.infer<typeof SectionSchema>;

export const AddressFamilySchema = z.enum(['ipv4', 'ipv6', 'ssocks', 'sdp', 'sci']);
export const AddressSchema = z.object({
  family: AddressFamilySchema.optional(),
  /** The IP text exactly as written (no brackets for IPv6). */
  ip: z.string().min(1),
  /** The port as written (`7789`, `07789`, `1K`). */
  port: z.string().regex(/^[0-9]{1,8}[KMGs]?$/),
  ...located,
});
export type DrbdAddress = z.infer<typeof AddressSchema>;

export const MetaDiskSchema = z.union([
  z.object({ kind: z.literal('internal') }),
  z.object({
    kind: z.literal('external'),
    path: TextValueSchema,
    index: z.number().int().nonnegative().optional(),
  }),
]);
export type DrbdMetaDisk = z.infer<typeof MetaDiskSchema>;

export const DeviceSchema = z.object({
  /** Device path as written (`/dev/drbd0`, `drbd5`, `/dev/drbd_data`). */
  name: TextValueSchema.optional(),
  /** The minor as written after `minor`. */
  minor: z.number().int().nonnegative().optional(),
  ...located,
});
export type DrbdDevice = z.infer<typeof DeviceSchema>;

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
export type DrbdVolume = z.infer<typeof VolumeSchema>;

export const ProxyHostSchema = z.object({
  names: z.array(z.string()).min(1),
  inside: AddressSchema.optional(),
  outside: AddressSchema.optional(),
  options: SectionSchema.optional(),
  ...located,
});
export type DrbdProxyHost = z.infer<typeof ProxyHostSchema>;

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
export type DrbdHost = z.infer<typeof HostSchema>;

export const EndpointSchema = z.object({
  /** `host NAME`; absent for a bare `address` endpoint. */
  host: z.string().optional(),
  address: AddressSchema.optional(),
  port: z.string().optional(),
  proxy: ProxyHostSchema.optional(),
  ...located,
});
export type DrbdEndpoint = z.infer<typeof EndpointSchema>;

export const PathSchema = z.object({ endpoints: z.array(EndpointSchema), ...located });
export type DrbdPath = z.infer<typeof PathSchema>;

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
export type DrbdConnection = z.infer<typeof ConnectionSchema>;

export const MeshSchema = z.object({ hosts: z.array(z.string()), net: SectionSchema.optional(), ...located });
export type DrbdMesh = z.infer<typeof MeshSchema>;

const sections = {
  /** Option sections by kind, in the order written. */
  sections: z.array(SectionSchema),
};

export const CommonSchema = z.object({ ...sections, protocol: z.string().optional(), ...located });
export type DrbdCommon = z.infer<typeof CommonSchema>;

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
export type DrbdResource = z.infer<typeof ResourceSchema>;

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
export type DrbdGlobal = z.infer<typeof GlobalSchema>;

export const IncludeSchema = z.object({ pattern: z.string(), ...located });
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
export type DrbdConfig = z.infer<typeof ConfigSchema>;

/** JSON Schema of {@link ConfigSchema} (draft 2020-12). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema) as Record<string, unknown>;
}

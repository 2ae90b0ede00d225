import type {
  DrbdAddress,
  DrbdConfig,
  DrbdHost,
  DrbdOption,
  DrbdResource,
  DrbdSection,
  DrbdVolume,
} from '../schema.js';
import type { DrbdVersion, SectionKind } from './options.js';
import { addressTextGrammar, readValue } from './value-grammar.js';

// What the builders of `builders.ts` construct, without the zod validation they add: the lab
// and other code that builds known-valid models use these to avoid loading zod.

/** Option values by name, e.g. `{ protocol: 'C', 'allow-two-primaries': true, 'resync-rate': '40M' }`. */
export type OptionInput = Readonly<Record<string, string | number | boolean | readonly string[]>>;

function optionsOf(input: OptionInput | undefined): DrbdOption[] {
  const out: DrbdOption[] = [];
  for (const [name, v] of Object.entries(input ?? {})) {
    if (Array.isArray(v))
      out.push({ name, value: String(v[0]), ...(v.length > 1 ? { more: v.slice(1).map(String) } : {}) });
    else out.push({ name, value: typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v) });
  }
  return out;
}

/** Builder input for a host (`on NAME { … }`). */
export interface HostInput {
  readonly name: string | readonly string[];
  /** `IP:PORT`, `[IPv6]:PORT`, or an address object. */
  readonly address: string | DrbdAddress;
  readonly nodeId?: number;
  readonly device?: string | number;
  readonly disk?: string;
  readonly metaDisk?: 'internal' | string;
  readonly volumes?: readonly VolumeInput[];
}

/** Builder input for a volume. */
export interface VolumeInput {
  readonly number?: number;
  /** `/dev/drbdN`, or a minor number. */
  readonly device?: string | number;
  readonly disk?: string;
  readonly metaDisk?: 'internal' | string;
  readonly diskOptions?: OptionInput;
}

/** Builder input for a resource. */
export interface ResourceInput {
  readonly name: string;
  readonly hosts: readonly HostInput[];
  readonly volumes?: readonly VolumeInput[];
  readonly device?: string | number;
  readonly disk?: string;
  readonly metaDisk?: 'internal' | string;
  readonly net?: OptionInput;
  readonly diskOptions?: OptionInput;
  readonly options?: OptionInput;
  readonly startup?: OptionInput;
  readonly handlers?: OptionInput;
  /** DRBD 9: `connection-mesh { hosts … }` over all hosts (needed with more than two). */
  readonly mesh?: boolean | { readonly net?: OptionInput };
}

/**
 * Reads an address written as `IP:PORT` or `[IPv6]:PORT` into the model's form (IPv6 gets family
 * `ipv6`; a string without `:` gives an empty port, which the schema rejects). A model address
 * passes through unchanged.
 */
export function parseAddress(a: string | DrbdAddress): DrbdAddress {
  if (typeof a !== 'string') return a;
  return readValue(addressTextGrammar, a)!;
}

function volumeOf(v: VolumeInput | (HostInput & { number?: number })): DrbdVolume | undefined {
  const device =
    v.device === undefined
      ? undefined
      : typeof v.device === 'number'
        ? { minor: v.device }
        : { name: v.device };
  const md =
    v.metaDisk === undefined
      ? undefined
      : v.metaDisk === 'internal'
        ? { kind: 'internal' as const }
        : { kind: 'external' as const, path: v.metaDisk };
  const opts =
    'diskOptions' in v && v.diskOptions
      ? { kind: 'disk' as const, options: optionsOf(v.diskOptions) }
      : undefined;
  if (!device && v.disk === undefined && !md && !opts) return undefined;
  return {
    ...(v.number !== undefined ? { number: v.number } : {}),
    ...(device ? { device } : {}),
    ...(v.disk !== undefined ? { disk: v.disk } : {}),
    ...(md ? { metaDisk: md } : {}),
    ...(opts ? { diskOptions: opts } : {}),
  };
}

/**
 * The model of a resource as {@link drbd}`.resource` builds it, without validation (so without
 * zod): for inputs that are already known to be valid, such as the lab's plan.
 */
export function resourceModel(input: ResourceInput): DrbdResource {
  const sections: DrbdSection[] = [];
  const sec = (kind: SectionKind, o: OptionInput | undefined) => {
    if (o && Object.keys(o).length > 0) sections.push({ kind, options: optionsOf(o) });
  };
  sec('options', input.options);
  sec('net', input.net);
  sec('disk', input.diskOptions);
  sec('startup', input.startup);
  sec('handlers', input.handlers);
  // resource-level `diskOptions` is the `disk` section above, not the implicit volume's own
  const top = volumeOf({ ...input, diskOptions: undefined, number: undefined } as VolumeInput);
  const hosts: DrbdHost[] = (input.hosts ?? []).map((h) => {
    const own = volumeOf({ ...h, number: undefined } as VolumeInput);
    return {
      kind: 'on',
      names: typeof h.name === 'string' ? [h.name] : [...h.name],
      address: parseAddress(h.address),
      ...(h.nodeId !== undefined ? { nodeId: h.nodeId } : {}),
      volumes: [...(own ? [own] : []), ...(h.volumes ?? []).map((v) => volumeOf(v)!).filter(Boolean)],
    };
  });
  const mesh = input.mesh
    ? [
        {
          hosts: hosts.map((h) => h.names[0]!),
          ...(typeof input.mesh === 'object' && input.mesh.net
            ? { net: { kind: 'net' as const, options: optionsOf(input.mesh.net) } }
            : {}),
        },
      ]
    : [];
  const r: DrbdResource = {
    name: input.name,
    sections,
    volumes: [...(top ? [top] : []), ...(input.volumes ?? []).map((v) => volumeOf(v)!).filter(Boolean)],
    hosts,
    connections: [],
    meshes: mesh,
  };
  return r;
}

/** Input of {@link configModel} and `drbd.config`. */
export interface ConfigInput {
  readonly drbdVersion?: DrbdVersion;
  readonly resources: readonly DrbdResource[];
  readonly global?: DrbdConfig['global'];
  readonly common?: DrbdConfig['common'];
}

/** The model of a whole file as `drbd.config` builds it, without validation. */
export function configModel(input: ConfigInput): DrbdConfig {
  return {
    drbdVersion: input.drbdVersion ?? '9',
    resources: [...input.resources],
    includes: [],
    requires: [],
    ...(input.global ? { global: input.global } : {}),
    ...(input.common ? { common: input.common } : {}),
  };
}

/** One option (`drbd.option`): booleans become `yes`/`no`, numbers their decimal text. */
export function optionModel(name: string, value?: string | number | boolean): DrbdOption {
  return value === undefined
    ? { name }
    : { name, value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value) };
}

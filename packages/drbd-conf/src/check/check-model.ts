import type { DiagnosticCollector } from '@ftkit/core';
import { CODES } from '../diagnostics.js';
import { implicitNodeIds } from '../model/node-id.js';
import type { DrbdVersion } from '../model/options.js';
import { deviceMinor, type HostVolume, hostVolumes } from '../model/volumes.js';
import type { DrbdConfig, DrbdHost, DrbdResource } from '../schema.js';

type Loc = { span?: { start: number; end: number }; file?: string };

/** The port as a number, ignoring a unit suffix the lexer allows on integers (`7789K`). */
function portNumber(port: string): number {
  const last = port[port.length - 1];
  return Number(last === 'K' || last === 'M' || last === 'G' || last === 's' ? port.slice(0, -1) : port);
}

/** `host section … of resource …` for messages (built only when there is a message). */
const where = (r: DrbdResource, h: DrbdHost, implicit: boolean, num: number) =>
  `host section \`${hostLabel(h)}\` of resource \`${r.name}\`${implicit ? '' : ` (volume ${num})`}`;

const hostLabel = (h: DrbdHost) =>
  h.kind === 'on'
    ? h.names.join(' ')
    : h.kind === 'floating'
      ? `floating ${h.address?.ip}:${h.address?.port}`
      : `stacked-on-top-of ${h.lower}`;

/**
 * The cross-statement checks drbdadm makes after parsing (reference §5), reported at the
 * statements involved (drbdadm often says line 0; we always point at a real place).
 */
export function checkModel(
  model: DrbdConfig,
  collectorFor: (file: string | undefined) => DiagnosticCollector,
) {
  const v: DrbdVersion = model.drbdVersion;
  const err = (code: string, message: string, at: Loc, note?: string) => {
    const d = collectorFor(at.file);
    d.error(code, message, at.span ?? { start: 0, end: 0 }, note !== undefined ? { note } : {});
  };
  const warn = (code: string, message: string, at: Loc, note?: string) => {
    const d = collectorFor(at.file);
    d.warning(code, message, at.span ?? { start: 0, end: 0 }, note !== undefined ? { note } : {});
  };
  const names = new Set(model.resources.map((r) => r.name));
  // host name → minor → where it was first used
  const minors = new Map<string, Map<number, Loc>>();
  const addrs = new Map<string, { loc: Loc; res: string }>();
  for (const r of model.resources) {
    const realHosts = r.hosts.filter(
      (h) => h.kind === 'on' || h.kind === 'floating' || h.kind === 'stacked-on-top-of',
    );
    if (v === '9' && r.hosts.length === 0) {
      err(
        CODES.semantic,
        `Missing host section in resource \`${r.name}\``,
        r,
        'Add `on NODE { … }` sections',
      );
    }
    // unique host names
    const seen = new Map<string, DrbdHost>();
    for (const h of r.hosts) {
      for (const n of h.names) {
        const k = v === '9' ? n.toLowerCase() : n;
        if (seen.has(k)) err(CODES.duplicate, `Duplicate host \`${n}\` in resource \`${r.name}\``, h);
        else seen.set(k, h);
      }
    }
    // required statements and volume consistency
    let first: { h: DrbdHost; vols: Map<number, HostVolume> } | undefined;
    for (const h of realHosts) {
      const vols = hostVolumes(r, h);
      if (v === '8.4' && !h.address)
        err(
          CODES.semantic,
          `Missing \`address\` in host section \`${hostLabel(h)}\` of resource \`${r.name}\``,
          h,
        );
      if (vols.size === 0) {
        err(
          CODES.semantic,
          `Missing \`device\` in host section \`${hostLabel(h)}\` of resource \`${r.name}\``,
          h,
        );
      }
      vols.forEach(({ vol, implicit }, num) => {
        if (!vol.device) err(CODES.semantic, `Missing \`device\` in ${where(r, h, implicit, num)}`, h);
        // DRBD 9: no disk means a diskless client, but a meta-disk without a disk is an error
        if (v === '9' && vol.metaDisk && vol.disk === undefined && h.kind !== 'stacked-on-top-of')
          err(
            CODES.semantic,
            `Missing \`disk\` in ${where(r, h, implicit, num)}: a \`meta-disk\` needs a backing disk`,
            h,
          );
        if (v === '8.4' && h.kind !== 'stacked-on-top-of') {
          if (vol.disk === undefined)
            err(CODES.semantic, `Missing \`disk\` in ${where(r, h, implicit, num)}`, h);
          if (!vol.metaDisk) err(CODES.semantic, `Missing \`meta-disk\` in ${where(r, h, implicit, num)}`, h);
        }
        const minor = deviceMinor(vol.device);
        if (minor !== undefined) {
          for (const n of h.kind === 'on' ? h.names : []) {
            let byMinor = minors.get(n);
            if (byMinor === undefined) {
              byMinor = new Map();
              minors.set(n, byMinor);
            }
            const prev = byMinor.get(minor);
            if (prev && prev !== vol.device)
              err(
                CODES.duplicate,
                `Duplicate minor ${minor} on host \`${n}\``,
                vol.device ?? h,
                'Every device of a host needs its own minor',
              );
            else byMinor.set(minor, vol.device ?? h);
          }
        }
      });
      if (!first) first = { h, vols };
      else {
        const f = first;
        vols.forEach((vol, num) => {
          const o = f.vols.get(num);
          if (!o)
            err(
              CODES.semantic,
              `Volume ${num} of host \`${hostLabel(h)}\` is not defined on \`${hostLabel(f.h)}\``,
              h,
            );
          else if (o.implicit !== vol.implicit)
            err(CODES.semantic, `Volume ${num} must not be implicit on one host but not on the other`, h);
        });
        for (const num of first.vols.keys())
          if (!vols.has(num))
            err(
              CODES.semantic,
              `Missing volume ${num} on host \`${hostLabel(h)}\` (present on \`${hostLabel(first.h)}\`)`,
              h,
            );
      }
      if (h.address) {
        const a = h.address;
        const key = `${a.family ?? 'ipv4'}:${a.ip}:${portNumber(a.port)}`;
        const loopback = a.ip.startsWith('127.') || a.ip === '::1';
        const k2 = loopback ? `${h.names.join(' ')}@${key}` : key;
        const prev = addrs.get(k2);
        if (prev)
          err(
            CODES.duplicate,
            `Duplicate address \`${a.ip}:${a.port}\` (also used by resource \`${prev.res}\`)`,
            a,
          );
        else addrs.set(k2, { loc: a, res: r.name });
      }
    }
    if (v === '9')
      checkNine(
        r,
        (lower) => model.resources.find((x) => x.name === lower)?.hosts.flatMap((x) => x.names) ?? [],
        err,
        warn,
      );
    else checkEightFour(r, names, err);
    // resync-after target
    for (const sec of r.sections) {
      for (const o of sec.options) {
        if (
          (o.name === 'resync-after' || o.name === 'after') &&
          o.value !== undefined &&
          !names.has(o.value.split('/')[0]!)
        )
          warn(
            CODES.semantic,
            `Unknown resource \`${o.value}\` in \`resync-after\`: drbdadm drops the option`,
            o,
          );
      }
    }
    for (const h of r.hosts)
      if (h.kind === 'stacked-on-top-of' && h.lower !== undefined && !names.has(h.lower))
        err(CODES.semantic, `Unknown resource \`${h.lower}\` in \`stacked-on-top-of\``, h);
  }
}

function checkNine(
  r: DrbdResource,
  lowerHostNames: (lower: string) => readonly string[],
  err: (code: string, m: string, at: Loc, note?: string) => void,
  warn: (code: string, m: string, at: Loc, note?: string) => void,
) {
  const hosts = r.hosts;
  const implicitIds =
    hosts.length === 2 &&
    r.connections.length === 0 &&
    r.meshes.length === 0 &&
    hosts.every((h) => h.nodeId === undefined && h.address);
  if (!implicitIds) {
    for (const h of hosts)
      if (h.nodeId === undefined && h.kind !== 'stacked-on-top-of')
        err(
          CODES.semantic,
          `Missing \`node-id\` in host section \`${hostLabel(h)}\` of resource \`${r.name}\``,
          h,
          'DRBD 9 needs explicit node-ids unless the resource has exactly two hosts and no connections',
        );
  }
  if (implicitIds) {
    const [a, b] = [hosts[0]!, hosts[1]!];
    const ok =
      implicitNodeIds(a.address!.ip, b.address!.ip) ??
      (a.proxy?.outside && b.proxy?.outside
        ? implicitNodeIds(a.proxy.outside.ip, b.proxy.outside.ip)
        : undefined);
    if (!ok)
      err(
        CODES.semantic,
        `Missing \`node-id\` in resource \`${r.name}\`: both hosts have the same address, so no node-ids can be derived`,
        r,
        'drbdadm fails with "BAD LUCK, equal hashes"; set `node-id` on both hosts',
      );
  }
  let ids: Map<number, DrbdHost> | undefined;
  for (const h of hosts) {
    if (h.nodeId === undefined) continue;
    ids ??= new Map();
    if (ids.has(h.nodeId)) err(CODES.duplicate, `Duplicate node-id ${h.nodeId} in resource \`${r.name}\``, h);
    else ids.set(h.nodeId, h);
  }
  // drbdadm prints this but still exits 0 for `dump`; `up`/`adjust` fail on it.
  if (hosts.length > 2 && r.connections.length === 0 && r.meshes.length === 0)
    warn(
      CODES.semantic,
      `Missing \`connection\` sections in resource \`${r.name}\`: more than two hosts need explicit connections or a \`connection-mesh\``,
      r,
    );
  // A stacked resource's connections name the hosts of its lower resources: drbdadm resolves
  // them through `stacked-on-top-of` (drbd-utils' tests/v9/stacked_multi_path_2sites_3nodes.res).
  const known =
    r.connections.length > 0 || r.meshes.length > 0
      ? new Set(
          hosts.flatMap((h) =>
            (h.kind === 'stacked-on-top-of' && h.lower !== undefined
              ? [...h.names, ...lowerHostNames(h.lower)]
              : h.names
            ).map((n) => n.toLowerCase()),
          ),
        )
      : new Set<string>();
  for (const c of r.connections) {
    for (const e of [...c.endpoints, ...c.paths.flatMap((p) => p.endpoints)]) {
      if (e.host !== undefined && !known.has(e.host.toLowerCase()))
        err(
          CODES.semantic,
          `Unknown host \`${e.host}\` in a connection of resource \`${r.name}\`: there is no \`on ${e.host}\` section`,
          e,
        );
      if (e.host === undefined && e.address && !hosts.some((h) => h.address?.ip === e.address!.ip))
        err(CODES.semantic, `Unknown address \`${e.address.ip}\` in a connection: no host section has it`, e);
    }
    for (const group of [c.endpoints, ...c.paths.map((p) => p.endpoints)]) {
      const withProxy = group.filter((e) => e.proxy).length;
      if (withProxy > 0 && withProxy < group.length)
        err(CODES.semantic, 'Expected a proxy on every `host` of this connection, or on none', c);
    }
    if (c.paths.length > 0)
      for (const p of c.paths) {
        const [a, b] = p.endpoints;
        if (a?.address && b?.address && a.address.ip === b.address.ip && a.address.port === b.address.port)
          err(CODES.semantic, `Address \`${a.address.ip}:${a.address.port}\` is used for both endpoints`, p);
      }
    for (const cv of c.volumes) {
      const exists =
        r.volumes.some((v) => (v.number ?? 0) === cv.number) ||
        hosts.some((h) => h.volumes.some((v) => (v.number ?? 0) === cv.number));
      if (!exists)
        err(CODES.semantic, `Unknown volume ${cv.number} in a connection of resource \`${r.name}\``, cv);
    }
  }
  for (const m of r.meshes)
    for (const n of m.hosts)
      if (!known.has(n.toLowerCase()))
        err(
          CODES.semantic,
          `Unknown host \`${n}\` in the connection-mesh of resource \`${r.name}\`: there is no \`on ${n}\` section`,
          m,
        );
  let withProxy = 0;
  let onHosts = 0;
  for (const h of hosts)
    if (h.kind === 'on') {
      onHosts++;
      if (h.proxy) withProxy++;
    }
  if (withProxy > 0 && withProxy < onHosts)
    err(
      CODES.semantic,
      `Expected a proxy section in all host sections of resource \`${r.name}\`, or in none`,
      r,
    );
}

function checkEightFour(
  r: DrbdResource,
  _names: Set<string>,
  err: (code: string, m: string, at: Loc, note?: string) => void,
) {
  const hostNames = new Set(r.hosts.flatMap((h) => h.names));
  const onHosts = r.hosts.filter((h) => h.kind === 'on');
  const withProxy = onHosts.filter((h) => h.proxy).length;
  if (withProxy > 0 && withProxy < onHosts.length)
    err(
      CODES.semantic,
      `Expected a proxy section in both host sections of resource \`${r.name}\`, or in none`,
      r,
    );
  const startup = r.sections.find((s) => s.kind === 'startup');
  const net = r.sections.find((s) => s.kind === 'net');
  for (const o of startup?.options ?? []) {
    if (o.name !== 'become-primary-on') continue;
    const list = [o.value ?? '', ...(o.more ?? [])];
    for (const n of list) {
      if (n === 'both') {
        const two = net?.options.find((x) => x.name === 'allow-two-primaries');
        if (!two || two.value === 'no')
          err(CODES.semantic, '`become-primary-on both` needs `allow-two-primaries` in the `net` section', o);
      } else if (!hostNames.has(n)) err(CODES.semantic, `Unknown host \`${n}\` in \`become-primary-on\``, o);
    }
  }
}

import type { Span } from '@ftkit/core';
import {
  type DrbdOption,
  type DrbdResource,
  type DrbdSection,
  type DrbdVolume,
  emit,
  parse,
} from '@ftkit/drbd-conf';
import type { DrbdHostFact, DrbdResourceFact, Located } from '../check/facts.js';
import type { LabPlan, PlannedResource } from '../generate/plan.js';

const SCRIPTS = '/usr/lib/drbd';

/**
 * The net, disk, startup and handlers options the mode asks for, per DRBD syntax and fencing.
 * With Pacemaker: `fencing resource-and-stonith` and LINBIT's crm-fence-peer handlers (the 9
 * scripts for DRBD 9). Without a cluster manager: what LINBIT documents for OCFS2 without
 * Pacemaker (the 8.4 guide's "legacy OCFS2 management"): two primaries with the automatic
 * split-brain recovery policies and no fencing, since a `fence-peer` handler that cannot reach a
 * cluster manager exits 1 and `resource-and-stonith` then freezes I/O on the survivor.
 */
function sectionsFor(r: PlannedResource, plan: LabPlan) {
  const version = plan.drbdVersion;
  const net: Record<string, string> = { protocol: r.protocol, 'verify-alg': r.verifyAlg };
  const disk: Record<string, string> = {};
  const startup: Record<string, string | string[]> = {};
  const handlers: Record<string, string> = { 'split-brain': `${SCRIPTS}/notify-split-brain.sh root` };
  if (r.sharedSecret !== undefined) {
    net['cram-hmac-alg'] = 'sha1';
    net['shared-secret'] = r.sharedSecret;
  }
  // A fixed rate, as 8.3's `syncer { rate }` was: with the dynamic controller on (8.4 and 9
  // default `c-plan-ahead 20`) `resync-rate` is only where it starts.
  if (r.resyncRate !== undefined) Object.assign(disk, { 'c-plan-ahead': '0', 'resync-rate': r.resyncRate });
  // DRBD 9 parses and drops the wfc timeouts' companion `become-primary-on`, but keeps these.
  if (r.wfcTimeout !== undefined) startup['wfc-timeout'] = String(r.wfcTimeout);
  if (r.degrWfcTimeout !== undefined) startup['degr-wfc-timeout'] = String(r.degrWfcTimeout);
  if (r.dualPrimary) {
    Object.assign(net, {
      'allow-two-primaries': 'yes',
      'after-sb-0pri': 'discard-zero-changes',
      'after-sb-1pri': 'discard-secondary',
      'after-sb-2pri': 'disconnect',
    });
    // 8.4 promotes both nodes when the init script starts DRBD; DRBD 9 drops the option (its
    // auto-promote makes a node primary when the file system is mounted).
    if (version === '8.4' && plan.fencing === 'none') startup['become-primary-on'] = 'both';
    if (plan.fencing === 'pacemaker') {
      // DRBD 9 moved `fencing` from the disk to the net section (reference §3.2).
      if (version === '9') {
        net.fencing = 'resource-and-stonith';
        handlers['fence-peer'] = `${SCRIPTS}/crm-fence-peer.9.sh`;
        handlers['unfence-peer'] = `${SCRIPTS}/crm-unfence-peer.9.sh`;
      } else {
        disk.fencing = 'resource-and-stonith';
        handlers['fence-peer'] = `${SCRIPTS}/crm-fence-peer.sh`;
        handlers['after-resync-target'] = `${SCRIPTS}/crm-unfence-peer.sh`;
      }
    }
  }
  return { net, disk, startup, handlers };
}

/**
 * `/etc/drbd.d/NAME.res` for one planned resource: its model, written with `emit`. The plan is
 * valid by construction and `lab generate` lints every file before writing it, so the model is
 * built directly instead of through the validating `drbd` builders of `@ftkit/drbd-conf/schema`,
 * which would load zod at every `lab generate`.
 */
export function emitDrbdResource(plan: LabPlan, name: string): string {
  const r = plan.resources.find((x) => x.name === name)!;
  const s = sectionsFor(r, plan);
  const section = (
    kind: DrbdSection['kind'],
    values: Readonly<Record<string, string | readonly string[]>>,
  ): DrbdSection[] => {
    const options: DrbdOption[] = Object.entries(values).map(([n, v]) =>
      typeof v === 'string' ? { name: n, value: v } : { name: n, value: v[0]!, more: v.slice(1) },
    );
    return options.length > 0 ? [{ kind, options }] : [];
  };
  const res: DrbdResource = {
    name: r.name,
    sections: [
      ...section('net', s.net),
      ...section('startup', s.startup),
      ...section('handlers', s.handlers),
      ...section('disk', s.disk),
    ],
    volumes: [
      {
        device: { name: r.device },
        disk: r.disk,
        metaDisk: r.metaDisk === 'internal' ? { kind: 'internal' } : { kind: 'external', path: r.metaDisk },
      },
    ],
    hosts: r.hosts.map((h) => ({
      kind: 'on' as const,
      names: [h.name],
      address: {
        ...(h.address.includes(':') ? { family: 'ipv6' as const } : {}),
        ip: h.address,
        port: String(h.port),
      },
      ...(h.nodeId !== undefined ? { nodeId: h.nodeId } : {}),
      volumes: [],
    })),
    connections: [],
    meshes: r.mesh ? [{ hosts: r.hosts.map((h) => h.name) }] : [],
  };
  return emit({ drbdVersion: plan.drbdVersion, resources: [res], includes: [], requires: [] });
}

function loc(file: string, span: Span | undefined, value: string): Located<string> | undefined {
  return span ? { file, span: { start: span.start, end: span.end }, value } : undefined;
}

/** The span of `word` at or after `from` inside `text` (for names the model gives no span of their own). */
function find(text: string, word: string, from: number, to: number): Span | undefined {
  const i = text.indexOf(word, from);
  return i >= 0 && i < to ? { start: i, end: i + word.length } : undefined;
}

function option(r: DrbdResource, kinds: readonly string[], name: string): DrbdOption | undefined {
  for (const s of r.sections) {
    if (!kinds.includes(s.kind)) continue;
    const o = s.options.find((x) => x.name === name);
    if (o) return o;
  }
  return undefined;
}

function optionFact(text: string, file: string, o: DrbdOption | undefined): Located<string> | undefined {
  if (!o?.span) return undefined;
  const value = o.negated && o.value === undefined ? 'no' : (o.value ?? 'yes');
  // Point at the value when it is written, else at the option name.
  const v = o.value !== undefined ? find(text, o.value, o.span.start + o.name.length, o.span.end) : undefined;
  return { file, value, span: v ?? { start: o.span.start, end: o.span.start + o.name.length } };
}

function volume0(vs: readonly DrbdVolume[]): DrbdVolume | undefined {
  return vs.find((v) => v.number === undefined || v.number === 0);
}

/** Reads the facts the cross-file rules need from a DRBD config file (includes are not followed). */
export function drbdFacts(text: string, file: string, drbdVersion: '9' | '8.4' = '9'): DrbdResourceFact[] {
  const parsed = parse(text, { fileName: file, drbdVersion });
  const out: DrbdResourceFact[] = [];
  for (const r of parsed.model.resources) {
    const rs = r.span ?? { start: 0, end: text.length };
    const name = loc(file, find(text, r.name, rs.start, rs.end), r.name) ?? {
      file,
      span: { start: rs.start, end: rs.start },
      value: r.name,
    };
    const proto = option(r, ['net'], 'protocol');
    const protocol =
      optionFact(text, file, proto) ??
      (r.protocol ? loc(file, find(text, r.protocol, rs.start, rs.end), r.protocol) : undefined);
    const a2p = optionFact(text, file, option(r, ['net'], 'allow-two-primaries'));
    const fencing = optionFact(text, file, option(r, ['net', 'disk'], 'fencing'));
    const fencePeer = optionFact(
      text,
      file,
      option(r, ['handlers'], 'fence-peer') ?? option(r, ['handlers'], 'outdate-peer'),
    );
    const top = volume0(r.volumes);
    const hosts: DrbdHostFact[] = r.hosts
      .filter((h) => h.kind === 'on' && h.names.length > 0)
      .map((h) => {
        const hs = h.span ?? rs;
        const hostName = h.names[0]!;
        const nameSpan = find(text, hostName, hs.start, hs.end) ?? { start: hs.start, end: hs.start };
        const a = h.address;
        const own = volume0(h.volumes);
        const device = own?.device ?? top?.device;
        const disk = own?.disk !== undefined ? own : top?.disk !== undefined ? top : undefined;
        const deviceName =
          device?.name ?? (device?.minor !== undefined ? `/dev/drbd${device.minor}` : undefined);
        const ipSpan = a?.span ? find(text, a.ip, a.span.start, a.span.end) : undefined;
        const portSpan = a?.span ? { start: a.span.end - a.port.length, end: a.span.end } : undefined;
        return {
          name: { file, value: hostName, span: nameSpan },
          ...(a && ipSpan ? { address: { file, value: a.ip, span: ipSpan } } : {}),
          ...(a && portSpan && /^\d+$/.test(a.port)
            ? { port: { file, value: Number(a.port), span: portSpan } }
            : {}),
          ...(h.nodeId !== undefined ? { nodeId: { file, value: h.nodeId, span: nameSpan } } : {}),
          ...(disk?.disk !== undefined
            ? {
                disk: {
                  file,
                  value: disk.disk,
                  span:
                    (disk.span && find(text, disk.disk, disk.span.start, disk.span.end)) ||
                    find(text, disk.disk, hs.start, hs.end) ||
                    find(text, disk.disk, rs.start, rs.end) ||
                    nameSpan,
                },
              }
            : {}),
          ...(deviceName !== undefined
            ? {
                device: {
                  file,
                  value: deviceName.startsWith('/') ? deviceName : `/dev/${deviceName}`,
                  span: (device?.span && { start: device.span.start, end: device.span.end }) || nameSpan,
                },
              }
            : {}),
        };
      });
    out.push({
      file,
      name,
      ...(protocol ? { protocol: { ...protocol, value: protocol.value.toUpperCase() } } : {}),
      ...(a2p ? { allowTwoPrimaries: { ...a2p, value: a2p.value === 'yes' } } : {}),
      ...(fencing ? { fencing } : {}),
      ...(fencePeer ? { fencePeer } : {}),
      hosts,
      // emit ignores spans and comments: equal texts mean equal resources.
      canonical: emit({ drbdVersion: parsed.model.drbdVersion, resources: [r], includes: [], requires: [] }),
    });
  }
  return out;
}

import type { DiagnosticCollector, ParseResult } from '@ftkit/core';
import { checkText, collectorFor, type SourceParseOptions, shown } from '../../diagnostics.js';
import { type ProcDrbdCst, type ProcLine, parseProcDrbdCst } from './cst.js';
import type {
  Congestion,
  IoFlags,
  ProcBuild,
  ProcCounters,
  ProcDevice,
  ProcDrbd,
  ProcProgress,
  ProcTransports,
  ProcVersion,
} from './schema.js';

const reVersion = /^version: (\S+) \(api:(\d+)\/proto:(\d+)(?:-(\d+))?\)( \(compat 8\.4\))?\s*$/;
const reRelease = /^(\d+)\.(\d+)(?:\.(\d+))?(.*)$/;
const reState =
  /^ *(\d+): cs:(\S+)(?: (st|ro):([^/ ]*)\/(\S*) ds:([^/ ]*)\/(\S*) (.) ([^ \t]*))?([ \t]*)(.*)$/;
const reTransports = /^Transports \(api:(\d+)\):((?: \S+ \([^)]*\))*)\s*$/;
const reTransportItem = / (\S+) \(([^)]*)\)/g;
const reBar = /^\s*\[([^\]]*)\] (sync'ed|verified):\s*(\d+)\.(\d)% \((\d+)\/(\d+)\)([KM])(.*)$/;
const reFinish =
  /^\s*finish: (?:(\d+):(\d\d):(\d\d)|∞) speed: (-?[\d,]+) \((?:(-?[\d,]+) -- )?(-?[\d,]+)\)(?: want: (-?[\d,]+))? K\/sec( \(stalled\))?\s*$/;
const reSectorPos = /^\s*(\d+)% sector pos: (\d+)\/(\d+)(?: stop sector: (\d+))?\s*$/;
const reOldVerify = /^\s*(\d+)%(?: oos:(\d+))?\s+(\d+)\s*\/\s*(\d+)\s*$/;
const reLru =
  /^\s*(resync|act_log): used:(\d+)\/(\d+) hits:(\d+) misses:(\d+) starving:(\d+) (dirty|locked):(\d+) changed:(\d+)\s*$/;
const reBlocked = /^\s*blocked on activity log: (\d+)\s*$/;

const congestionByChar: Readonly<Record<string, Congestion>> = {
  '-': 'none',
  d: 'drbd',
  c: 'helper',
  b: 'backing',
  n: 'network',
  a: 'both',
  '\0': 'unset',
};

function pauseFlag(flags: string, letter: string, position: number): boolean {
  const c = flags[position];
  if (c === letter) return true;
  if (c !== undefined && c !== '-' && c !== 'a' && c !== 'p' && c !== 'u') return true;
  const part = flags.slice(1, 4);
  return part.includes(letter);
}

/** Decodes the I/O flag string position by position (4–6 characters; any character accepted). */
export function decodeIoFlags(flags: string): IoFlags {
  const c5 = flags.length >= 5 ? flags[4]! : undefined;
  return {
    ioSuspended: flags[0] === 's',
    // Positions 2–4 are `a`, `p`, `u`; read by letter within them so a shifted letter still counts.
    resyncAfterDependency: pauseFlag(flags, 'a', 1),
    peerPaused: pauseFlag(flags, 'p', 2),
    userPaused: pauseFlag(flags, 'u', 3),
    congestion: c5 === undefined ? null : (congestionByChar[c5] ?? 'unknown'),
    alSuspended: flags.length >= 6 ? flags[5] !== '-' : null,
  };
}

/** Parses a number printed with any of DRBD's thousands-grouping styles (`1,005`, `1234,567`). */
export function parseGrouped(text: string): number {
  return Number(text.replaceAll(',', ''));
}

/** Reads the `version:` line; `null` when the line is not one. */
export function parseVersionLine(line: string): ProcVersion | null {
  const m = reVersion.exec(line);
  if (!m) return null;
  const r = reRelease.exec(m[1]!);
  return {
    release: m[1]!,
    major: r ? Number(r[1]) : 0,
    minor: r ? Number(r[2]) : 0,
    patch: r?.[3] !== undefined ? Number(r[3]) : 0,
    suffix: r ? r[4]! : m[1]!,
    api: Number(m[2]),
    protoMin: Number(m[3]),
    protoMax: m[4] !== undefined ? Number(m[4]) : null,
    compat84: m[5] !== undefined,
  };
}

/** Reads the build line (line 2): kept whole in `raw`, the known forms taken apart. */
export function parseBuildLine(line: string): ProcBuild {
  let m = /^GIT-hash: ([0-9a-fA-F]+) reproducible build, (.*)$/.exec(line);
  if (m) return { raw: line, kind: 'git', gitHash: m[1]!, reproducible: true, date: m[2]! };
  m = /^GIT-hash: ([0-9a-fA-F]+)((?: \S+)*?) build by (.*?), (.*)$/.exec(line);
  if (m) {
    const changed = m[2]!.trim();
    return {
      raw: line,
      kind: 'git',
      gitHash: m[1]!,
      ...(changed ? { changedFiles: changed.split(' ') } : {}),
      builder: m[3]!,
      date: m[4]!,
    };
  }
  m = /^SVN Revision: (\S+) build by (.*?), (.*)$/.exec(line);
  if (m) return { raw: line, kind: 'svn', svnRevision: m[1]!, builder: m[2]!, date: m[3]! };
  m = /^srcversion: (\S+)\s*$/.exec(line);
  if (m) return { raw: line, kind: 'srcversion', srcversion: m[1]! };
  if (line.trim() === 'built-in') return { raw: line, kind: 'built-in' };
  return { raw: line, kind: 'other' };
}

function parseTransports(line: string): ProcTransports | null {
  const m = reTransports.exec(line);
  if (!m) return null;
  const list: { name: string; version: string }[] = [];
  for (const t of m[2]!.matchAll(reTransportItem)) list.push({ name: t[1]!, version: t[2]! });
  return { api: Number(m[1]), list };
}

/** A device line's model before its fields are read: every field empty (`null` or `[]`). */
export function newDevice(minor: number, cs: string): ProcDevice {
  return {
    minor,
    cs,
    roleKey: null,
    role: null,
    peerRole: null,
    disk: null,
    peerDisk: null,
    protocol: null,
    flags: null,
    io: null,
    counters: null,
    extraCounters: [],
    progress: null,
    oldVerify: null,
    sectorPos: null,
    lru: [],
    lruDump: [],
    blockedOnActivityLog: null,
    otherLines: [],
  };
}

const requiredCounters = ['ns', 'nr', 'dw', 'dr', 'al', 'bm', 'lo', 'pe', 'ua', 'ap'] as const;

/** Decimal integer in `t[start, end)` (optional `-`), or NaN; no regexp, no substring. */
function parseDecimal(t: string, start: number, end: number): number {
  let i = start;
  let sign = 1;
  if (i < end && t.charCodeAt(i) === 45) {
    sign = -1;
    i++;
  }
  if (i >= end) return Number.NaN;
  let v = 0;
  for (; i < end; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return sign * v;
}

const cc = (k: string) => (k.charCodeAt(0) << 8) | k.charCodeAt(1);
const [NS, NR, DW, DR, AL, BM, LO, PE, UA, AP, EP, WO] = [
  'ns',
  'nr',
  'dw',
  'dr',
  'al',
  'bm',
  'lo',
  'pe',
  'ua',
  'ap',
  'ep',
  'wo',
].map(cc) as [number, number, number, number, number, number, number, number, number, number, number, number];
const OOS = 0x6f6f73;

/** Stores a known counter by its two-letter code (no substring, monomorphic stores); false if unknown. */
function setCounter(c: Record<string, number | string>, code: number, v: number): boolean {
  switch (code) {
    case NS:
      c.ns = v;
      return true;
    case NR:
      c.nr = v;
      return true;
    case DW:
      c.dw = v;
      return true;
    case DR:
      c.dr = v;
      return true;
    case AL:
      c.al = v;
      return true;
    case BM:
      c.bm = v;
      return true;
    case LO:
      c.lo = v;
      return true;
    case PE:
      c.pe = v;
      return true;
    case UA:
      c.ua = v;
      return true;
    case AP:
      c.ap = v;
      return true;
    case EP:
      c.ep = v;
      return true;
    case OOS:
      c.oos = v;
      return true;
    default:
      return false;
  }
}

const knownCounters = new Set(['ns', 'nr', 'dw', 'dr', 'al', 'bm', 'lo', 'pe', 'ua', 'ap', 'ep', 'oos']);

function finishInto(p: ProcProgress, m: RegExpExecArray): void {
  p.finishSeconds = m[1] !== undefined ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
  p.speed = parseGrouped(m[4]!);
  p.speed3s = m[5] !== undefined ? parseGrouped(m[5]) : null;
  p.average = parseGrouped(m[6]!);
  p.want = m[7] !== undefined ? parseGrouped(m[7]) : null;
  p.stalled = m[8] !== undefined;
}

/** The result of {@link parseProcDrbd}. */
export type ProcDrbdParseResult = ParseResult<ProcDrbdCst, ProcDrbd>;

/**
 * Parses one read of /proc/drbd (DRBD 8.0 – 8.4, DRBD 9 and its 8.4-compat lines) into the
 * {@link ProcDrbd} model. Never throws: problems become diagnostics. A read cut off in the middle
 * of a line gives every complete minor plus a `drbd-status/truncated-input` warning.
 */
export function parseProcDrbd(text: string, options: SourceParseOptions = {}): ProcDrbdParseResult {
  checkText(text);
  const cst = parseProcDrbdCst(text);
  const diagnostics = collectorFor(text, options);
  const model = composeProcDrbd(cst, diagnostics);
  return { cst, model, diagnostics: diagnostics.items };
}

const lineSpan = (l: ProcLine) => ({ start: l.start, end: l.start + l.text.length });

/** Builds the model from the CST, reporting problems to `out`. */
export function composeProcDrbd(cst: ProcDrbdCst, out: DiagnosticCollector): ProcDrbd {
  const lines = cst.lines;
  const model: ProcDrbd = { version: null, build: null, transports: null, devices: [] };
  if (lines.length === 0) {
    out.add({
      code: 'drbd-status/empty-input',
      severity: 'error',
      message: 'Expected a `version:` line, found nothing',
      span: { start: 0, end: 0 },
    });
    return model;
  }
  let count = lines.length;
  const last = lines[count - 1]!;
  let truncated = false;
  if (last.eol === '' && last.text.length > 0 && lines.length > 0) {
    truncated = true;
    count--;
    out.add({
      code: 'drbd-status/truncated-input',
      severity: 'warning',
      message: `Expected a complete line, found \`${shown(last.text)}\` cut off at the end of the read`,
      span: lineSpan(last),
    });
  }
  let i = 0;
  const first = lines[0]!;
  if (first.kind === 'version' && count > 0) {
    model.version = parseVersionLine(first.text);
    if (!model.version) {
      out.add({
        code: 'drbd-status/missing-version-line',
        severity: 'error',
        message: `Expected \`version: X.Y.Z (api:N/proto:A-B)\`, found \`${shown(first.text)}\``,
        span: lineSpan(first),
      });
    }
    i = 1;
    if (count > 1) {
      model.build = parseBuildLine(lines[1]!.text);
      i = 2;
    }
    const v = model.version;
    if (v && v.major < 8 && /^\d+\.\d+/.test(v.release)) {
      // DRBD 0.7 prints `st:` and `ld:` in another layout: say so once instead of a state-line
      // error per device, and read no devices from it.
      out.add({
        code: 'drbd-status/unsupported-version',
        severity: 'error',
        message: `Expected DRBD 8.0 or later, found ${v.release} (older versions print another layout)`,
        span: lineSpan(first),
      });
      return model;
    }
  } else if (count > 0 || !truncated) {
    i = 1;
    out.add({
      code: 'drbd-status/missing-version-line',
      severity: 'error',
      message: `Expected \`version:\` on the first line, found \`${shown(first.text)}\``,
      span: lineSpan(first),
    });
  }
  let dev: ProcDevice | undefined;
  let devLine: ProcLine | undefined;
  const seen = new Set<number>();
  const closeDevice = () => {
    if (dev && dev.cs !== 'Unconfigured' && dev.counters === null && devLine) {
      out.add({
        code: 'drbd-status/missing-counter-line',
        severity: 'error',
        message: `Expected an \`ns:\` counter line after minor ${dev.minor}`,
        span: lineSpan(devLine),
      });
    }
  };
  for (; i < count; i++) {
    const l = lines[i]!;
    const t = l.text;
    switch (l.kind) {
      case 'blank':
        break;
      case 'transports': {
        const tr = parseTransports(t);
        if (tr) model.transports = tr;
        else
          out.add({
            code: 'drbd-status/unknown-line',
            severity: 'warning',
            message: `Expected \`Transports (api:N): name (version) …\`, found \`${shown(t)}\``,
            span: lineSpan(l),
          });
        break;
      }
      case 'state': {
        closeDevice();
        const m = reState.exec(t);
        if (!m) {
          dev = undefined;
          out.add({
            code: 'drbd-status/invalid-state-line',
            severity: 'error',
            message: `Expected \`N: cs:STATE ro:R/R ds:D/D P flags\`, found \`${shown(t)}\``,
            span: lineSpan(l),
          });
          break;
        }
        const minor = Number(m[1]);
        if (!Number.isSafeInteger(minor)) {
          // The kernel's minors are far below 2^53; a longer digit run would read as Infinity.
          dev = undefined;
          out.add({
            code: 'drbd-status/invalid-state-line',
            severity: 'error',
            message: `Expected a minor number, found \`${shown(m[1]!)}\``,
            span: { start: l.start + t.indexOf(m[1]!), end: l.start + t.indexOf(m[1]!) + m[1]!.length },
          });
          break;
        }
        dev = newDevice(minor, m[2]!);
        devLine = l;
        if (m[3] !== undefined) {
          dev.roleKey = m[3] as 'ro' | 'st';
          dev.role = m[4]!;
          dev.peerRole = m[5]!;
          dev.disk = m[6]!;
          dev.peerDisk = m[7]!;
          dev.protocol = m[8] === ' ' ? null : m[8]!;
          dev.flags = m[9]!;
          dev.io = decodeIoFlags(m[9]!);
        } else if (m[2] !== 'Unconfigured') {
          out.add({
            code: 'drbd-status/invalid-state-line',
            severity: 'error',
            message: `Expected \`ro:\`, \`ds:\`, protocol and flags after \`cs:${shown(m[2]!)}\`, found \`${shown(m[11]!)}\``,
            span: lineSpan(l),
          });
        }
        if (m[11]!.length > 0 && (m[3] !== undefined || m[2] === 'Unconfigured')) {
          out.add({
            code: 'drbd-status/invalid-state-line',
            severity: 'warning',
            message: `Unexpected \`${shown(m[11]!)}\` at the end of the line of minor ${minor}`,
            span: { start: l.start + t.length - m[11]!.length, end: l.start + t.length },
          });
        }
        const prev = model.devices[model.devices.length - 1];
        if (seen.has(minor)) {
          out.add({
            code: 'drbd-status/duplicate-minor',
            severity: 'warning',
            message: `Duplicate minor ${minor}`,
            span: lineSpan(l),
          });
        } else if (prev && prev.minor > minor) {
          out.add({
            code: 'drbd-status/minor-out-of-order',
            severity: 'warning',
            message: `Expected a minor above ${prev.minor}, found ${minor}`,
            span: lineSpan(l),
          });
        }
        seen.add(minor);
        model.devices.push(dev);
        break;
      }
      case 'version':
      case 'build':
      case 'unknown':
        if (dev && (t.startsWith(' ') || t.startsWith('\t'))) {
          dev.otherLines.push(t);
          out.add({
            code: 'drbd-status/unknown-line',
            severity: 'info',
            message: `Unknown detail line \`${shown(t.trim())}\` (kept as text)`,
            span: lineSpan(l),
          });
        } else {
          out.add({
            code: 'drbd-status/unknown-line',
            severity: 'warning',
            message: `Unexpected line \`${shown(t)}\``,
            span: lineSpan(l),
          });
        }
        break;
      default: {
        if (!dev) {
          out.add({
            code: 'drbd-status/orphan-line',
            severity: 'warning',
            message: `Unexpected \`${shown(t.trim())}\` before the first device line`,
            span: lineSpan(l),
          });
          break;
        }
        if (t.charCodeAt(0) !== 32 && t.charCodeAt(0) !== 9) {
          out.add({
            code: 'drbd-status/unindented-line',
            severity: 'warning',
            message: `Expected indentation before \`${shown(t)}\`; read as a detail line of minor ${dev.minor}`,
            span: {
              start: l.start,
              end: l.start + Math.min(t.length, t.indexOf(' ') < 0 ? t.length : t.indexOf(' ')),
            },
          });
        }
        detailLine(dev, l, out);
      }
    }
  }
  const cut = lines[lines.length - 1]!;
  if (truncated && dev && lines.length > 2 && cut.kind !== 'state' && cut.kind !== 'transports') {
    // The cut-off line belongs to the last block, so that minor is incomplete: keep whole minors only.
    model.devices.pop();
  } else if (dev && devLine && dev.cs !== 'Unconfigured' && dev.counters === null && dev.roleKey !== null) {
    // The read ended right after the last state line: that minor is incomplete too.
    model.devices.pop();
    out.add({
      code: 'drbd-status/truncated-input',
      severity: 'warning',
      message: `Expected an \`ns:\` counter line after minor ${dev.minor}, found the end of the read`,
      span: { start: devLine.start + devLine.text.length, end: devLine.start + devLine.text.length },
    });
  } else closeDevice();
  const v = model.version;
  if (v && v.major >= 9 && model.devices.length === 0 && lines.length >= 2) {
    out.add({
      code: 'drbd-status/drbd9-no-devices',
      severity: 'info',
      message: `DRBD ${v.release} lists no devices in /proc/drbd: read \`drbdsetup status --json\` or \`drbdsetup events2 --now\` instead`,
      span: { start: lines[0]!.start, end: lines[0]!.start + lines[0]!.text.length },
    });
  }
  return model;
}

function detailLine(dev: ProcDevice, l: ProcLine, out: DiagnosticCollector): void {
  const t = l.text;
  switch (l.kind) {
    case 'counters': {
      const c: Record<string, number | string> = {};
      let extra: [string, string][] | undefined;
      const n = t.length;
      let p = 0;
      while (p < n) {
        let ch = t.charCodeAt(p);
        if (ch === 32 || ch === 9) {
          p++;
          continue;
        }
        let end = p;
        while (end < n) {
          ch = t.charCodeAt(end);
          if (ch === 32 || ch === 9) break;
          end++;
        }
        const colon = t.indexOf(':', p);
        if (colon === -1 || colon >= end || colon === p) {
          extra ??= [];
          extra.push([t.slice(p, end), '']);
          out.add({
            code: 'drbd-status/invalid-counter',
            severity: 'warning',
            message: `Expected \`key:value\`, found \`${shown(t.slice(p, end))}\``,
            span: { start: l.start + p, end: l.start + end },
          });
          p = end;
          continue;
        }
        const len = colon - p;
        const code =
          len === 2
            ? (t.charCodeAt(p) << 8) | t.charCodeAt(p + 1)
            : len === 3 && t.startsWith('oos', p)
              ? OOS
              : -1;
        if (code === WO) {
          c.wo = t.slice(colon + 1, end);
          p = end;
          continue;
        }
        const num = code === -1 ? Number.NaN : parseDecimal(t, colon + 1, end);
        if (!Number.isNaN(num) && setCounter(c, code, num)) {
          p = end;
          continue;
        }
        const key = t.slice(p, colon);
        {
          const value = t.slice(colon + 1, end);
          if (knownCounters.has(key)) {
            out.add({
              code: 'drbd-status/invalid-counter',
              severity: 'warning',
              message: `Expected a number for \`${key}\`, found \`${shown(value)}\``,
              span: { start: l.start + p, end: l.start + end },
            });
          }
          extra ??= [];
          extra.push([key, value]);
        }
        p = end;
      }
      for (const k of requiredCounters) {
        if (c[k] === undefined) {
          out.add({
            code: 'drbd-status/invalid-counter',
            severity: 'warning',
            message: `Missing counter \`${k}\` on the line of minor ${dev.minor}`,
            span: { start: l.start, end: l.start + t.length },
          });
          c[k] = 0;
        }
      }
      dev.counters = c as unknown as ProcCounters;
      dev.extraCounters = extra ?? [];
      return;
    }
    case 'progress-bar': {
      const m = reBar.exec(t);
      if (!m) break;
      const p: ProcProgress = {
        kind: m[2] === 'verified' ? 'verify' : 'resync',
        bar: m[1]!,
        permille: Number(m[3]) * 10 + Number(m[4]),
        left: Number(m[5]),
        total: Number(m[6]),
        unit: m[7] as 'K' | 'M',
        barSuffix: '',
        glued: false,
        finishSeconds: null,
        stalledLine: false,
        speed: null,
        speed3s: null,
        average: null,
        want: null,
        stalled: false,
      };
      const rest = m[8]!;
      const glued = rest.startsWith('finish:') ? reFinish.exec(rest) : null;
      if (glued) {
        p.glued = true;
        finishInto(p, glued);
      } else p.barSuffix = rest;
      dev.progress = p;
      return;
    }
    case 'progress-finish': {
      const m = reFinish.exec(t);
      if (!m || !dev.progress) break;
      finishInto(dev.progress, m);
      return;
    }
    case 'progress-stalled':
      if (!dev.progress || t.trim() !== 'stalled') break;
      dev.progress.stalledLine = true;
      return;
    case 'sector-pos': {
      const m = reSectorPos.exec(t);
      if (!m) break;
      dev.sectorPos = {
        percent: Number(m[1]),
        position: Number(m[2]),
        max: Number(m[3]),
        stop: m[4] !== undefined ? Number(m[4]) : null,
      };
      return;
    }
    case 'old-verify': {
      const m = reOldVerify.exec(t);
      if (!m) break;
      dev.oldVerify = {
        percent: Number(m[1]),
        oosBits: m[2] !== undefined ? Number(m[2]) : null,
        done: Number(m[3]),
        total: Number(m[4]),
      };
      return;
    }
    case 'lru': {
      const m = reLru.exec(t);
      if (!m) break;
      dev.lru.push({
        name: m[1]!,
        used: Number(m[2]),
        size: Number(m[3]),
        hits: Number(m[4]),
        misses: Number(m[5]),
        starving: Number(m[6]),
        lockedKey: m[7] as 'dirty' | 'locked',
        locked: Number(m[8]),
        changed: Number(m[9]),
      });
      return;
    }
    case 'lru-dump':
      dev.lruDump.push(t);
      return;
    case 'blocked-al': {
      const m = reBlocked.exec(t);
      if (!m) break;
      dev.blockedOnActivityLog = Number(m[1]);
      return;
    }
    default:
      break;
  }
  dev.otherLines.push(t);
  out.add({
    code:
      l.kind.startsWith('progress') || l.kind === 'sector-pos' || l.kind === 'old-verify'
        ? 'drbd-status/invalid-progress-line'
        : 'drbd-status/unknown-line',
    severity: 'warning',
    message: `Unexpected \`${shown(t.trim())}\` in the block of minor ${dev.minor} (kept as text)`,
    span: { start: l.start, end: l.start + t.length },
  });
}

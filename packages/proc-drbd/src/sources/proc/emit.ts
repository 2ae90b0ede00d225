import type { ProcDevice, ProcDrbd, ProcProgress, ProcVersion } from './schema.js';

/** `major.minor.patch` as one comparable number (8.3.10 → 8003010); 8.4.11 when unknown. */
export function versionKey(v: ProcVersion | null): number {
  if (!v) return 8_004_011;
  return v.major * 1_000_000 + v.minor * 1_000 + v.patch;
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * Formats a speed the way the kernel of that version does: 8.3.10+ groups every three digits
 * (`1,005`, `1,234,567`); 8.0 – 8.3.9 print at most one comma, only above 1000 (`1234,567`).
 */
export function formatGrouped(value: number, version: number): string {
  if (value < 0) return `-${formatGrouped(-value, version)}`;
  if (version < 8_003_010) {
    return value > 1000 ? `${Math.floor(value / 1000)},${pad3(value % 1000)}` : String(value);
  }
  if (value < 1000) return String(value);
  if (value < 1_000_000) return `${Math.floor(value / 1000)},${pad3(value % 1000)}`;
  return `${Math.floor(value / 1_000_000)},${pad3(Math.floor(value / 1000) % 1000)},${pad3(value % 1000)}`;
}

/**
 * The kernel's progress bar for a per-mille value: `x = permille / 50`, then `x − 1` `=`, one
 * `>` and `20 − x` dots (21 characters below 5 %). DRBD 8.0 – 8.2.1 computed it from the
 * remaining fraction (always 20 characters).
 */
export function progressBar(permille: number, version = 8_004_011): string {
  if (version < 8_002_002) {
    const y = Math.floor((1000 - permille) / 50);
    return `${'='.repeat(Math.max(0, 20 - y - 1))}>${'.'.repeat(y)}`;
  }
  const x = Math.floor(permille / 50);
  return `${'='.repeat(Math.max(0, x - 1))}>${'.'.repeat(20 - x)}`;
}

/** `h:mm:ss` with unpadded, unlimited hours. */
export function formatFinish(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function finishText(p: ProcProgress, ver: number): string {
  const g = (n: number) => formatGrouped(n, ver);
  const finish = p.finishSeconds === null ? '∞' : formatFinish(p.finishSeconds);
  const avg = `${p.speed3s !== null ? `${g(p.speed3s)} -- ` : ''}${g(p.average ?? 0)}`;
  return `finish: ${finish} speed: ${g(p.speed ?? 0)} (${avg})${p.want !== null ? ` want: ${g(p.want)}` : ''} K/sec${
    p.stalled ? ' (stalled)' : ''
  }`;
}

function emitDevice(d: ProcDevice, ver: number): string {
  let out = `${String(d.minor).padStart(2, ' ')}: cs:${d.cs}`;
  if (d.roleKey !== null) {
    out += ` ${d.roleKey}:${d.role ?? ''}/${d.peerRole ?? ''} ds:${d.disk ?? ''}/${d.peerDisk ?? ''} ${d.protocol ?? ' '} ${d.flags ?? ''}`;
  }
  out += '\n';
  if (d.counters) {
    const c = d.counters;
    out += `    ns:${c.ns} nr:${c.nr} dw:${c.dw} dr:${c.dr} al:${c.al} bm:${c.bm} lo:${c.lo} pe:${c.pe} ua:${c.ua} ap:${c.ap}`;
    if (c.ep !== undefined) out += ` ep:${c.ep}`;
    if (c.wo !== undefined) out += ` wo:${c.wo}`;
    if (c.oos !== undefined) out += ` oos:${c.oos}`;
    for (const [k, v] of d.extraCounters) out += ` ${k}:${v}`;
    out += '\n';
  }
  const p = d.progress;
  if (p) {
    const label = p.kind === 'verify' ? 'verified:' : "sync'ed:";
    const pct = `${String(Math.floor(p.permille / 10)).padStart(3, ' ')}.${p.permille % 10}`;
    out += `\t[${p.bar}] ${label}${pct}% (${p.left}/${p.total})${p.unit}`;
    if (p.glued) out += `${finishText(p, ver)}\n`;
    else {
      out += `${p.barSuffix}\n`;
      if (p.stalledLine) out += '\tstalled\n';
      else if (p.speed !== null) out += `\t${finishText(p, ver)}\n`;
    }
  }
  const v = d.oldVerify;
  if (v) {
    const pct = String(v.percent).padStart(3, ' ');
    if (v.oosBits === null) out += `\t${pct}%      ${v.done}/${v.total}\n`;
    else if (ver < 8_002_005) out += `\t${pct}% oos:${v.oosBits}  ${v.done} / ${v.total} \n`;
    else out += `\t${pct}% oos:${v.oosBits}  ${v.done}/${v.total}\n`;
  }
  const s = d.sectorPos;
  if (s) {
    out += `\t${String(s.percent).padStart(3, ' ')}% sector pos: ${s.position}/${s.max}${s.stop !== null ? ` stop sector: ${s.stop}` : ''}\n`;
  }
  for (const l of d.lru) {
    out += `\t${l.name}: used:${l.used}/${l.size} hits:${l.hits} misses:${l.misses} starving:${l.starving} ${l.lockedKey}:${l.locked} changed:${l.changed}\n`;
  }
  for (const l of d.lruDump) out += `${l}\n`;
  if (d.blockedOnActivityLog !== null) out += `\tblocked on activity log: ${d.blockedOnActivityLog}\n`;
  for (const l of d.otherLines) out += `${l}\n`;
  return out;
}

/**
 * Writes a {@link ProcDrbd} model as the kernel would print /proc/drbd for its version (TABs,
 * `%2d` minors, one empty line before every gap in the minor numbers, the version's number
 * grouping). `emitProcDrbd(parseProcDrbd(x).model) === x` for kernel-formatted input.
 */
export function emitProcDrbd(model: ProcDrbd): string {
  const ver = versionKey(model.version);
  let out = '';
  const v = model.version;
  if (v) {
    out += `version: ${v.release} (api:${v.api}/proto:${v.protoMin}${v.protoMax !== null ? `-${v.protoMax}` : ''})${
      v.compat84 ? ' (compat 8.4)' : ''
    }\n`;
  }
  if (model.build) out += `${model.build.raw}\n`;
  if (model.transports) {
    out += `Transports (api:${model.transports.api}):${model.transports.list.map((t) => ` ${t.name} (${t.version})`).join('')}\n`;
  }
  let prev = -1;
  for (const d of model.devices) {
    if (d.minor !== prev + 1) out += '\n';
    prev = d.minor;
    out += emitDevice(d, ver);
  }
  return out;
}

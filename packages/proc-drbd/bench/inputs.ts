import {
  emitEvents2,
  emitProcDrbd,
  type ProcDevice,
  type ProcDrbd,
  parse,
  parseProcDrbd,
} from '../src/index.js';
import { progressBar } from '../src/sources/proc/emit.js';

/** /proc/drbd with `n` minors, every fourth one resyncing (built with the emitter). */
export function procWithMinors(n: number): string {
  const devices: ProcDevice[] = [];
  const template = parseProcDrbd(
    'version: 8.4.11-1 (api:1/proto:86-101)\nx\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n',
  ).model.devices[0]!;
  for (let minor = 0; minor < n; minor++) {
    const syncing = minor % 4 === 1;
    const permille = (minor * 37) % 1000;
    devices.push({
      ...template,
      minor,
      cs: syncing ? 'SyncSource' : 'Connected',
      peerDisk: syncing ? 'Inconsistent' : 'UpToDate',
      counters: {
        ns: 1_000_000 + minor * 7919,
        nr: minor * 31,
        dw: 2_000_000 + minor,
        dr: 3_000_000 + minor * 3,
        al: minor,
        bm: minor * 2,
        lo: minor % 3,
        pe: minor % 5,
        ua: 0,
        ap: minor % 7,
        ep: 1,
        wo: 'f',
        oos: syncing ? 5_000_000 : 0,
      },
      progress: syncing
        ? {
            kind: 'resync',
            bar: progressBar(permille),
            permille,
            left: 5_000_000,
            total: 8_388_608,
            unit: 'K',
            barSuffix: '',
            glued: false,
            finishSeconds: 3600 + minor,
            stalledLine: false,
            speed: 81_236,
            speed3s: null,
            average: 78_640,
            want: null,
            stalled: false,
          }
        : null,
    });
  }
  const model: ProcDrbd = {
    version: {
      release: '8.4.11-1',
      major: 8,
      minor: 4,
      patch: 11,
      suffix: '-1',
      api: 1,
      protoMin: 86,
      protoMax: 101,
      compat84: false,
    },
    build: {
      raw: 'GIT-hash: 66145a308421e9c124ec391a7848ac20203bb03c build by mockbuild@, 2018-11-03 01:26:55',
      kind: 'git',
    },
    transports: null,
    devices,
  };
  return emitProcDrbd(model);
}

/**
 * What prometheus/node_exporter's drbd collector does: split the file on whitespace, take every
 * token with one colon as key:value, start a device on `N:`. Extracts far less (no protocol,
 * flags, progress) and mis-reads the rest, as documented in the reference.
 */
export function nodeExporterStyle(text: string): Map<string, Map<string, string>> {
  const devices = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const field of text.split(/\s+/)) {
    const kv = field.split(':');
    if (kv.length !== 2) continue;
    if (kv[1] === '') {
      current = new Map();
      devices.set(`drbd${kv[0]}`, current);
      continue;
    }
    current?.set(kv[0]!, kv[1]!);
  }
  return devices;
}

/** An events2 stream of `lines` lines: a 16-resource initial dump repeated as `change` lines. */
export function events2Stream(lines: number): string {
  const dump = emitEvents2(parse(procWithMinors(16)).model, {
    timestamp: '2024-06-20T10:15:42.118351+02:00',
  })
    .split('\n')
    .filter((l) => l.length > 0);
  const out: string[] = [];
  while (out.length < lines) {
    for (const l of dump) {
      out.push(out.length < dump.length ? l : l.replace(' exists ', ' change '));
      if (out.length >= lines) break;
    }
  }
  return `${out.join('\n')}\n`;
}

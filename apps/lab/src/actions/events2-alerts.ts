import type { Events2Event } from '@ftkit/proc-drbd';

/** What went wrong: the kinds `ftkit events2 --alert` reports. */
export type AlertKind =
  | 'split-brain'
  | 'disconnect'
  | 'quorum-lost'
  | 'resync-stalled'
  | 'io-suspended'
  | 'disk-failed';

/** One transition into an unhealthy state. */
export interface Alert {
  readonly timestamp: string | null;
  readonly kind: AlertKind;
  readonly resource: string;
  /** Connection name, for connection and peer-device alerts. */
  readonly connection?: string;
  readonly volume?: string;
  /** One sentence, no trailing period. */
  readonly message: string;
}

const splitBrainHelpers = new Set(['split-brain', 'pri-lost-after-sb']);
const badDisks = new Set(['Failed', 'Diskless']);

/** Per-object fields the checks need (events carry only what changed unless `--full`). */
type Fields = Record<string, string>;

/**
 * Turns a `drbdsetup events2` stream into alerts: one per transition of an object into an
 * unhealthy state (a split-brain handler call; a connection leaving Connected; lost quorum; a
 * resync or verify that stalls; suspended I/O; a failed or unintentionally diskless disk). An
 * object that stays unhealthy is not reported again until it has been healthy in between. The
 * state already unhealthy in the initial dump is reported once. Memory is one small record per
 * live DRBD object; destroyed objects are forgotten.
 */
export class Events2Alerts {
  /** resource → object key → last known fields. */
  private readonly objects = new Map<string, Map<string, Fields>>();
  /** Keys (`object key` + `kind`) currently unhealthy. */
  private readonly active = new Map<string, Set<string>>();

  /** Applies one event; returns the alerts it raises (usually none). */
  apply(e: Events2Event): Alert[] {
    const f = e.fields;
    const resource = f.name;
    if (resource === undefined) return [];
    const base = { timestamp: e.timestamp, resource };
    if (e.object === 'helper') {
      if (e.action === 'call' && f.helper !== undefined && splitBrainHelpers.has(f.helper)) {
        const conn = f['conn-name'];
        return [
          {
            ...base,
            kind: 'split-brain',
            ...(conn !== undefined ? { connection: conn } : {}),
            message: `the kernel called the \`${f.helper}\` handler`,
          },
        ];
      }
      return [];
    }
    let perResource = this.objects.get(resource);
    let active = this.active.get(resource);
    if (e.action === 'destroy' && e.object === 'resource') {
      this.objects.delete(resource);
      this.active.delete(resource);
      return [];
    }
    if (!perResource) {
      perResource = new Map();
      this.objects.set(resource, perResource);
    }
    if (!active) {
      active = new Set();
      this.active.set(resource, active);
    }
    const conn = f['conn-name'] ?? f['peer-node-id'];
    const key =
      e.object === 'resource'
        ? 'r'
        : e.object === 'device'
          ? `d ${f.volume ?? '0'}`
          : e.object === 'connection'
            ? `c ${conn ?? ''}`
            : e.object === 'peer-device'
              ? `p ${conn ?? ''} ${f.volume ?? '0'}`
              : undefined;
    if (key === undefined) return [];
    if (e.action === 'destroy') {
      // a destroyed connection takes its peer devices with it
      for (const k of [...perResource.keys()])
        if (k === key || (e.object === 'connection' && k.startsWith(`p ${conn ?? ''} `)))
          perResource.delete(k);
      for (const k of [...active]) if (k.startsWith(`${key}\u0000`)) active.delete(k);
      return [];
    }
    const state = { ...perResource.get(key), ...f };
    perResource.set(key, state);
    const where = {
      ...(e.object === 'connection' || e.object === 'peer-device' ? { connection: conn ?? '' } : {}),
      ...(e.object === 'device' || e.object === 'peer-device' ? { volume: f.volume ?? '0' } : {}),
    };
    const out: Alert[] = [];
    const check = (kind: AlertKind, bad: boolean, message: () => string) => {
      const id = `${key}\u0000${kind}`;
      if (!bad) active.delete(id);
      else if (!active.has(id)) {
        active.add(id);
        out.push({ ...base, kind, ...where, message: message() });
      }
    };
    if (e.object === 'resource') {
      const s = state.suspended;
      check('io-suspended', s !== undefined && s !== 'no', () => `I/O suspended (${s})`);
    } else if (e.object === 'connection') {
      const c = state.connection;
      check('disconnect', c !== undefined && c !== 'Connected', () => `connection ${c}`);
    } else if (e.object === 'device') {
      check('quorum-lost', state.quorum === 'no', () => 'quorum lost');
      const disk = state.disk;
      check(
        'disk-failed',
        disk !== undefined && badDisks.has(disk) && state.client !== 'yes',
        () => `disk ${disk}${disk === 'Diskless' ? ' (not a diskless client)' : ''}`,
      );
    } else {
      const r = state.replication ?? '';
      const done = Number(state.done ?? 'nan');
      // as the resync-stalled health check: no speed and no estimate part-way through
      const stalled =
        /^(Sync|Verify)/.test(r) &&
        state.dbdt1 !== undefined &&
        Number(state.dbdt1) === 0 &&
        state.eta === 'nan' &&
        done > 0;
      check('resync-stalled', stalled, () => `${r} stalled at ${state.done}%`);
    }
    return out;
  }
}

/** One alert as the line `ftkit events2 --alert` prints. */
export function formatAlert(a: Alert): string {
  const where = [a.resource, a.connection, a.volume === undefined ? undefined : `volume:${a.volume}`]
    .filter((x) => x !== undefined)
    .join(' ');
  return `${a.timestamp ? `${a.timestamp} ` : ''}${a.kind} ${where}: ${a.message}`;
}

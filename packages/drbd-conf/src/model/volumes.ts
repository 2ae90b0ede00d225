import type { DrbdHost, DrbdResource, DrbdVolume } from '../schema.js';

/** One effective volume of a host, and whether it is the implicit volume (no `volume N { }`). */
export interface HostVolume {
  /** The model's own volume when the host adds nothing to it, else a merged copy. */
  readonly vol: DrbdVolume;
  readonly implicit: boolean;
}

/**
 * Effective volumes of a host: resource-level volumes filled in by host statements (per field).
 * A volume the host does not touch is the model's object itself (no copy: this runs for every
 * host of every resource while parsing), so callers must not change it.
 */
export function hostVolumes(r: DrbdResource, h: DrbdHost): Map<number, HostVolume> {
  const out = new Map<number, HostVolume>();
  for (const v of r.volumes) out.set(v.number ?? 0, { vol: v, implicit: v.number === undefined });
  for (const v of h.volumes) {
    const k = v.number ?? 0;
    const prev = out.get(k);
    out.set(k, {
      vol: {
        ...(prev?.vol ?? {}),
        ...(v.device ? { device: v.device } : {}),
        ...(v.disk !== undefined ? { disk: v.disk } : {}),
        ...(v.metaDisk ? { metaDisk: v.metaDisk } : {}),
        ...(v.number !== undefined ? { number: v.number } : {}),
      },
      implicit: prev ? prev.implicit && v.number === undefined : v.number === undefined,
    });
  }
  return out;
}

/** A device name that carries its minor: `/dev/drbdN`. */
export const DRBD_DEVICE = /^\/dev\/drbd(\d+)$/;

/** The minor of a device statement (`minor N`, or N from `/dev/drbdN`). */
export function deviceMinor(d: DrbdVolume['device']): number | undefined {
  if (!d) return undefined;
  if (d.minor !== undefined) return d.minor;
  const name = d.name?.startsWith('drbd') ? `/dev/${d.name}` : d.name;
  const m = name ? DRBD_DEVICE.exec(name) : null;
  return m ? Number(m[1]) : undefined;
}

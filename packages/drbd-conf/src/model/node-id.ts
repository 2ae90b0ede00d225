import type { DrbdHost, DrbdResource } from '../schema.js';

/**
 * DRBD 9's implicit node-ids (reference Appendix A): crc32c with seed 0x1a656f21 over the
 * address text, reflected Castagnoli polynomial, no inversion, compared as signed 32-bit.
 */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

const UTF8 = new TextEncoder();

/** drbdadm's address hash (signed 32-bit) of `text`, byte-wise over its UTF-8 encoding. */
export function addressHash(text: string): number {
  let crc = 0x1a656f21;
  // addresses are ASCII: their UTF-8 bytes are their character codes
  if (/^[\x00-\x7f]*$/.test(text))
    for (let i = 0; i < text.length; i++) crc = TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  else for (const byte of UTF8.encode(text)) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return crc | 0;
}

/**
 * Node-ids for a two-host resource without explicit ids: the host whose address hashes higher
 * gets 0. Returns `undefined` for equal hashes (drbdadm: `BAD LUCK, equal hashes`).
 */
export function implicitNodeIds(ipA: string, ipB: string): [number, number] | undefined {
  const a = addressHash(ipA);
  const b = addressHash(ipB);
  if (a === b) return undefined;
  return a > b ? [0, 1] : [1, 0];
}

/** Node-ids as drbdadm 9 prints them (explicit, or generated for two hosts). */
export function effectiveNodeIds(r: DrbdResource): Map<DrbdHost, number> {
  const out = new Map<DrbdHost, number>();
  for (const h of r.hosts) if (h.nodeId !== undefined) out.set(h, h.nodeId);
  const hosts = r.hosts.filter((h) => h.kind !== 'stacked-on-top-of' || true);
  if (
    hosts.length === 2 &&
    r.connections.length === 0 &&
    r.meshes.length === 0 &&
    hosts.every((h) => h.nodeId === undefined && h.address)
  ) {
    // equal hashes (e.g. both on 127.0.0.1 behind proxies): drbdadm retries with the proxy outside addresses
    const [a, b] = [hosts[0]!, hosts[1]!];
    const ids =
      implicitNodeIds(a.address!.ip, b.address!.ip) ??
      (a.proxy?.outside && b.proxy?.outside
        ? implicitNodeIds(a.proxy.outside.ip, b.proxy.outside.ip)
        : undefined);
    if (ids) {
      out.set(hosts[0]!, ids[0]);
      out.set(hosts[1]!, ids[1]);
    }
  }
  return out;
}

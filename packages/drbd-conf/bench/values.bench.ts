import { test } from 'vitest';
import { emit } from '../src/index.js';
import { parseAddress, type ResourceInput } from '../src/model/build.js';
import { drbd } from '../src/schema-entry.js';

// The builder's address grammar (parsimmon, model/value-grammar.ts) against the code it
// replaced, per address and end to end (build, validate and emit 1,000 two-host resources).
// docs/performance.md quotes the numbers.
function oldAddress(a: string) {
  const v6 = /^\[([^\]]+)\]:(.+)$/.exec(a);
  if (v6) return { family: 'ipv6', ip: v6[1]!, port: v6[2]! };
  const i = a.lastIndexOf(':');
  return { ip: i < 0 ? a : a.slice(0, i), port: i < 0 ? '' : a.slice(i + 1) };
}

const inputs: ResourceInput[] = Array.from({ length: 1000 }, (_, i) => ({
  name: `r${i}`,
  device: `/dev/drbd${i}`,
  disk: `/dev/vg0/lv${i}`,
  metaDisk: 'internal',
  net: { protocol: 'C' },
  hosts: [
    { name: 'alice', address: i % 2 ? `10.1.1.31:${7000 + i}` : `[fd00::31]:${7000 + i}` },
    { name: 'bob', address: i % 2 ? `10.1.1.32:${7000 + i}` : `[fd00::32]:${7000 + i}` },
  ],
}));
const addresses = inputs.flatMap((r) => r.hosts.map((h) => h.address as string));

test('2,000 builder addresses, and 1,000 resources built and emitted', async ({ bench }) => {
  await bench.compare(
    bench('2,000 addresses: regexp and lastIndexOf (before)', () => {
      for (const a of addresses) oldAddress(a);
    }),
    bench('2,000 addresses: parsimmon grammar', () => {
      for (const a of addresses) parseAddress(a);
    }),
    bench('end to end: drbd.config of 1,000 drbd.resource + emit', () => {
      emit(drbd.config({ resources: inputs.map((r) => drbd.resource(r)) }));
    }),
    { time: 2000 },
  );
}, 120_000);

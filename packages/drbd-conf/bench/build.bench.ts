import { test } from 'vitest';
import { configModel, resourceModel } from '../src/model/build.js';
import { drbd, type ResourceInput, ResourceSchema } from '../src/schema-entry.js';

// What checking meaning costs a builder: `drbd.resource` (zod shape + emit + parse + path
// mapping) against the model constructor alone and the constructor plus the zod shape check.
const input: ResourceInput = {
  name: 'r0',
  device: '/dev/drbd0',
  disk: '/dev/vg0/r0',
  metaDisk: 'internal',
  net: { protocol: 'C', 'verify-alg': 'sha256', 'allow-two-primaries': false },
  diskOptions: { 'on-io-error': 'detach', 'resync-rate': '40M' },
  hosts: [
    { name: 'alice', address: '10.1.1.31:7789', nodeId: 0 },
    { name: 'bob', address: '10.1.1.32:7789', nodeId: 1 },
  ],
};
const resources = Array.from({ length: 100 }, (_, i) =>
  resourceModel({
    ...input,
    name: `r${i}`,
    device: `/dev/drbd${i}`,
    hosts: input.hosts.map((h) => ({ ...h, address: `${(h.address as string).split(':')[0]}:${7000 + i}` })),
  }),
);

test('builders: one two-host resource, and a config of 100', async ({ bench }) => {
  await bench.compare(
    bench('resourceModel (no checks)', () => {
      resourceModel(input);
    }),
    bench('resourceModel + zod shape', () => {
      ResourceSchema.parse(resourceModel(input));
    }),
    bench('drbd.resource (shape + meaning)', () => {
      drbd.resource(input);
    }),
    bench('drbd.config, 100 resources (shape + meaning)', () => {
      drbd.config({ resources });
    }),
    bench('configModel, 100 resources (no checks)', () => {
      configModel({ resources });
    }),
    { time: 1000 },
  );
}, 120_000);

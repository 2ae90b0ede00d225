import { Events2Parser, Events2Reducer, parse, statusMetrics } from '@ftkit/proc-drbd';
import { test } from 'vitest';
import { exposition } from '../src/exposition.js';

// What a change costs `ftkit exporter` at 1,000 resources × 3 peers: the state from the reducer,
// the mapping, and prom-client's rendering (a scrape between changes only sends the cached bytes:
// test/slow/exporter-scale.test.ts times that through HTTP). docs/performance.md, "exporter".

function dump(resources: number): string {
  const out: string[] = [];
  for (let i = 0; i < resources; i++) {
    const r = `res${i}`;
    out.push(
      `exists resource name:${r} role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10102`,
    );
    for (let p = 1; p <= 3; p++)
      out.push(
        `exists connection name:${r} peer-node-id:${p} conn-name:peer${p} connection:Connected role:Secondary congested:no ap-in-flight:0 rs-in-flight:0`,
      );
    out.push(
      `exists device name:${r} volume:0 minor:${i} disk:UpToDate client:no open:yes quorum:yes size:10485404 read:2101346 written:8392117 al-writes:1023 bm-writes:12 upper-pending:0 lower-pending:0 al-suspended:no blocked:no`,
    );
    for (let p = 1; p <= 3; p++)
      out.push(
        `exists peer-device name:${r} peer-node-id:${p} conn-name:peer${p} volume:0 replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no received:0 sent:8392117 out-of-sync:0 pending:0 unacked:0`,
      );
  }
  out.push('exists -');
  return `${out.join('\n')}\n`;
}

const text = dump(1000);
const reducer = new Events2Reducer().applyAll(new Events2Parser().push(text));
const status = parse(text, { source: 'events2' }).model;
const families = statusMetrics(status);
const change =
  'change peer-device name:res7 peer-node-id:2 conn-name:peer2 volume:0 replication:SyncSource peer-disk:Inconsistent done:12.50 received:0 sent:1 out-of-sync:2 pending:0 unacked:0 dbdt1:1.00 eta:10\n';

test('exporter: 1,000 resources × 3 peers', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('events2 change line: parse + reduce', () => {
      const p = new Events2Parser();
      for (const e of p.push(change)) reducer.apply(e);
    }),
    bench('reducer.toStatus()', () => {
      reducer.toStatus();
    }),
    bench('statusMetrics', () => {
      statusMetrics(status);
    }),
    bench('exposition (prom-client)', async () => {
      await exposition(families);
    }),
  );
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvents2 } from '@ftkit/proc-drbd';
import { describe, expect, it } from 'vitest';
import { Events2Alerts, formatAlert } from '../src/actions/events2-alerts.js';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../../packages/proc-drbd/test/fixtures');
const fx = (name: string) => join(fixtures, name);
const alertsOf = (text: string) => {
  const a = new Events2Alerts();
  return parseEvents2(text).model.flatMap((e) => a.apply(e).map(formatAlert));
};

describe('ftkit events2 --alert', () => {
  it('reports each transition into an unhealthy state of a recorded stream once', () => {
    const text = readFileSync(fx('events2-stream-timestamps-statistics-disconnect-resync-down.txt'), 'utf8');
    expect(alertsOf(text)).toEqual([
      // the peer is lost; Unconnected and Connecting are the same disconnect, not new ones
      '2024-06-20T10:17:03.551920+02:00 disconnect r0 beta: connection NetworkFailure',
      // `drbdadm down`: the connection goes, then the disk (Detaching is on the way, not a failure)
      '2024-06-20T10:30:20.101517+02:00 disconnect r0 beta: connection Disconnecting',
      '2024-06-20T10:30:20.127015+02:00 disk-failed r0 volume:0: disk Diskless (not a diskless client)',
    ]);
  });

  it('reports split brain, lost quorum, suspended I/O and a stalled resync', () => {
    const text = [
      'exists resource name:r0 role:Primary suspended:no',
      'exists device name:r0 volume:0 minor:0 disk:UpToDate client:no quorum:yes',
      'exists connection name:r0 peer-node-id:1 conn-name:b connection:Connected role:Secondary',
      'exists peer-device name:r0 peer-node-id:1 conn-name:b volume:0 replication:SyncSource peer-disk:Inconsistent done:10.00 dbdt1:5.00 eta:100',
      'exists -',
      'change peer-device name:r0 peer-node-id:1 conn-name:b volume:0 done:12.50 dbdt1:0.00 eta:nan',
      'change peer-device name:r0 peer-node-id:1 conn-name:b volume:0 done:12.50 dbdt1:0.00 eta:nan',
      'change device name:r0 volume:0 quorum:no',
      'change resource name:r0 suspended:quorum',
      'call helper name:r0 peer-node-id:1 conn-name:b volume:0 helper:split-brain',
      'change device name:r0 volume:0 quorum:yes',
      'change device name:r0 volume:0 quorum:no',
      '',
    ].join('\n');
    expect(alertsOf(text)).toEqual([
      'resync-stalled r0 b volume:0: SyncSource stalled at 12.50%',
      'quorum-lost r0 volume:0: quorum lost',
      'io-suspended r0: I/O suspended (quorum)',
      'split-brain r0 b: the kernel called the `split-brain` handler',
      'quorum-lost r0 volume:0: quorum lost',
    ]);
  });

  it('prints nothing and exits 0 for a healthy stream; exits 1 with alerts', async () => {
    const ok = memoryIo('/');
    expect(
      await run(['events2', '--alert', fx('events2-now-timestamps-statistics-two-node.txt')], ok.io),
    ).toBe(0);
    expect(ok.stdout()).toBe('');
    const bad = memoryIo('/');
    expect(
      await run(['events2', '--alert', fx('events2-now-timestamps-statistics-three-node.txt')], bad.io),
    ).toBe(1);
    expect(bad.stdout()).toBe(
      '2024-06-20T10:15:42.118351+02:00 disconnect web beta: connection Connecting\n',
    );
  });
});
